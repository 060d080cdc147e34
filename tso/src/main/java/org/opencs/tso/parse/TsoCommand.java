package org.opencs.tso.parse;

import java.util.List;

/** A parsed command: its name (upper case), its operands in order, and what the parser had to overlook. */
public record TsoCommand(String name, List<Operand> operands, String text, List<String> warnings) {
    public TsoCommand {
        operands = List.copyOf(operands);
        warnings = List.copyOf(warnings);
    }
}

package org.opencs.tso.parse;

import java.util.List;

/** One operand of a TSO command: a word or quoted string, a keyword with its parenthesised operands, or a list. */
public sealed interface Operand {
    /** A bare word or a quoted string (quotes removed, doubled quotes undone). */
    record Word(String text, boolean quoted) implements Operand {
    }

    /** KEYWORD or KEYWORD(operands...). */
    record Keyword(String name, List<Operand> operands) implements Operand {
        public Keyword {
            operands = List.copyOf(operands);
        }
    }

    /** A parenthesised list of positional values: ADDUSER (USER1 USER2). */
    record Group(List<Operand> operands) implements Operand {
        public Group {
            operands = List.copyOf(operands);
        }
    }
}

package org.opencs.jes.programs;

import java.util.List;

/**
 * One IDCAMS command as the parser reads it from SYSIN (z/OS DFSMS Access Method Services Commands): the functional
 * commands OpenCS runs, SET and IF/THEN/ELSE with DO/END groups, and a command that could not be read. Each carries
 * the input lines it came from ({@code echo}), which the listing repeats before running it.
 */
public sealed interface IdcamsCommand {
    List<String> echo();

    /** A data set named as INDATASET/OUTDATASET (a data set name) or INFILE/OUTFILE (a DD name). */
    record Source(String name, boolean ddName) {
    }

    /** DELETE entry... [PURGE|NOPURGE] [NONVSAM] [SCRATCH|NOSCRATCH]: names may end in generic '*' qualifiers. */
    record Delete(List<String> entries, boolean purge, List<String> echo) implements IdcamsCommand {
    }

    /** LISTCAT [ENTRIES(name...)|LEVEL(level)] [NAME|ALL]; neither ENTRIES nor LEVEL: the whole catalog. */
    record Listcat(List<String> entries, String level, boolean all, List<String> echo) implements IdcamsCommand {
    }

    /** REPRO INFILE(dd)|INDATASET(name) OUTFILE(dd)|OUTDATASET(name) [SKIP(n)] [COUNT(n)]. */
    record Repro(Source in, Source out, int skip, int count, List<String> echo) implements IdcamsCommand {
    }

    /** The formats of PRINT: CHARACTER, HEX, DUMP (the default). */
    enum Format { CHARACTER, HEX, DUMP }

    /** PRINT INFILE(dd)|INDATASET(name) [CHARACTER|HEX|DUMP] [SKIP(n)] [COUNT(n)]. */
    record Print(Source in, Format format, int skip, int count, List<String> echo) implements IdcamsCommand {
    }

    /** SET MAXCC=n or SET LASTCC=n. */
    record SetCode(boolean maxcc, int value, List<String> echo) implements IdcamsCommand {
    }

    /** A comparison of IF: LASTCC or MAXCC, an operator (=, ¬=, >, <, >=, <=), a number. */
    record Condition(boolean maxcc, String operator, int value) {
        boolean holds(int lastcc, int maxccValue) {
            int left = maxcc ? maxccValue : lastcc;
            return switch (operator) {
                case "=" -> left == value;
                case "¬=" -> left != value;
                case ">" -> left > value;
                case "<" -> left < value;
                case ">=" -> left >= value;
                default -> left <= value;
            };
        }
    }

    /** IF condition THEN command [ELSE command]; a branch is one command, the commands of DO ... END, or none. */
    record If(Condition condition, List<IdcamsCommand> then, List<IdcamsCommand> otherwise, List<String> echo)
            implements IdcamsCommand {
    }

    /** A command the parser refused: the IDC32xxI messages to print; it sets condition code 12. */
    record Invalid(List<String> messages, List<String> echo) implements IdcamsCommand {
    }
}

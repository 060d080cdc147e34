package org.opencs.jes.programs;

import java.util.List;

/**
 * One IEBCOPY control statement as the parser reads it from SYSIN (z/OS DFSMSdfp Utilities, "IEBCOPY Program",
 * "Control"): COPY starts a copy operation, INDD= statements add input data sets to it, SELECT and EXCLUDE (and
 * MEMBER= statements continuing them) choose members of the inputs named before them. Each carries the SYSIN records
 * it came from ({@code echo}), which the listing repeats.
 */
public sealed interface IebcopyStatement {
    List<String> echo();

    /** An input DD of INDD=: {@code (name,R)} replaces like-named members of the output. */
    record Input(String ddName, boolean replace) {
    }

    /** {@code COPY OUTDD=out,INDD=in...}: a new copy operation with its first inputs (none when INDD comes later). */
    record Copy(String outDd, List<Input> inputs, List<String> echo) implements IebcopyStatement {
    }

    /** A separate {@code INDD=...} statement: more inputs for the current COPY. */
    record InputDds(List<Input> inputs, List<String> echo) implements IebcopyStatement {
    }

    /**
     * A member of SELECT: {@code name}, {@code (name,newname)}, {@code (name,newname,R)} or {@code (name,,R)};
     * {@code newName} is null when the member keeps its name. A name may hold the V2R1 wildcards {@code *} and
     * {@code %} (then it cannot be renamed).
     */
    record MemberSpec(String name, String newName, boolean replace) {
        /** The name the member gets in the output. */
        public String target(String member) {
            return newName == null ? member : newName;
        }

        boolean generic() {
            return name.indexOf('*') >= 0 || name.indexOf('%') >= 0;
        }

        /** Whether {@code member} is this name or matches its wildcards. */
        boolean matches(String member) {
            return generic() ? member.matches(name.replace("%", ".").replace("*", ".*")) : member.equals(name);
        }
    }

    /** {@code SELECT MEMBER=(...)} (or a MEMBER= statement continuing a SELECT). */
    record Select(List<MemberSpec> members, List<String> echo) implements IebcopyStatement {
    }

    /** {@code EXCLUDE MEMBER=(...)} (or a MEMBER= statement continuing an EXCLUDE). */
    record Exclude(List<String> members, List<String> echo) implements IebcopyStatement {
    }

    /** A statement the parser refused: the message to print; the copy operation it belongs to ends with severity 8. */
    record Invalid(String message, List<String> echo) implements IebcopyStatement {
    }
}

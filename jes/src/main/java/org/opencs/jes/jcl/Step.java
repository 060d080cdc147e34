package org.opencs.jes.jcl;

import java.util.List;
import java.util.Map;

/**
 * One job step after PROC expansion, overrides and symbol substitution. {@code stepName} is the EXEC statement's name
 * (for a step from a PROC: the name of the EXEC that called the PROC); {@code procStepName} the step's name inside
 * the PROC, or null; {@code procName} the PROC's name, or null. {@code program} is PGM= upper-cased. {@code parm} is
 * PARM= with its enclosing quotes or parentheses removed and doubled quotes made single ("" when absent).
 * {@code keywords} are the other EXEC keywords as written (REGION, TIME, DYNAMNBR, ...). Source: z/OS MVS JCL
 * Reference, "EXEC statement".
 */
public record Step(int statement, String stepName, String procStepName, String procName, String program, String parm,
                   CondParameter cond, Map<String, String> keywords, List<DdStatement> dds) implements JobElement {
    public Step {
        keywords = Map.copyOf(keywords);
        dds = List.copyOf(dds);
    }
}

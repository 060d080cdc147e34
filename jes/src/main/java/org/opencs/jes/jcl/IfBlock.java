package org.opencs.jes.jcl;

import java.util.List;

/**
 * IF (expression) THEN ... [ELSE ...] ENDIF: the THEN elements run when {@code condition} is true after the steps
 * before it, the ELSE elements when false; the steps of the branch not taken are not run ("NOT EXECUTED"). Source:
 * z/OS MVS JCL Reference, "IF/THEN/ELSE/ENDIF statement construct".
 */
public record IfBlock(int statement, String name, IfExpression condition, List<JobElement> thenElements,
                      List<JobElement> elseElements) implements JobElement {
    public IfBlock {
        thenElements = List.copyOf(thenElements);
        elseElements = List.copyOf(elseElements);
    }
}

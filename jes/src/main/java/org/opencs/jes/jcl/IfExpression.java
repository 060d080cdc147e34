package org.opencs.jes.jcl;

/**
 * The relational expression of an IF statement (RC, stepname.RC, ABEND, ¬ABEND, ABENDCC=, RUN, with NOT/¬, AND/&,
 * OR/|, comparison operators GT/&gt; GE LT LE EQ/= NE/¬= NG NL and parentheses), evaluated against the steps run so
 * far. Source: z/OS MVS JCL Reference, "IF/THEN/ELSE/ENDIF statement construct: relational-expression".
 */
public interface IfExpression {
    boolean evaluate(StepHistory history);

    /** The expression as written (for the step table's "NOT EXECUTED" reason and JESYSMSG). */
    String text();
}

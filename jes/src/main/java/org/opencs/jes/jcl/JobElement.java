package org.opencs.jes.jcl;

/** What a job runs, in order: a step, or an IF/THEN/ELSE/ENDIF construct around steps. */
public sealed interface JobElement permits Step, IfBlock {
    /** The statement number (as JESJCL numbers statements) of the EXEC or IF statement. */
    int statement();
}

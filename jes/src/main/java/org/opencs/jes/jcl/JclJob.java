package org.opencs.jes.jcl;

import java.util.List;

/**
 * A job as the JCL reader and converter leave it: the JOB statement, the elements to run, the JESJCL listing (every
 * statement as z/OS lists it: statement numbers, "XX"/"++" prefixes for PROC statements, "***" for comments,
 * IEFC653I substitution lines; the job ID is not in it) and the conversion messages. A job with an error
 * ({@link #hasErrors()}) runs no step and ends "JCL ERROR".
 */
public record JclJob(JobCard card, List<JobElement> elements, List<String> jesjcl, List<JclMessage> messages,
                     List<String> jes2Statements) {
    public JclJob {
        elements = List.copyOf(elements);
        jesjcl = List.copyOf(jesjcl);
        messages = List.copyOf(messages);
        jes2Statements = List.copyOf(jes2Statements);
    }

    /**
     * Whether a message is an error (IEFC messages ending in I are errors here unless they are IEFC653I, IEFC001I or
     * IEFC002I).
     */
    public boolean hasErrors() {
        return messages.stream().anyMatch(m -> !m.id().equals("IEFC653I") && !m.id().equals("IEFC001I")
                && !m.id().equals("IEFC002I"));
    }
}

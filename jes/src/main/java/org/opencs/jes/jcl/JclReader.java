package org.opencs.jes.jcl;

import java.util.List;

/**
 * Reads a job's card images (80-column JCL, the first statement a JOB statement) into a {@link JclJob}. It never
 * throws for bad JCL: errors are {@link JclMessage}s in the job. Source: z/OS MVS JCL Reference, "JCL statement
 * fields", "Continuing JCL statements"; z/OS JES2 Initialization and Tuning (in-stream data, JES2 control statements).
 */
public final class JclReader {
    private JclReader() {
    }

    /**
     * Reads one job. {@code cards} are the card images as submitted (columns beyond 80 are ignored); the first JCL
     * statement should be the JOB statement (without one the job gets IEFC605I and the submitter's ID as its name).
     * Cards after a null statement ({@code //}) or after a second JOB statement are not read. Cataloged procedures
     * are read through {@code environment}. Never throws for bad JCL.
     */
    public static JclJob read(List<String> cards, JclEnvironment environment) {
        return JclConverter.convert(cards, environment);
    }
}

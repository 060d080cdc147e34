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

    public static JclJob read(List<String> cards, JclEnvironment environment) {
        throw new UnsupportedOperationException("the JCL reader is being written");
    }
}

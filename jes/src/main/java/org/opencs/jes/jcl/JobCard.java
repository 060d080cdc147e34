package org.opencs.jes.jcl;

import java.util.Map;
import java.util.Optional;

/**
 * The JOB statement after symbol substitution: the job name (1-8 characters), the positional accounting information
 * and programmer name as written (quotes kept, may be empty), and the keyword parameters upper-cased by name with
 * their values as written (CLASS, MSGCLASS, MSGLEVEL, NOTIFY, TYPRUN, USER, PASSWORD, REGION, TIME, COND, ...).
 * Source: z/OS MVS JCL Reference, "JOB statement".
 */
public record JobCard(int statement, String jobName, String accounting, String programmer, Map<String, String> keywords) {
    public JobCard {
        keywords = Map.copyOf(keywords);
    }

    /** CLASS=, default A (JES2's default job class for batch). */
    public String jobClass() {
        return keywords.getOrDefault("CLASS", "A");
    }

    /** MSGCLASS=, the output class of the job log; default A. */
    public String msgClass() {
        return keywords.getOrDefault("MSGCLASS", "A");
    }

    /** NOTIFY= user to tell when the job ends (&SYSUID already substituted). */
    public Optional<String> notifyUser() {
        return Optional.ofNullable(keywords.get("NOTIFY"));
    }

    /** TYPRUN=SCAN, HOLD, JCLHOLD or COPY as written, if given. */
    public Optional<String> typrun() {
        return Optional.ofNullable(keywords.get("TYPRUN"));
    }

    public Optional<String> user() {
        return Optional.ofNullable(keywords.get("USER"));
    }

    public Optional<String> password() {
        return Optional.ofNullable(keywords.get("PASSWORD"));
    }
}

package org.opencs.jes.queue;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.opencs.jes.JesException;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.ResourceProfile;
import org.opencs.saf.users.User;

/**
 * JESSPOOL rules for a request about a job: a user may see and cancel the jobs they own (run as) or submitted; a
 * SPECIAL user all jobs; any other user needs READ (to see the job and its spool) or ALTER (to cancel or purge it) to
 * the JESSPOOL profile covering {@code nodeid.userid.jobname.jobid} (the job's owner as userid), through its access
 * list or UACC. Profiles are generic as RACF's: {@code *} stands for one qualifier or part of one, {@code **} for any
 * number of qualifiers ({@code N1.USER1.**}). Source: z/OS JES2 Initialization and Tuning Guide, "Protecting
 * SYSIN/SYSOUT data sets" (JESSPOOL class).
 */
public final class SpoolAccess {
    public static final String CLASS = "JESSPOOL";

    private final Registry registry;
    private final String node;

    public SpoolAccess(Registry registry, String node) {
        this.registry = registry;
        this.node = node;
    }

    public boolean allowed(User user, JobRecord job, AccessLevel needed) {
        if (user.special() || user.userid().equals(job.owner()) || user.userid().equals(job.submitter())) {
            return true;
        }
        String resource = resource(job);
        Optional<ResourceProfile> profile = registry.resources().list(CLASS).stream()
                .filter(p -> matches(p.profile(), resource))
                .max(Comparator.comparingInt(p -> p.profile().replace("*", "").length()));
        if (profile.isEmpty()) {
            return false;
        }
        Map<String, AccessLevel> access = registry.resources().accessList(CLASS, profile.get().profile());
        return access.getOrDefault(user.userid(), profile.get().uacc()).allows(needed);
    }

    /** Throws NOT_AUTHORIZED (ICH408I, with an audit record) unless {@link #allowed}. */
    public void check(User user, JobRecord job, AccessLevel needed) {
        if (allowed(user, job, needed)) {
            return;
        }
        registry.audit().record(registry.clock().instant(), "ACCESS_DENIED", Map.of("user", user.userid(),
                "class", CLASS, "profile", resource(job), "access", needed.name()));
        throw new JesException(JesException.Reason.NOT_AUTHORIZED, "ICH408I", "USER(" + user.userid() + ") "
                + resource(job) + " CL(" + CLASS + ") INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(" + needed + ")");
    }

    /** nodeid.userid.jobname.jobid. */
    public String resource(JobRecord job) {
        return node + "." + job.owner() + "." + job.jobName() + "." + job.jobId();
    }

    static boolean matches(String profile, String name) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < profile.length(); i++) {
            char c = profile.charAt(i);
            if (c == '*' && i + 1 < profile.length() && profile.charAt(i + 1) == '*') {
                boolean dotBefore = regex.length() >= 2 && regex.substring(regex.length() - 2).equals("\\.");
                if (dotBefore) {
                    regex.setLength(regex.length() - 2);
                    regex.append("(\\..*)?");
                } else {
                    regex.append(".*");
                }
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(c);
            } else {
                regex.append('\\').append(c);
            }
        }
        return name.matches(regex.toString());
    }
}

package org.opencs.jes.exec;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetName;
import org.opencs.jes.jcl.JclEnvironment;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.users.User;

/**
 * The system as the JCL converter sees it for one job: its submitter, the time it was submitted (in the system's
 * local time zone, for &LYYMMDD and the like), PROCLIB members read through the catalog with the submitter's READ
 * authority (a member the submitter may not read is as missing), and the system procedure libraries.
 */
public final class JobEnvironment implements JclEnvironment {
    private final Registry registry;
    private final Catalog catalog;
    private final User submitter;
    private final Instant submitted;
    private final List<String> procLibraries;

    public JobEnvironment(Registry registry, Catalog catalog, User submitter, Instant submitted,
                          List<String> procLibraries) {
        this.registry = registry;
        this.catalog = catalog;
        this.submitter = submitter;
        this.submitted = submitted;
        this.procLibraries = List.copyOf(procLibraries);
    }

    @Override
    public String submitter() {
        return submitter.userid();
    }

    @Override
    public ZonedDateTime submitted() {
        return ZonedDateTime.ofInstant(submitted, ZoneId.systemDefault());
    }

    @Override
    public Optional<List<String>> procMember(String dsname, String member) {
        try {
            DatasetName name = new DatasetName(dsname, member);
            if (!catalog.exists(name) || !new DatasetAccess(registry).allowed(submitter, name, AccessLevel.READ)) {
                return Optional.empty();
            }
            return Optional.of(catalog.readText(name).lines().toList());
        } catch (ZosException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> systemProcLibraries() {
        return procLibraries;
    }
}

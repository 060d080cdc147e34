package org.opencs.jes.exec;

import java.util.Collection;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetName;
import org.opencs.jes.jcl.Disposition;
import org.opencs.saf.resources.AccessLevel;

/**
 * DISP processing when a step ends (normal or abnormal disposition) and when the job ends (passed and temporary
 * data sets), with IEF285I lines in JESYSMSG: KEPT, CATALOGED, DELETED, PASSED, UNCATALOGED; SYSIN and SYSOUT for
 * spool data sets. OpenCS keeps every data set in its catalog, so UNCATLG only says UNCATALOGED and leaves the data
 * set where it is; deleting needs the job user's ALTER authority (else IEF283I ... NOT DELETED 8). Source: z/OS MVS
 * JCL Reference, "DISP parameter"; z/OS MVS System Messages, IEF283I, IEF285I.
 */
final class DispositionProcessor {
    private final Catalog catalog;
    private final DatasetAccess access;

    DispositionProcessor(Catalog catalog, DatasetAccess access) {
        this.catalog = catalog;
        this.access = access;
    }

    void stepEnded(JobState job, Collection<AllocatedDd> dds, boolean abended) {
        for (AllocatedDd dd : dds) {
            for (Allocated element : dd.elements()) {
                if (element instanceof Allocated.Dataset d) {
                    Disposition.Action action = abended ? d.abnormal() : d.normal();
                    apply(job, d, action);
                } else if (element instanceof Allocated.Sysout s) {
                    line(job, s.jesName(), "SYSOUT");
                } else if (element instanceof Allocated.Instream in) {
                    line(job, in.jesName(), "SYSIN");
                }
            }
        }
    }

    /** At job end: passed data sets never received, and every temporary data set still there, are deleted. */
    void jobEnded(JobState job) {
        for (Allocated.Dataset d : job.passed.values()) {
            if (d.temporary() || d.created()) {
                delete(job, d.name().withoutMember(), true);
            } else {
                line(job, d.name().name(), "KEPT");
            }
        }
        for (DatasetName temp : job.temporaries.values()) {
            if (!job.passed.containsKey(temp.name()) && catalog.exists(temp)) {
                delete(job, temp, true);
            }
        }
        job.passed.clear();
    }

    private void apply(JobState job, Allocated.Dataset d, Disposition.Action action) {
        String name = d.name().name();
        switch (action) {
            case KEEP -> line(job, name, d.temporary() ? "PASSED" : "KEPT");
            case CATLG -> line(job, name, d.temporary() ? "PASSED" : "CATALOGED");
            case UNCATLG -> line(job, name, "UNCATALOGED");
            case PASS -> {
                job.passed.put(name, d);
                line(job, name, "PASSED");
            }
            case DELETE -> delete(job, d.name().withoutMember(), d.temporary() || d.created());
        }
        if (d.temporary() && action != Disposition.Action.DELETE) {
            job.passed.putIfAbsent(name, d);
        }
    }

    private void delete(JobState job, DatasetName name, boolean ownedByJob) {
        if (!catalog.exists(name)) {
            line(job, name.name(), "DELETED");
            return;
        }
        if (!ownedByJob && !access.allowed(job.user, name, AccessLevel.ALTER)) {
            job.log.system(String.format("IEF283I   %-44s NOT DELETED   8", name.name()));
            return;
        }
        try {
            catalog.delete(name);
            line(job, name.name(), "DELETED");
        } catch (ZosException e) {
            job.log.system(String.format("IEF283I   %-44s NOT DELETED   8", name.name()));
        }
    }

    private static void line(JobState job, String name, String disposition) {
        job.log.system(String.format("IEF285I   %-44s %s", name, disposition));
    }
}

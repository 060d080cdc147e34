package org.opencs.jes.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencs.datasets.DatasetName;
import org.opencs.jes.jcl.StepHistory;
import org.opencs.jes.jcl.StepResult;
import org.opencs.jes.queue.JobRecord;
import org.opencs.saf.users.User;

/**
 * What one running job keeps between its steps: the user it runs as, its log, the names given to its temporary
 * data sets, the data sets its steps allocated (for backward references *.STEP.DD), the data sets passed and not yet
 * received, the step results (for COND= and IF), and the numbers of its next spool files.
 */
final class JobState implements StepHistory {
    final JobRecord record;
    final User user;
    final Instant started;
    final JobLog log;
    final Map<String, DatasetName> temporaries = new HashMap<>();
    final Map<String, DatasetName> references = new HashMap<>();
    /** Passed data sets (name without member) not yet received with a final disposition: created in this job? */
    final Map<String, Allocated.Dataset> passed = new LinkedHashMap<>();
    final List<StepResult> results = new ArrayList<>();
    int nextDataNumber = 101;
    int nextSpoolFile = 4;

    JobState(JobRecord record, User user, Instant started, JobLog log) {
        this.record = record;
        this.user = user;
        this.started = started;
        this.log = log;
    }

    @Override
    public List<StepResult> results() {
        return List.copyOf(results);
    }

    /** The spool data set name IEF285I shows for in-stream data and SYSOUT: owner.jobname.jobid.Dnnnnnnn.? */
    String nextJesName() {
        return record.owner() + "." + record.jobName() + "." + record.jobId() + "."
                + String.format("D%07d", nextDataNumber++) + ".?";
    }
}

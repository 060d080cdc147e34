package org.opencs.jes.exec;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.opencs.datasets.Catalog;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.StepContext;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.commands.TsoCommandHandler;

/** The {@link StepContext} of one running step. */
final class JobStepContext implements StepContext {
    private final JobState job;
    private final String stepName;
    private final String parm;
    private final Registry registry;
    private final Catalog catalog;
    private final List<TsoCommandHandler> tsoExtensions;
    private final Map<String, AllocatedDd> dds;
    private final Consumer<String> jobLog;
    private final RunningJob running;

    JobStepContext(JobState job, String stepName, String parm, Registry registry, Catalog catalog,
                   List<TsoCommandHandler> tsoExtensions, Map<String, AllocatedDd> dds, Consumer<String> jobLog,
                   RunningJob running) {
        this.job = job;
        this.stepName = stepName;
        this.parm = parm;
        this.registry = registry;
        this.catalog = catalog;
        this.tsoExtensions = tsoExtensions;
        this.dds = dds;
        this.jobLog = jobLog;
        this.running = running;
    }

    @Override
    public String jobName() {
        return job.record.jobName();
    }

    @Override
    public String jobId() {
        return job.record.jobId();
    }

    @Override
    public String stepName() {
        return stepName;
    }

    @Override
    public String parm() {
        return parm == null ? "" : parm;
    }

    @Override
    public User user() {
        return job.user;
    }

    @Override
    public Registry registry() {
        return registry;
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public Clock clock() {
        return registry.clock();
    }

    @Override
    public TsoProcessor tso() {
        return new TsoProcessor(tsoExtensions);
    }

    @Override
    public Optional<DataDefinition> dd(String ddName) {
        return Optional.ofNullable(dds.get(ddName.toUpperCase(java.util.Locale.ROOT)));
    }

    @Override
    public void jobLog(String message) {
        jobLog.accept(message);
    }

    @Override
    public boolean cancelled() {
        return running.cancelled();
    }
}

package org.opencs.jes.programs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencs.datasets.Catalog;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoProcessor;

/** A step as the initiator would build it, over a real registry and catalog: only this glue is the test's. */
final class TestStep implements StepContext {
    private final Registry registry;
    private final Catalog catalog;
    private final User user;
    private final String parm;
    private final Map<String, TestDd> dds = new LinkedHashMap<>();
    final List<String> jobLog = new ArrayList<>();
    final AtomicBoolean cancelled = new AtomicBoolean();

    TestStep(Registry registry, String userid, String parm, TestDd... dds) {
        this.registry = registry;
        this.catalog = new Catalog(registry.home(), registry.clock());
        this.user = registry.users().find(userid).orElseThrow();
        this.parm = parm;
        for (TestDd dd : dds) {
            this.dds.put(dd.ddName(), dd);
        }
    }

    /** Runs the program and commits its data set output, as the initiator does at the end of the step. */
    int run(Program program) throws Abend {
        int code = program.run(this);
        dds.values().forEach(TestDd::commit);
        return code;
    }

    TestDd ddOf(String name) {
        return dds.get(name);
    }

    @Override
    public String jobName() {
        return "TESTJOB";
    }

    @Override
    public String jobId() {
        return "JOB00001";
    }

    @Override
    public String stepName() {
        return "STEP1";
    }

    @Override
    public String parm() {
        return parm;
    }

    @Override
    public User user() {
        return user;
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
        return new TsoProcessor();
    }

    @Override
    public Optional<DataDefinition> dd(String ddName) {
        return Optional.ofNullable(dds.get(ddName));
    }

    @Override
    public void jobLog(String message) {
        jobLog.add(message);
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }
}

package org.opencs.jes.exec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencs.jes.Completion;
import org.opencs.jes.queue.JobQueue;
import org.opencs.jes.queue.JobRecord;
import org.opencs.jes.queue.Spool;
import org.slf4j.Logger;

/**
 * The initiators of this process: each a thread that takes the oldest waiting job from the queue (any class: OpenCS
 * initiators serve every job class), runs it, and takes the next; with nothing to run it waits for a submission in
 * this process ({@link #wakeUp}) or the next look at the queue (jobs submitted by other processes and nodes), a
 * quarter of a second later. A job waits on the INPUT queue while every initiator is busy.
 */
public final class Initiators implements AutoCloseable {
    /** Told when a job this process ran has ended. */
    @FunctionalInterface
    public interface Listener {
        void ended(JobRecord job, JobRunner.Outcome outcome);
    }

    /** The job classes the initiators select (JES2 INIT CLASS=); "" for every class. */
    private final String classes;
    private final JobQueue queue;
    private final Spool spool;
    private final JobRunner runner;
    private final Clock clock;
    private final Listener listener;
    private final Logger log;
    private final Duration poll;
    private final String node;
    private final String jesNode;
    private final String host;
    private final String instance;
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object signal = new Object();
    private long wakeUps;
    private volatile boolean stopping;

    /** {@code instance}: this process's node instance (Registry.instance()), recorded with every job it claims. */
    public Initiators(int count, String classes, JobQueue queue, Spool spool, JobRunner runner, Clock clock,
                      String node, String jesNode, String instance, Duration poll, Listener listener, Logger log) {
        this.instance = instance;
        this.classes = classes;
        this.queue = queue;
        this.spool = spool;
        this.runner = runner;
        this.clock = clock;
        this.node = node;
        this.jesNode = jesNode;
        this.poll = poll;
        this.listener = listener;
        this.log = log;
        this.host = hostName();
        for (int i = 1; i <= count; i++) {
            int number = i;
            Thread thread = new Thread(() -> loop(number), "JES2 INIT " + number);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** This machine's name, as ACTIVE jobs record it (recovery only touches jobs of its own host). */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** A job submitted here: an idle initiator looks at the queue now. */
    public void wakeUp() {
        synchronized (signal) {
            wakeUps++;
            signal.notifyAll();
        }
    }

    /** The job if an initiator of this process runs it. */
    public Optional<RunningJob> running(String jobId) {
        return Optional.ofNullable(running.get(jobId));
    }

    private void loop(int number) {
        JobQueue.Claimant claimant = new JobQueue.Claimant(node, host, ProcessHandle.current().pid(), instance, number);
        while (!stopping) {
            long seen;
            synchronized (signal) {
                seen = wakeUps;
            }
            Optional<JobRecord> job;
            try {
                job = queue.claim(claimant, clock.instant(), classes);
            } catch (RuntimeException e) {
                log.error("OCS3004E JES2 INITIATOR " + number + " CANNOT READ THE JOB QUEUE: " + e.getMessage());
                job = Optional.empty();
            }
            if (job.isPresent()) {
                run(job.get(), number);
                continue;
            }
            synchronized (signal) {
                if (!stopping && wakeUps == seen) {
                    try {
                        signal.wait(poll.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private void run(JobRecord job, int number) {
        RunningJob handle = new RunningJob(job.jobId(), queue);
        running.put(job.jobId(), handle);
        JobRunner.Outcome outcome;
        try {
            outcome = runner.run(job, number, handle);
        } catch (RuntimeException e) {
            String text = "OCS3003E JOB " + job.jobName() + " " + job.jobId() + " ENDED BY AN UNEXPECTED ERROR IN "
                    + "JES2 (A FAULT IN OPENCS, PLEASE REPORT IT WITH THIS JOB)";
            log.error(text);
            log.debug("JES2 fault", e);
            Completion completion = new Completion.Abended("0C4");
            try {
                queue.finish(job.jobId(), completion, clock.instant());
            } catch (RuntimeException ignored) {
                // The queue is unreachable: the next start ends the job (recovery).
            }
            outcome = new JobRunner.Outcome(completion, job.notifyUser(),
                    job.notifyUser() == null ? null : Completions.hasp165(job.jobName(), jesNode, completion));
        } finally {
            running.remove(job.jobId());
        }
        boolean purge = handle.purge() || queue.find(job.jobId()).map(JobRecord::purgeRequested).orElse(false);
        if (purge) {
            queue.purge(job.jobId());
            spool.purge(job.jobId());
        }
        listener.ended(job, outcome);
    }

    /**
     * Stops taking jobs; a running job gets 5 seconds to end, then is cancelled (S222) and given 10 more.
     */
    @Override
    public void close() {
        stopping = true;
        wakeUp();
        join(5000);
        running.values().forEach(r -> r.cancel(false));
        join(10000);
    }

    private void join(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (Thread thread : threads) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                try {
                    thread.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

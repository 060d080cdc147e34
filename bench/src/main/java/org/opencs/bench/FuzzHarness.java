package org.opencs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The long fuzzing runs of issue 15: the same jqwik properties CI runs for a few seconds (real servers on loopback
 * ports, raw sockets, mutated files), run again and again with a fresh random seed each time, so every run explores
 * new inputs. Usage: {@code java -cp bench/target/benchmarks.jar org.opencs.bench.FuzzHarness RUNS [CLASS ...]}; the
 * exit code is 1 when any run found a failure (jqwik prints the falsifying sample and its seed).
 */
public final class FuzzHarness {
    /** The fuzz properties of the modules (each runs its own bounded number of tries per run). */
    static final List<String> FUZZ_CLASSES = List.of(
            "org.opencs.ftp.server.FtpCommandFuzzTest",
            "org.opencs.ftp.config.FtpDataFuzzTest",
            "org.opencs.tn3270.server.Tn3270FuzzTest",
            "org.opencs.tn3270.config.ProfileFuzzTest",
            "org.opencs.tso.hostile.TsoCommandFuzzTest",
            "org.opencs.pki.hostile.DamagedFilesTest");

    private FuzzHarness() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> classes = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : FUZZ_CLASSES;
        Path databaseDir = Files.createTempDirectory("jqwik");
        Path database = databaseDir.resolve("database"); // jqwik creates it; an empty file would not read
        Launcher launcher = LauncherFactory.create();
        long failed = 0;
        long tests = 0;
        long started = System.nanoTime();
        for (int run = 1; run <= runs; run++) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(classes.stream().map(DiscoverySelectors::selectClass).toList())
                    // A new seed every run; a failure found is reported, not replayed.
                    .configurationParameter("jqwik.failures.after.default", "RANDOM_SEED")
                    .configurationParameter("jqwik.database", database.toString())
                    .build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            TestExecutionSummary summary = listener.getSummary();
            tests += summary.getTestsSucceededCount() + summary.getTestsFailedCount();
            failed += summary.getTestsFailedCount();
            List<String> failures = new ArrayList<>();
            summary.getFailures().forEach(f -> failures.add(f.getTestIdentifier().getDisplayName() + ": "
                    + f.getException().getMessage()));
            System.out.printf("run %d/%d: %d properties, %d failed%s%n", run, runs,
                    summary.getTestsSucceededCount() + summary.getTestsFailedCount(), summary.getTestsFailedCount(),
                    failures.isEmpty() ? "" : "\n  " + String.join("\n  ", failures));
        }
        Files.deleteIfExists(database);
        Files.deleteIfExists(databaseDir);
        System.out.printf("%d passed, %d failed%n", tests - failed, failed);
        System.out.printf("FuzzHarness: %d runs of %s in %.0f s%n", runs, classes, (System.nanoTime() - started) / 1e9);
        System.exit(failed == 0 ? 0 : 1);
    }
}

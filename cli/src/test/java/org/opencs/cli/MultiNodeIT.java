package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.net.Haproxy;
import org.opencs.testkit.ExternalCommand;

/**
 * Issue 12's multi-node test: two nodes of one system (SYSA and SYSB, each {@code opencs start} in a JVM of its own,
 * one PostgreSQL schema, one shared directory) behind a real HAProxy in TCP mode (docs/deployment.md "Behind a load
 * balancer": listening on 127.0.0.2, connecting to the nodes from 127.0.0.3 with {@code send-proxy-v2}, round robin
 * with health checks for the FTPS control port and the TN3270E secure port, one frontend per node's
 * PASSIVEDATAPORTS range). Through the balancer: curl's FTPS transfers reach both nodes, s3270 terminals held at
 * once reach the TSO/E logon panel on both nodes under distinct LU names, a job submitted with SITE FILETYPE=JES
 * runs. Then node B is killed (SIGKILL of its JVM) in the middle of an upload to an existing data set and while a job
 * (class B, which only SYSB's initiators select) sleeps in BPXBATCH: node A keeps serving through the balancer
 * (HAProxy's check takes B out), the data set keeps its previous content and its ENQ is released (A reads it, then
 * replaces it, within 30 seconds of the kill), A cleans up SYSB (OCS0803E) and ends its job ABEND=S0F3 with OCS3001E
 * naming SYSB. B restarted on the same home joins again and serves. docs/deployment.md "Failures and what survives
 * (issue 12)".
 */
class MultiNodeIT {
    private static final int RANGE = 10;
    private static final String PASSWORD = "Fresh123";
    private static final Duration ENQ_RELEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private int ftpFront;
    private int tnFront;
    private int passiveBase;

    @Test
    void twoNodesBehindHaproxyAndTheLossOfOne() throws Exception {
        Haproxy.executable(); // fails at once, saying how to install it, on a machine without HAProxy
        String url = PostgresSchema.create("MultiNodeIT");
        Path a = dir.resolve("nodea");
        Path b = dir.resolve("nodeb");
        Path shared = dir.resolve("shared");

        var initA = OpenCsProcess.run(dir, Map.of(), "init", "--home", a.toString(), "--registry-url", url,
                "--shared-dir", shared.toString(), "--sysname", "SYSA");
        assertThat(initA.exitCode()).as(initA.all()).isZero();
        Matcher initial = Pattern.compile("IBMUSER's initial password: (\\S{8})").matcher(initA.stdout());
        assertThat(initial.find()).as(initA.all()).isTrue();
        var quickstart = OpenCsProcess.run(dir, Map.of(), "quickstart", "--home", a.toString());
        assertThat(quickstart.exitCode()).as(quickstart.all()).isZero();
        Map<String, String> key = Map.of("OPENCS_MASTER_KEY", Files.readString(a.resolve("saf/master.key")).trim());
        var joined = OpenCsProcess.run(dir, key, "init", "--home", b.toString(), "--registry-url", url,
                "--shared-dir", shared.toString(), "--sysname", "SYSB");
        assertThat(joined.exitCode()).as(joined.all()).isZero();

        passiveBase = Haproxy.freeRange(2 * RANGE);
        configure(a, passiveBase, "A");
        configure(b, passiveBase + RANGE, "AB");

        Process serverA = start(a, Map.of(), "a.log");
        Process serverB = start(b, key, "b.log");
        Haproxy haproxy = null;
        List<Process> others = new ArrayList<>();
        try {
            Map<String, String> portsA = ports(a);
            Map<String, String> portsB = ports(b);
            ftpFront = Haproxy.freeRange(1);
            tnFront = Haproxy.freeRange(1);
            haproxy = Haproxy.start(dir, haproxyConfig(portsA, portsB), ftpFront);

            // IBMUSER's first logon (directly on A) sets the password the rest uses.
            var first = curl("IBMUSER:" + initial.group(1) + "/" + PASSWORD + "/" + PASSWORD, "ftp://localhost:"
                    + portsA.get("ftp") + "/");
            assertThat(first.exitCode()).as(first.all()).isZero();

            // FTPS through the balancer: uploads and downloads, data connections on both nodes' ranges.
            Files.writeString(dir.resolve("lb.txt"), "through the balancer\n");
            Set<Integer> served = new TreeSet<>();
            for (int round = 0; round < 3; round++) {
                String dsn = "/%27IBMUSER.LB.D" + round + "%27";
                var put = viaBalancer("--use-ascii", "-T", "lb.txt", front(dsn));
                assertThat(put.exitCode()).as(put.all()).isZero();
                var get = viaBalancer("--use-ascii", front(dsn));
                assertThat(get.exitCode()).as(get.all()).isZero();
                assertThat(get.stdout()).isEqualTo("through the balancer\n");
                served.add(nodeOf(put.stderr()));
                served.add(nodeOf(get.stderr()));
            }
            assertThat(served).as("nodes that served a data connection through the balancer").containsExactly(0, 1);

            // TN3270E over TLS through the balancer: terminals held at once, on both nodes, each its own LU.
            List<Process> terminals = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                terminals.add(terminal("t" + i, 8));
            }
            for (int i = 0; i < terminals.size(); i++) {
                assertThat(terminals.get(i).waitFor(90, TimeUnit.SECONDS)).isTrue();
                String screen = Files.readString(dir.resolve("t" + i + ".out"));
                assertThat(terminals.get(i).exitValue()).as(screen).isZero();
                assertThat(screen).as(screen).contains("TSO/E LOGON");
            }
            List<String> lusA = luNames(a);
            List<String> lusB = luNames(b);
            assertThat(lusA).as("LUs of node A").isNotEmpty();
            assertThat(lusB).as("LUs of node B").isNotEmpty();
            List<String> all = new ArrayList<>(lusA);
            all.addAll(lusB);
            assertThat(all).as("LU names of 4 sessions held at once on two nodes").hasSize(4).doesNotHaveDuplicates();

            // A job submitted through the balancer (SITE FILETYPE=JES) runs.
            Files.writeString(dir.resolve("hello.jcl"), "//HELLO    JOB 1,IBMUSER,CLASS=A,MSGCLASS=X\n"
                    + "//STEP1    EXEC PGM=IEFBR14\n");
            var submitted = viaBalancer("--use-ascii", "-Q", "SITE FILETYPE=JES", "-T", "hello.jcl", front("/hello.jcl"));
            assertThat(submitted.exitCode()).as(submitted.all()).isZero();
            Matcher helloId = Pattern.compile("It is known to JES as (JOB\\d{5})").matcher(submitted.stderr());
            assertThat(helloId.find()).as(submitted.stderr()).isTrue();
            String hello = awaitOutput(a, key, helloId.group(1), o -> o.contains("$HASP395"), Duration.ofSeconds(60));
            assertThat(hello).contains("$HASP373 HELLO").contains("IEF142I HELLO STEP1");

            // The kill: an upload to an existing data set on B, and a job of class B sleeping on B.
            var before = curl("IBMUSER:" + PASSWORD, "--use-ascii", "-T", "lb.txt",
                    "ftp://localhost:" + portsA.get("ftp") + "/%27IBMUSER.KEEP.TEXT%27");
            assertThat(before.exitCode()).as(before.all()).isZero();
            Files.writeString(dir.resolve("long.jcl"), "//LONGJOB  JOB 1,IBMUSER,CLASS=B,MSGCLASS=X\n"
                    + "//STEP1    EXEC PGM=BPXBATCH,PARM='SH sleep 600'\n");
            var submitLong = OpenCsProcess.run(dir, Map.of(), "submit", "--home", a.toString(), "long.jcl");
            assertThat(submitLong.exitCode()).as(submitLong.all()).isZero();
            String longId = submitLong.stdout().strip();
            assertThat(longId).matches("JOB\\d{5}");
            awaitJob(a, longId, "ACTIVE");
            StringBuilder big = new StringBuilder();
            for (int i = 0; i < 4000; i++) {
                big.append("RECORD ").append(i).append(" OF AN UPLOAD THAT NODE B NEVER FINISHES\n");
            }
            Files.writeString(dir.resolve("big.txt"), big);
            Process slow = curlProcess("slow", "IBMUSER:" + PASSWORD, "--use-ascii", "--limit-rate", "4k", "-T",
                    "big.txt", "ftp://localhost:" + portsB.get("ftp") + "/%27IBMUSER.KEEP.TEXT%27");
            others.add(slow);
            awaitFile(dir.resolve("slow.err"), s -> s.contains("< 125 ") || s.contains("< 150 "), Duration.ofSeconds(30));
            // B holds the data set: a writer on A is turned away at once with z/OS's reply (docs/ftp.md).
            Files.writeString(dir.resolve("after.txt"), "written on A after B died\n");
            var held = curl("IBMUSER:" + PASSWORD, "-v", "--use-ascii", "-T", "after.txt",
                    "ftp://localhost:" + portsA.get("ftp") + "/%27IBMUSER.KEEP.TEXT%27");
            assertThat(held.exitCode()).as(held.all()).isNotZero();
            assertThat(held.stderr()).contains("< 450 Data set IBMUSER.KEEP.TEXT is allocated to another job and is "
                    + "unavailable for STOR command");
            assertThat(slow.isAlive()).as("the upload is still running when B is killed").isTrue();

            kill(serverB);
            long killed = System.nanoTime();
            assertThat(slow.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(slow.exitValue()).as(Files.readString(dir.resolve("slow.err"))).isNotZero();

            // The data set keeps its previous content (read on A once B's ENQ is gone), then A may replace it.
            String previous = retry(() -> curl("IBMUSER:" + PASSWORD, "--use-ascii",
                    "ftp://localhost:" + portsA.get("ftp") + "/%27IBMUSER.KEEP.TEXT%27"), killed);
            assertThat(previous).isEqualTo("through the balancer\n");
            retry(() -> curl("IBMUSER:" + PASSWORD, "--use-ascii", "-T", "after.txt",
                    "ftp://localhost:" + portsA.get("ftp") + "/%27IBMUSER.KEEP.TEXT%27"), killed);
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("ENQ released after the kill")
                    .isLessThanOrEqualTo(ENQ_RELEASE);

            // A cleaned up SYSB and ended its job.
            String ended = awaitOutput(a, key, longId, o -> o.contains("OCS3001E"), Duration.ofSeconds(45));
            assertThat(ended).contains("OCS3001E LONGJOB ENDED BY SYSTEM FAILURE - NODE SYSB");
            var jobs = OpenCsProcess.run(dir, Map.of(), "jobs", "--home", a.toString());
            assertThat(jobs.stdout()).as(jobs.all()).containsPattern(longId + " .* OUTPUT B +ABEND=0F3");
            assertThat(awaitFile(a.resolve("logs/syslog"), s -> s.contains("OCS0803E SYSTEM SYSB"), Duration.ofSeconds(5)))
                    .contains("CLEANED UP BY SYSA");

            // A keeps serving through the balancer once HAProxy's check has taken B out.
            String down = awaitHaproxy(haproxy, "nodeB is DOWN");
            assertThat(down).contains("ftp_nodes/nodeB is DOWN").contains("tn3270_nodes/nodeB is DOWN");
            for (int i = 0; i < 2; i++) {
                var list = viaBalancer("--use-ascii", front("/%27IBMUSER.KEEP.TEXT%27"));
                assertThat(list.exitCode()).as(list.all()).isZero();
                assertThat(list.stdout()).isEqualTo("written on A after B died\n");
                assertThat(nodeOf(list.stderr())).isZero();
            }
            Process afterKill = terminal("after", 0);
            assertThat(afterKill.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("after.out"))).contains("TSO/E LOGON");

            // B restarted on its home (and its ports, which HAProxy knows) joins again and serves.
            Files.delete(b.resolve("logs/ports"));
            serverB = start(b, key, "b2.log", portsB.get("ftp"), portsB.get("tn3270"));
            Map<String, String> portsB2 = ports(b);
            assertThat(portsB2).isEqualTo(portsB);
            assertThat(awaitFile(dir.resolve("b2.log"), s -> s.contains("OCS0801I SYSTEM SYSB JOINED"),
                    Duration.ofSeconds(10))).doesNotContain("OCS0804E");
            awaitHaproxy(haproxy, "ftp_nodes/nodeB is UP");
            var direct = curl("IBMUSER:" + PASSWORD, "--use-ascii",
                    "ftp://localhost:" + portsB2.get("ftp") + "/%27IBMUSER.KEEP.TEXT%27");
            assertThat(direct.stdout()).as(direct.all()).isEqualTo("written on A after B died\n");
            Set<Integer> again = new TreeSet<>();
            for (int i = 0; i < 4 && again.size() < 2; i++) {
                var get = viaBalancer("--use-ascii", front("/%27IBMUSER.KEEP.TEXT%27"));
                assertThat(get.exitCode()).as(get.all()).isZero();
                again.add(nodeOf(get.stderr()));
            }
            assertThat(again).as("nodes serving after B's restart").containsExactly(0, 1);
        } finally {
            for (Process p : others) {
                p.destroyForcibly();
            }
            if (haproxy != null) {
                haproxy.close();
            }
            serverA.destroy();
            serverB.destroy();
            assertThat(serverA.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serverB.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** FTP.DATA with the node's own passive range, PROFILE.TCPIP's secure port, the balancer trusted, JES classes. */
    private static void configure(Path home, int low, String classes) throws Exception {
        Files.writeString(home.resolve("tcpip/FTP.DATA"), QuickstartCommand.SECURE_FTP_DATA
                + "PASSIVEDATAPORTS (" + low + "," + (low + RANGE - 1) + ")\nINACTIVE 0\n");
        Files.writeString(home.resolve("tcpip/PROFILE.TCPIP"), QuickstartCommand.SECURE_TELNET_PROFILE);
        Files.writeString(home.resolve("system.conf"), "proxy.protocol.from=" + Haproxy.SOURCE + "\njes.classes="
                + classes + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    private String haproxyConfig(Map<String, String> portsA, Map<String, String> portsB) {
        StringBuilder cfg = new StringBuilder(Haproxy.globalAndDefaults());
        cfg.append("    option redispatch\n    retries 2\n");
        List<Map<String, String>> nodes = List.of(portsA, portsB);
        String[] names = {"nodeA", "nodeB"};
        for (String service : List.of("ftp", "tn3270")) {
            int port = service.equals("ftp") ? ftpFront : tnFront;
            cfg.append("frontend ").append(service).append("\n    bind ").append(Haproxy.FRONT).append(':').append(port)
                    .append("\n    default_backend ").append(service).append("_nodes\nbackend ").append(service)
                    .append("_nodes\n    balance roundrobin\n");
            for (int n = 0; n < 2; n++) {
                cfg.append("    server ").append(names[n]).append(" 127.0.0.1:").append(nodes.get(n).get(service))
                        .append(" check inter 1s fall 2 rise 1 send-proxy-v2 source ").append(Haproxy.SOURCE).append('\n');
            }
        }
        for (int n = 0; n < 2; n++) {
            int low = passiveBase + n * RANGE;
            cfg.append("frontend ftp_passive").append(n).append("\n    bind ").append(Haproxy.FRONT).append(':')
                    .append(low).append('-').append(low + RANGE - 1).append("\n    default_backend ftp_passive")
                    .append(n).append("\nbackend ftp_passive").append(n).append("\n    server ").append(names[n])
                    .append(" 127.0.0.1 send-proxy-v2 source ").append(Haproxy.SOURCE).append('\n');
        }
        return cfg.toString();
    }

    private String front(String path) {
        return "ftp://localhost:" + ftpFront + path;
    }

    /** curl through the balancer with PASV to the address of the reply (127.0.0.2), the certificate's localhost. */
    private ExternalCommand.Result viaBalancer(String... args) {
        List<String> extra = new ArrayList<>(List.of("-v", "--resolve", "localhost:" + ftpFront + ":" + Haproxy.FRONT,
                "--disable-epsv", "--no-ftp-skip-pasv-ip"));
        extra.addAll(List.of(args));
        return curl("IBMUSER:" + PASSWORD, extra.toArray(String[]::new));
    }

    private ExternalCommand.Result curl(String user, String... args) {
        return ExternalCommand.run(dir, null, curlCommand(user, args));
    }

    private List<String> curlCommand(String user, String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--ssl-reqd", "--cacert",
                dir.resolve("shared/hfs/etc/opencs/opencs-quickstart-ca.pem").toString(), "--user", user));
        command.addAll(List.of(args));
        return command;
    }

    private Process curlProcess(String name, String user, String... args) throws Exception {
        List<String> command = curlCommand(user, args);
        command.add(1, "-v");
        return new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    /** The node (0 = A, 1 = B) whose passive range holds the port of the 227 reply in curl's trace. */
    private int nodeOf(String trace) {
        Matcher pasv = Pattern.compile("< 227 Entering Passive Mode \\(127,0,0,2,(\\d+),(\\d+)\\)").matcher(trace);
        assertThat(pasv.find()).as(trace).isTrue();
        int port = Integer.parseInt(pasv.group(1)) * 256 + Integer.parseInt(pasv.group(2));
        assertThat(port).as("data port").isBetween(passiveBase, passiveBase + 2 * RANGE - 1);
        return (port - passiveBase) / RANGE;
    }

    /** An s3270 over TLS through the balancer: the first screen, held {@code holdSeconds}, then quit. */
    private Process terminal(String name, int holdSeconds) throws Exception {
        List<String> actions = new ArrayList<>(List.of("Connect(L:" + Haproxy.FRONT + ":" + tnFront + ")",
                "Wait(30,InputField)", "Ascii()"));
        if (holdSeconds > 0) {
            actions.add("Wait(" + holdSeconds + ",Seconds)");
        }
        actions.add("Quit()");
        Path script = Files.writeString(dir.resolve(name + ".in"), String.join("\n", actions) + "\n");
        return new ProcessBuilder("timeout", "90", "s3270", "-cafile",
                dir.resolve("shared/hfs/etc/opencs/opencs-quickstart-ca.pem").toString(), "-accepthostname",
                "localhost", "-model", "3278-2").directory(dir.toFile()).redirectInput(script.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    /** The LU names of the node's TN3270 sessions, from its audit trail. */
    private static List<String> luNames(Path home) throws Exception {
        List<String> lus = new ArrayList<>();
        Pattern lu = Pattern.compile("\"lu\":\"(\\w+)\"");
        for (String line : Files.readAllLines(home.resolve("logs/audit.jsonl"))) {
            if (line.contains("\"type\":\"TN3270_SESSION_START\"")) {
                Matcher m = lu.matcher(line);
                assertThat(m.find()).as(line).isTrue();
                lus.add(m.group(1));
            }
        }
        return lus;
    }

    private String awaitOutput(Path home, Map<String, String> env, String jobId, Predicate<String> done,
                               Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            var output = OpenCsProcess.run(dir, env, "output", "--home", home.toString(), jobId);
            last = output.all();
            if (output.exitCode() == 0 && done.test(output.stdout())) {
                return output.stdout();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + jobId + " not as expected within " + timeout + ":\n" + last);
    }

    /** Waits until {@code opencs jobs} lists the job with {@code text} on its line: the line. */
    private String awaitJob(Path home, String jobId, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            var jobs = OpenCsProcess.run(dir, Map.of(), "jobs", "--home", home.toString());
            last = jobs.all();
            for (String line : jobs.stdout().split("\n")) {
                if (line.contains(jobId) && line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + jobId + " not " + text + " within 60 seconds:\n" + last);
    }

    private static String awaitFile(Path file, Predicate<String> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (done.test(text)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(file + " not as expected within " + timeout + ":\n" + text);
    }

    private static String awaitHaproxy(Haproxy haproxy, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !haproxy.output().contains(text)) {
            Thread.sleep(100);
        }
        assertThat(haproxy.output()).contains(text);
        return haproxy.output();
    }

    /** Runs {@code transfer} until it succeeds, at most until {@link #ENQ_RELEASE} after {@code since}: its output. */
    private static String retry(java.util.concurrent.Callable<ExternalCommand.Result> transfer, long since)
            throws Exception {
        List<String> refusals = new ArrayList<>();
        while (true) {
            var result = transfer.call();
            if (result.exitCode() == 0) {
                return result.stdout();
            }
            refusals.add(result.all());
            if (System.nanoTime() - since > ENQ_RELEASE.toNanos()) {
                throw new AssertionError("not done within " + ENQ_RELEASE + " of the kill: " + refusals);
            }
            Thread.sleep(500);
        }
    }

    /** SIGKILL of the node's JVM and anything it started. */
    private static void kill(Process process) throws Exception {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    private Process start(Path home, Map<String, String> env, String log) throws Exception {
        return start(home, env, log, "0", "0");
    }

    /** {@code opencs start} of the node on {@code ftpPort} and {@code tn3270Port} (0: any free port). */
    private Process start(Path home, Map<String, String> env, String log, String ftpPort, String tn3270Port)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", OpenCsProcess.jar().toString(), "start", "--home", home.toString(), "--ftp-port", ftpPort,
                "--tn3270-port", tn3270Port).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        builder.environment().remove("OPENCS_MASTER_KEY");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The ports the running node wrote to its logs/ports, by name. */
    private static Map<String, String> ports(Path home) throws Exception {
        Path ports = home.resolve("logs/ports");
        for (int i = 0; i < 150 && !Files.exists(ports); i++) {
            Thread.sleep(200);
        }
        assertThat(ports).as("the node wrote logs/ports").exists();
        Map<String, String> listening = new HashMap<>();
        Files.readAllLines(ports, StandardCharsets.US_ASCII)
                .forEach(l -> listening.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return listening;
    }
}

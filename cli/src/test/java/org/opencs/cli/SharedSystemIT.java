package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/**
 * Two nodes of one system (docs/deployment.md "Several nodes"), each the real {@code opencs} launcher: node A is
 * created on PostgreSQL (a schema of its own) with a shared directory, node B joins it (no new IBMUSER, no password,
 * no master key of its own) after being refused with a key that is not the system's; both run {@code opencs start};
 * a data set uploaded over FTPS to A is read back over FTPS from B, a job submitted on A is listed and its spool read
 * on B, and each node's logs/ stays in its own home. PostgreSQL comes from OPENCS_TEST_POSTGRES_URL (.ci/run sets it).
 */
class SharedSystemIT {
    @TempDir
    Path dir;

    @Test
    void twoNodesShareOneRegistryAndOneSharedDirectory() throws Exception {
        String url = postgresSchemaUrl();
        Path a = dir.resolve("nodea");
        Path b = dir.resolve("nodeb");
        Path shared = dir.resolve("shared");

        var initA = OpenCsProcess.run(dir, Map.of(), "init", "--home", a.toString(), "--registry-url", url,
                "--shared-dir", shared.toString());
        assertThat(initA.exitCode()).as(initA.all()).isZero();
        Matcher password = Pattern.compile("IBMUSER's initial password: (\\S{8})").matcher(initA.stdout());
        assertThat(password.find()).as(initA.all()).isTrue();
        assertThat(shared.resolve("hfs/u/ibmuser")).isDirectory();
        assertThat(shared.resolve("datasets")).isDirectory();
        assertThat(shared.resolve("spool")).isDirectory();
        assertThat(a.resolve("hfs")).doesNotExist();
        // The quickstart's key database, in the shared hfs/: both nodes' FTP servers use it (KEYRING in FTP.DATA).
        var quickstart = OpenCsProcess.run(dir, Map.of(), "quickstart", "--home", a.toString());
        assertThat(quickstart.exitCode()).as(quickstart.all()).isZero();
        Path ca = shared.resolve("hfs/etc/opencs/opencs-quickstart-ca.pem");
        assertThat(ca).exists();

        // B without the system's key: refused, nothing left behind.
        List<String> join = List.of("init", "--home", b.toString(), "--registry-url", url, "--shared-dir",
                shared.toString(), "--sysname", "SYS2");
        var noKey = OpenCsProcess.run(dir, Map.of(), join.toArray(String[]::new));
        assertThat(noKey.exitCode()).as(noKey.all()).isNotZero();
        assertThat(noKey.all()).contains("OCS0042E").contains("OPENCS_MASTER_KEY").doesNotContain("Exception");
        // B with another key: refused (OCS0015E), nothing written.
        byte[] wrong = new byte[32];
        new java.security.SecureRandom().nextBytes(wrong);
        var wrongKey = OpenCsProcess.run(dir, Map.of("OPENCS_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(wrong)),
                join.toArray(String[]::new));
        assertThat(wrongKey.exitCode()).as(wrongKey.all()).isNotZero();
        assertThat(wrongKey.all()).contains("OCS0015E The master key of this node does not match the system's master key in")
                .doesNotContain("opencs-test").doesNotContain("Exception");
        assertThat(b.resolve("system.conf")).doesNotExist();
        // B with the system's key (OPENCS_MASTER_KEY): joins.
        Map<String, String> key = Map.of("OPENCS_MASTER_KEY", Files.readString(a.resolve("saf/master.key")).trim());
        var joined = OpenCsProcess.run(dir, key, join.toArray(String[]::new));
        assertThat(joined.exitCode()).as(joined.all()).isZero();
        assertThat(joined.stdout()).contains("OCS0041I Node SYS2 joined the system in jdbc:postgresql:")
                .doesNotContain("password").doesNotContain("opencs-test");
        assertThat(b.resolve("saf/master.key")).doesNotExist();
        assertThat(Files.readString(b.resolve("system.conf"))).contains("sysname=SYS2\n");
        // Both nodes serve FTPS with the quickstart's key database in the shared hfs/.
        for (Path node : List.of(a, b)) {
            Files.writeString(node.resolve("tcpip/FTP.DATA"), QuickstartCommand.SECURE_FTP_DATA);
        }

        Process serverA = start(a, Map.of(), "a.log");
        Process serverB = start(b, key, "b.log");
        try {
            String ftpA = ports(a).get("ftp");
            String ftpB = ports(b).get("ftp");
            Files.writeString(dir.resolve("up.txt"), "shared by two nodes\n");
            var put = curl("IBMUSER:" + password.group(1) + "/Fresh123/Fresh123", "--use-ascii", "-T", "up.txt",
                    "ftp://localhost:" + ftpA + "/%27IBMUSER.SHARED.TEXT%27");
            assertThat(put.exitCode()).as(put.all()).isZero();
            var get = curl("IBMUSER:Fresh123", "--use-ascii", "ftp://localhost:" + ftpB + "/%27IBMUSER.SHARED.TEXT%27");
            assertThat(get.exitCode()).as(get.all()).isZero();
            assertThat(get.stdout()).isEqualTo("shared by two nodes\n");

            Files.writeString(dir.resolve("hello.jcl"), "//HELLO    JOB 1,IBMUSER,CLASS=A,MSGCLASS=X\n"
                    + "//STEP1    EXEC PGM=IEFBR14\n");
            var submit = OpenCsProcess.run(dir, Map.of(), "submit", "--home", a.toString(), "--wait", "hello.jcl");
            assertThat(submit.exitCode()).as(submit.all()).isZero();
            String jobId = submit.stdout().strip();
            assertThat(jobId).matches("JOB\\d{5}");
            var jobs = OpenCsProcess.run(dir, key, "jobs", "--home", b.toString());
            assertThat(jobs.exitCode()).as(jobs.all()).isZero();
            assertThat(jobs.stdout()).contains("HELLO").contains(jobId);
            var output = OpenCsProcess.run(dir, key, "output", "--home", b.toString(), jobId);
            assertThat(output.exitCode()).as(output.all()).isZero();
            assertThat(output.stdout()).contains("$HASP373 HELLO").contains("IEF142I HELLO STEP1");
        } finally {
            serverA.destroy();
            serverB.destroy();
            assertThat(serverA.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serverB.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serverA.exitValue()).as(Files.readString(dir.resolve("a.log"))).isZero();
        assertThat(serverB.exitValue()).as(Files.readString(dir.resolve("b.log"))).isZero();
        // Each node started under a SYSNAME of its own: no OCS0044W.
        assertThat(Files.readString(dir.resolve("a.log"))).contains("EZY2702I").doesNotContain("OCS0044W");
        assertThat(Files.readString(dir.resolve("b.log"))).contains("EZY2702I").doesNotContain("OCS0044W");
        // Each node's log and ports in its own home; none in the shared directory.
        assertThat(a.resolve("logs/syslog")).content().contains(" OPENCS ");
        assertThat(b.resolve("logs/syslog")).content().contains(" SYS2 ");
        assertThat(a.resolve("logs/ports")).exists();
        assertThat(b.resolve("logs/ports")).exists();
        assertThat(shared.resolve("logs")).doesNotExist();
        // Each node's audit trail records what it served: the upload on A, the download on B.
        assertThat(a.resolve("logs/audit.jsonl")).content().contains("\"direction\":\"STOR\"")
                .doesNotContain("\"direction\":\"RETR\"");
        assertThat(b.resolve("logs/audit.jsonl")).content().contains("\"direction\":\"RETR\"")
                .doesNotContain("\"direction\":\"STOR\"");

        // A node whose shared directory is missing (not mounted) says so and starts nothing.
        Path c = Files.createDirectories(dir.resolve("nodec"));
        Files.writeString(c.resolve("system.conf"), Files.readString(b.resolve("system.conf"))
                .replaceAll("(?m)^shared\\.dir=.*$", "shared.dir=" + dir.resolve("unmounted")));
        var unmounted = OpenCsProcess.run(dir, key, "start", "--home", c.toString(), "--ftp-port", "0");
        assertThat(unmounted.exitCode()).as(unmounted.all()).isNotZero();
        assertThat(unmounted.all()).contains("OCS0008E The shared directory " + dir.resolve("unmounted"))
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(c.resolve("logs/ports")).doesNotExist();
    }

    private ExternalCommand.Result curl(String user, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "--ssl-reqd", "--cacert",
                dir.resolve("shared/hfs/etc/opencs/opencs-quickstart-ca.pem").toString(), "--user", user));
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    private Process start(Path home, Map<String, String> env, String log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", OpenCsProcess.jar().toString(), "start", "--home", home.toString(), "--ftp-port", "0",
                "--tn3270-port", "0", "--web-port", "0").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        builder.environment().remove("OPENCS_MASTER_KEY");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The ports the running node wrote to its logs/ports, by name. */
    private Map<String, String> ports(Path home) throws Exception {
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

    /** A schema of its own on the PostgreSQL server CI starts; this test needs one and fails without it. */
    private static String postgresSchemaUrl() throws Exception {
        String base = System.getenv("OPENCS_TEST_POSTGRES_URL");
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("SharedSystemIT needs PostgreSQL: set OPENCS_TEST_POSTGRES_URL, e.g. "
                    + "OPENCS_TEST_POSTGRES_URL='jdbc:postgresql://localhost:5432/opencs_test?user=opencs&password=opencs-test'"
                    + " (.ci/run starts PostgreSQL and sets it)");
        }
        String schema = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(base); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}

package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/**
 * The seed's System SSL diagnosis: "passing an environment variable to the server: GSK_TRACE_FILE=/dir/rawtracefile",
 * then "gsktrace /dir/rawtracefile > /dir/formattedtracefile". {@code opencs start} with GSK_TRACE and GSK_TRACE_FILE
 * traces openssl s_client on the TN3270E port and curl on the FTP port; {@code opencs gsktrace} formats the file.
 */
class GskTraceIT {
    @TempDir
    Path dir;

    @Test
    void startTracesTlsConnectionsAndGsktraceFormatsTheFile() throws Exception {
        String password = quickstart();
        String ca = dir.resolve("opencs-home/hfs/etc/opencs/opencs-quickstart-ca.pem").toString();
        Process server = start("start.log", Map.of("GSK_TRACE", "0xff", "GSK_TRACE_FILE",
                dir.resolve("trace/gsk.%.trc").toString()));
        Path raw = dir.resolve("trace/gsk." + server.pid() + ".trc");
        String tls13;
        try {
            Map<String, String> ports = ports();
            var sClient = ExternalCommand.run(dir, new byte[0], List.of("timeout", "20", "openssl", "s_client",
                    "-connect", "127.0.0.1:" + ports.get("tn3270"), "-CAfile", ca, "-brief"));
            Matcher cipher = Pattern.compile("Ciphersuite: (\\S+)").matcher(sClient.all());
            assertThat(cipher.find()).as(sClient.all()).isTrue();
            tls13 = cipher.group(1);
            var old = ExternalCommand.run(dir, new byte[0], List.of("timeout", "20", "openssl", "s_client", "-connect",
                    "127.0.0.1:" + ports.get("tn3270"), "-brief", "-tls1_1", "-cipher", "ALL:@SECLEVEL=0"));
            assertThat(old.all()).doesNotContain("Ciphersuite:");
            var curl = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--cacert", ca, "--user",
                    "IBMUSER:" + password + "/Fresh123/Fresh123", "ftp://localhost:" + ports.get("ftp") + "/"));
            assertThat(curl.exitCode()).as(curl.all()).isZero();
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("start.log"))).containsPattern(
                "OCSK050I System SSL trace \\(GSK_TRACE 0x000000ff\\) is written to .*gsk\\." + server.pid() + "\\.trc");
        assertThat(raw).exists();
        String bytes = new String(Files.readAllBytes(raw), StandardCharsets.ISO_8859_1);
        assertThat(bytes).startsWith("OCSGSKT1").doesNotContain("Fresh123").doesNotContain(password)
                .doesNotContain("PRIVATE KEY");

        var formatted = OpenCsProcess.run(dir, Map.of(), "gsktrace", raw.toString());
        assertThat(formatted.exitCode()).as(formatted.all()).isZero();
        String text = formatted.stdout();
        assertThat(text).containsPattern("(?m)^\\d\\d/\\d\\d/\\d{4}-\\d\\d:\\d\\d:\\d\\d\\.\\d{3} Thd-\\d+ INFO "
                        + "gsk_environment_open\\(\\): System SSL trace started$")
                .contains("    program: opencs start\n")
                .contains("    role: TN3270\n").contains("    role: FTP control\n").contains("    role: FTP data\n")
                .contains("Received CLIENT-HELLO message").contains("    cipher suite: " + tls13 + "\n")
                .contains("    versions: TLSv1.1\n").contains("    description: protocol_version (70)\n")
                .containsPattern("ERROR gsk_secure_socket_init\\(\\): Conn \\d+: Handshake failed")
                .contains("    session: resumed\n")
                .contains("System SSL trace ended");
        assertThat(text).doesNotContain("Fresh123").doesNotContain("PRIVATE KEY");

        // gsktrace's own failures: a missing file, a file that is no trace, a trace cut short.
        var missing = OpenCsProcess.run(dir, Map.of(), "gsktrace", "nosuch.trc");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).startsWith("OCSK054E Trace file nosuch.trc does not exist or cannot be read.");
        var notATrace = OpenCsProcess.run(dir, Map.of(), "gsktrace", "start.log");
        assertThat(notATrace.exitCode()).isEqualTo(1);
        assertThat(notATrace.stderr()).startsWith("OCSK055E Trace file start.log is not a System SSL trace file");
        byte[] whole = Files.readAllBytes(raw);
        Files.write(dir.resolve("cut.trc"), java.util.Arrays.copyOf(whole, whole.length - 3));
        var cut = OpenCsProcess.run(dir, Map.of(), "gsktrace", "cut.trc");
        assertThat(cut.exitCode()).isEqualTo(4);
        assertThat(cut.stdout()).contains("System SSL trace started").doesNotContain("System SSL trace ended");
        assertThat(cut.stderr()).startsWith("OCSK056W Trace file cut.trc ends inside a record");
    }

    @Test
    void aTraceFileWithoutAMaskWritesNothingAndSaysWhy() throws Exception {
        quickstart();
        Path raw = dir.resolve("rawtracefile");
        Process server = start("start.log", Map.of("GSK_TRACE_FILE", raw.toString()));
        try {
            ports();
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("start.log")))
                .contains("OCSK051W GSK_TRACE_FILE is set but GSK_TRACE is not: no System SSL trace is written.")
                .doesNotContain("OCSK050I");
        assertThat(raw).doesNotExist();
    }

    private String quickstart() throws Exception {
        var quickstart = OpenCsProcess.run(dir, Map.of(), "quickstart");
        Matcher password = Pattern.compile("IBMUSER's initial password: (\\S{8})").matcher(quickstart.stdout());
        assertThat(password.find()).as(quickstart.all()).isTrue();
        return password.group(1);
    }

    /** {@code opencs start} on free ports for the quickstart home with {@code env}, its console in {@code log}. */
    private Process start(String log, Map<String, String> env) throws Exception {
        Files.deleteIfExists(dir.resolve("opencs-home/logs/ports"));
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", OpenCsProcess.jar().toString(), "start", "--ftp-port", "0", "--tn3270-port", "0", "--web-port", "0")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        builder.environment().remove("GSK_TRACE");
        builder.environment().remove("GSK_TRACE_FILE");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The ports the running server wrote to logs/ports, by name (ftp, tn3270, ...). */
    private Map<String, String> ports() throws Exception {
        Path ports = dir.resolve("opencs-home/logs/ports");
        for (int i = 0; i < 150 && !Files.exists(ports); i++) {
            Thread.sleep(200);
        }
        assertThat(ports).as("the server wrote logs/ports").exists();
        Map<String, String> listening = new java.util.HashMap<>();
        Files.readAllLines(ports).forEach(l -> listening.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return listening;
    }
}

package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/**
 * Hostile set-ups through the real jar: a busy port, a NUL in a KEYRING, a registry that lost its last SPECIAL user,
 * several commands opening one embedded registry at once. Every failure is a message with an ID, never a Java
 * exception.
 */
class HostileCliIT {
    @TempDir
    Path dir;

    private Path init() throws Exception {
        var init = OpenCsProcess.run(dir, Map.of(), "init", "--home", "H");
        assertThat(init.exitCode()).as(init.all()).isZero();
        return dir.resolve("H");
    }

    private static void noJava(OpenCsProcess.Result result) {
        assertThat(result.all()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.");
    }

    @Test
    void aBusyPortOrANulInAKeyringEndStartWithAMessage() throws Exception {
        Path home = init();
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("0.0.0.0", 0)); // init writes bind.address=127.0.0.1: start binds there
            int port = busy.getLocalPort();
            var ftp = OpenCsProcess.run(dir, Map.of(), "start", "--home", "H", "--ftp-port", String.valueOf(port));
            assertThat(ftp.exitCode()).isEqualTo(1);
            assertThat(ftp.stderr()).contains("OCS0070E FTP cannot listen on port " + port
                    + " on 127.0.0.1: the port is already in use.");
            noJava(ftp);

            Files.writeString(home.resolve("tcpip/PROFILE.TCPIP"), "TELNETPARMS\r PORT " + port + "\rENDTELNETPARMS\r");
            var telnet = OpenCsProcess.run(dir, Map.of(), "start", "--home", "H", "--ftp-port", "0");
            assertThat(telnet.exitCode()).isEqualTo(1);
            assertThat(telnet.stderr()).contains("OCS0070E TN3270 cannot listen on port " + port
                    + " on 127.0.0.1: the port is already in use.");
            noJava(telnet);
            assertThat(home.resolve("logs/start.pid")).doesNotExist();
        }
        Files.delete(home.resolve("tcpip/PROFILE.TCPIP"));
        // A second start on a home whose servers run is refused, naming the running one.
        Files.writeString(home.resolve("logs/start.pid"), "pid=" + ProcessHandle.current().parent().orElseThrow().pid()
                + "\nstarted=2026-01-01T00:00:00Z\n");
        var twice = OpenCsProcess.run(dir, Map.of(), "start", "--home", "H", "--ftp-port", "0");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.stderr()).contains("OCS0024E The servers of this system already run (opencs start, PID "
                + ProcessHandle.current().parent().orElseThrow().pid() + ", running since 2026-01-01T00:00:00Z)");
        Files.delete(home.resolve("logs/start.pid"));
        Files.writeString(home.resolve("tcpip/FTP.DATA"), "EXTENSIONS AUTH_TLS\nKEYRING /u/a\u0000b.kdb\n");
        var nul = OpenCsProcess.run(dir, Map.of(), "start", "--home", "H", "--ftp-port", "0");
        assertThat(nul.exitCode()).isEqualTo(1);
        assertThat(nul.stderr()).contains("EZYFT46E Error in '" + home.resolve("tcpip/FTP.DATA")
                + "' file: line 2 near column 13: KEYRING value /u/a\\x00b.kdb holds the control character x'00'.");
        noJava(nul);
    }

    @Test
    void theConsoleRestoresARegistryWithoutSpecialUser() throws Exception {
        Path home = init();
        var refused = OpenCsProcess.run(dir, Map.of(), "tso", "--home", "H", "ALTUSER IBMUSER NOSPECIAL");
        assertThat(refused.exitCode()).isEqualTo(8);
        assertThat(refused.stdout()).contains("OCS0060E USER IBMUSER IS THE LAST ACTIVE SPECIAL USER; NOSPECIAL NOT DONE.");
        // Edited behind OpenCS's back, as a registry made before the check could be.
        var sql = ExternalCommand.run(dir, null, List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", OpenCsProcess.jar().toString(), "org.h2.tools.Shell", "-url",
                "jdbc:h2:file:" + home.resolve("saf/registry") + ";AUTO_SERVER=TRUE", "-user", "", "-password", "",
                "-sql", "UPDATE users SET special = FALSE"));
        assertThat(sql.exitCode()).as(sql.all()).isZero();
        var restore = OpenCsProcess.run(dir, Map.of(), "tso", "--home", "H", "ALTUSER IBMUSER SPECIAL RESUME");
        assertThat(restore.exitCode()).as(restore.all()).isZero();
        assertThat(restore.stderr()).contains("OCS0061W NO ACTIVE SPECIAL USER IS DEFINED IN THE REGISTRY: THE CONSOLE "
                + "ACTS AS IBMUSER WITH SPECIAL AUTHORITY (FAILSOFT).");
        var after = OpenCsProcess.run(dir, Map.of(), "tso", "--home", "H", "LISTUSER IBMUSER");
        assertThat(after.stdout()).contains("ATTRIBUTES=SPECIAL");
        assertThat(after.stderr()).doesNotContain("OCS0061W");
    }

    @Test
    void severalCommandsOpeningOneEmbeddedRegistryAtOnceAllWork() throws Exception {
        init();
        List<CompletableFuture<OpenCsProcess.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return OpenCsProcess.run(dir, Map.of(), "tso", "--home", "H", "LISTUSER IBMUSER");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var run : runs) {
            OpenCsProcess.Result result = run.join();
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.stdout()).contains("ATTRIBUTES=SPECIAL");
        }
    }
}

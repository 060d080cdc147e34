package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** quickstart, then start: the FTPS server the quickstart configured, reached with curl, stopped with SIGTERM. */
class StartIT {
    @TempDir
    Path dir;

    @Test
    void quickstartThenStartServesFtpsAndStopsCleanly() throws Exception {
        var quickstart = OpenCsProcess.run(dir, Map.of(), "quickstart");
        Matcher password = Pattern.compile("IBMUSER's initial password: (\\S{8})").matcher(quickstart.stdout());
        assertThat(password.find()).as(quickstart.all()).isTrue();
        assertThat(quickstart.stdout()).contains("curl --ssl-reqd --cacert ").contains("ftp://localhost:2021/");

        Process server = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                OpenCsProcess.jar().toString(), "start", "--ftp-port", "0").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("start.log").toFile()).start();
        try {
            Path ports = dir.resolve("opencs-home/logs/ports");
            for (int i = 0; i < 100 && !Files.exists(ports); i++) {
                Thread.sleep(200);
            }
            assertThat(ports).as("the server wrote logs/ports").exists();
            String port = Files.readString(ports).trim().replace("ftp=", "");
            String ca = dir.resolve("opencs-home/hfs/etc/opencs/opencs-quickstart-ca.pem").toString();
            var firstLogon = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", ca,
                    "--user", "IBMUSER:" + password.group(1) + "/Fresh123/Fresh123", "ftp://localhost:" + port + "/"));
            assertThat(firstLogon.exitCode()).as(firstLogon.all()).isZero();
            assertThat(firstLogon.stderr()).contains("< 230 IBMUSER is logged on.  Working directory is \"/u/ibmuser\".");
            var again = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--cacert", ca,
                    "--user", "IBMUSER:Fresh123", "ftp://localhost:" + port + "/"));
            assertThat(again.exitCode()).as(again.all()).isZero();
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("start.log"))).contains("EZY2702I Server-FTP: Initialization completed")
                .contains("EZYFT59I FTP shutdown in progress");
    }
}

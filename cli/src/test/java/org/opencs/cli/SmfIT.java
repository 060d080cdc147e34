package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@code opencs smf} over the records a running system wrote: quickstart's FTP.DATA with {@code SMF TYPE119} added,
 * curl's upload, download and a wrong password, then the report (IBM's field names, one block per record) and the
 * JSON other tools read (docs/diagnostics.md, "SMF type 119 records").
 */
class SmfIT {
    @TempDir
    Path dir;

    @Test
    void theReportAndTheJsonShowTheRecordsTheServerWrote() throws Exception {
        var quickstart = OpenCsProcess.run(dir, Map.of(), "quickstart");
        Matcher password = Pattern.compile("IBMUSER's initial password: (\\S{8})").matcher(quickstart.stdout());
        assertThat(password.find()).as(quickstart.all()).isTrue();
        Path ftpData = dir.resolve("opencs-home/tcpip/FTP.DATA");
        Files.writeString(ftpData, Files.readString(ftpData) + "\nSMF TYPE119 ; SMF 119 records\n");
        var none = OpenCsProcess.run(dir, Map.of(), "smf");
        assertThat(none.exitCode()).as(none.all()).isZero();
        assertThat(none.stdout()).startsWith("OCS0604I No SMF type 119 records in ");

        Process server = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                OpenCsProcess.jar().toString(), "start", "--ftp-port", "0", "--tn3270-port", "0", "--web-port", "0").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("start.log").toFile()).start();
        try {
            String port = port();
            String ca = dir.resolve("opencs-home/hfs/etc/opencs/opencs-quickstart-ca.pem").toString();
            Files.writeString(dir.resolve("hi.txt"), "hello\n");
            var put = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--cacert", ca, "--user",
                    "IBMUSER:" + password.group(1) + "/Fresh123/Fresh123", "-T", "hi.txt",
                    "ftp://localhost:" + port + "/hi.txt"));
            assertThat(put.exitCode()).as(put.all()).isZero();
            var get = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--cacert", ca, "--user",
                    "IBMUSER:Fresh123", "-o", "back.txt", "ftp://localhost:" + port + "/hi.txt"));
            assertThat(get.exitCode()).as(get.all()).isZero();
            var wrong = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--cacert", ca, "--user",
                    "IBMUSER:wrong", "ftp://localhost:" + port + "/"));
            assertThat(wrong.exitCode()).isNotZero();
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        var report = OpenCsProcess.run(dir, Map.of(), "smf");
        assertThat(report.exitCode()).as(report.all()).isZero();
        assertThat(report.stdout()).containsPattern("(?m)^SMF 119 subtype 70  FTP server transfer completion +SID 3090 ")
                .containsPattern("(?m)^SMF 119 subtype 72  FTP server logon failure +SID 3090 ")
                .contains("  TCP/IP identification section\n", "  FTP server transfer completion section\n")
                .containsPattern("SMF119FT_FSCmd +FTP command \\(according to RFC 959\\) \\.+ STOR\n")
                .containsPattern("SMF119FT_FSCmd +FTP command \\(according to RFC 959\\) \\.+ RETR\n")
                .containsPattern("SMF119FT_FSBytes +Transmission byte count \\.+ 6\n")
                .containsPattern("SMF119FT_FSFileName1 +Server MVS .*/u/ibmuser/hi.txt\n")
                .containsPattern("SMF119FT_FFUserID +Client user ID received by server \\.+ IBMUSER\n")
                .containsPattern("SMF119TI_Comp +TCP/IP subcomponent .* FTPS\n")
                .endsWith("3 records.\n");

        var failures = OpenCsProcess.run(dir, Map.of(), "smf", "--subtype", "72");
        assertThat(failures.stdout()).contains("subtype 72").doesNotContain("subtype 70").endsWith("1 record.\n");

        var json = OpenCsProcess.run(dir, Map.of(), "smf", "--home", "opencs-home", "--json");
        assertThat(json.exitCode()).as(json.all()).isZero();
        JsonNode records = new ObjectMapper().readTree(json.stdout());
        assertThat(records.isArray()).isTrue();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get("type").asText()).isEqualTo("SMF119");
        assertThat(records.get(0).get("SMF119STY").asInt()).isEqualTo(70);
        assertThat(records.get(0).get("SMF119FT_FSCmd").asText()).isEqualTo("STOR");
        assertThat(records.get(0).get("SMF119FT_FSSUser").asText()).isEqualTo("IBMUSER");
        assertThat(records.get(0).get("SMF119FT_FSBytes").asLong()).isEqualTo(6);
        assertThat(records.get(2).get("SMF119FT_FFReason").asInt()).isEqualTo(1);

        var later = OpenCsProcess.run(dir, Map.of(), "smf", "--since", "2999-01-01");
        assertThat(later.stdout()).startsWith("OCS0604I No SMF type 119 records since ");
        var badSince = OpenCsProcess.run(dir, Map.of(), "smf", "--since", "yesterday");
        assertThat(badSince.exitCode()).isEqualTo(1);
        assertThat(badSince.stderr()).startsWith("OCS0603E --since yesterday is not a date");
        var badType = OpenCsProcess.run(dir, Map.of(), "smf", "--type", "118");
        assertThat(badType.stderr()).startsWith("OCS0602E --type 118: OpenCS writes SMF type 119 records only.");
    }

    private String port() throws Exception {
        Path ports = dir.resolve("opencs-home/logs/ports");
        for (int i = 0; i < 150 && !Files.exists(ports); i++) {
            Thread.sleep(200);
        }
        assertThat(ports).as("the server wrote logs/ports").exists();
        return Files.readAllLines(ports).stream().filter(l -> l.startsWith("ftp=")).findFirst().orElseThrow()
                .substring(4);
    }
}

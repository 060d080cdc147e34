package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.jes.InMemoryJes;

/**
 * The JES and PAR traces: SITE DEBUG=(JES,PAR) as IBM's example adds JES tracing after logon (IP Diagnosis Guide,
 * "Start tracing after FTP initialization": {@code SITE DEBUG=(JES)}), then a job submitted and deleted over FTP.
 */
class FtpDebugJesTest {
    @RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    @Test
    void siteDebugJesTracesTheJesInterface() throws Exception {
        try (FtpTestSystem system = new FtpTestSystem(dir, "/etc/ftp/server.kdb")) {
            system.user("USER1");
            FtpServer server = log.serve(FtpDataParser.parse("INACTIVE 0\nSTARTDIRECTORY MVS\nDEBUGONSITE TRUE",
                    "FTP.DATA").config(), system.registry, new InMemoryJes(Set.of()));
            try (RawFtp raw = new RawFtp(server.port()).logOn()) {
                assertThat(raw.send("SITE DEBUG=(JES,PAR) FILETYPE=JES")).isEqualTo(
                        "200-Active server traces - PAR JES\n200 SITE command was accepted");
                assertThat(raw.upload("STOR JOB.JCL", FtpJesSubmitTest.JCL.getBytes(StandardCharsets.US_ASCII)))
                        .startsWith("250-It is known to JES as JOB00076");
                assertThat(raw.send("DELE JOB00076")).isEqualTo("250 Cancel successful");
            } finally {
                server.close();
            }
            List<String> lines = log.trace().records().stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList();
            assertThat(lines).containsSubsequence(
                    "PC0346 parseCmd: command: STOR",
                    "PC0371 parseCmd: parameter: JOB.JCL",
                    "JS0100 jesCmd: STOR JOB.JCL (FILETYPE=JES)",
                    "JS0120 jesSubmit: job JOB00076 submitted",
                    "PC0346 parseCmd: command: DELE",
                    "JS0100 jesCmd: DELE JOB00076 (FILETYPE=JES)",
                    "JS0410 jesDelete: job JOB00076 cancelled and purged");
            // The SITE command that switched PAR on was parsed before it took effect: its own parse is not traced.
            assertThat(lines).noneMatch(l -> l.startsWith("PC0530"));
        }
    }

    @Test
    void parShowsHowSiteWasRead() throws Exception {
        try (FtpTestSystem system = new FtpTestSystem(dir, "/etc/ftp/server.kdb")) {
            system.user("USER1");
            FtpServer server = log.serve(FtpDataParser.parse("INACTIVE 0\nSTARTDIRECTORY MVS\nDEBUG PAR\nDEBUG UTL",
                    "FTP.DATA").config(), system.registry);
            try (RawFtp raw = new RawFtp(server.port()).logOn()) {
                assertThat(raw.send("SITE RECFM=FB LRECL=80 FROB")).startsWith("200-");
            } finally {
                server.close();
            }
            List<String> lines = log.trace().records().stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList();
            assertThat(lines).containsSubsequence(
                    "UT0410 ftpSite: entered with RECFM=FB LRECL=80 FROB",
                    "PC0530 parseSite: parameter 1: RECFM value=FB",
                    "PC0530 parseSite: parameter 2: LRECL value=80",
                    "PC0530 parseSite: parameter 3: UNRECOGNIZED text=FROB");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("UT0440 ftpSite: "));
        }
    }
}

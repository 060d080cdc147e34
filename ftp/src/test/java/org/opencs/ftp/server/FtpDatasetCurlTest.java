package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetName;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.saf.Registry;
import org.opencs.testkit.ExternalCommand;

/** MVS data sets over FTPS: the seed's certificate-request upload (SITE LRECL=84 RECFM=VB, ASCII) and its download. */
class FtpDatasetCurlTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    private static final String CSR = "-----BEGIN NEW CERTIFICATE REQUEST-----\n"
            + "MIIBvzCCASgCAQAwfzELMAkGA1UEBhMCVVMxCzAJBgNVBAgTAk5DMRAwDgYDVQQH\n"
            + "-----END NEW CERTIFICATE REQUEST-----\n";

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private Registry registry;
    private org.opencs.saf.MutableClock clock;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/u/user1/SSLcase1/abckey.kdb");
        registry = system.registry;
        clock = system.clock;
        system.user("USER1");
        // The request as a workstation holds it (LF line ends): curl's ASCII mode sends each line end as CRLF, the
        // only line end z/OS takes in TYPE A (a CRLF file would arrive as CR CR LF, the CR kept in each record).
        Files.writeString(dir.resolve("certreq.arm"), CSR);
        Files.writeString(dir.resolve("long.txt"), "short\n" + "x".repeat(100) + "\n");
        // The seed's server FTP.DATA, with the key database this test made.
        String ftpData = new String(getClass().getResourceAsStream("/seed/FTP.DATA.serverauth").readAllBytes())
                .replace("/u/user1/SSLCasel/abckey.kdb", "/u/user1/SSLcase1/abckey.kdb");
        server = log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), registry);
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    private ExternalCommand.Result curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem",
                "--user", "USER1:user1pw", "--ftp-method", "nocwd"));
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    private String url(String path) {
        return "ftp://127.0.0.1:" + server.port() + "/" + path;
    }

    @Test
    void certificateRequestGoesIntoAVariableBlockedDataSetAndComesBack() {
        var upload = curl("--use-ascii", "-Q", "SITE LRECL=84 RECFM=VB", "-T", "certreq.arm", url("%27USER1.CERTREQ.ARM%27"));
        assertThat(upload.exitCode()).as(upload.all()).isZero();
        assertThat(upload.stderr()).contains("< 230 USER1 is logged on.  Working directory is \"USER1.\".")
                .contains("< 200 SITE command was accepted").contains("< 125 Storing data set USER1.CERTREQ.ARM")
                .contains("< 250 Transfer completed successfully.");
        Catalog catalog = new Catalog(registry.home(), clock);
        DatasetName name = new DatasetName("USER1.CERTREQ.ARM", null);
        assertThat(catalog.attributes(name).orElseThrow().lrecl()).isEqualTo(84);
        assertThat(catalog.attributes(name).orElseThrow().recfm().name()).isEqualTo("VB");
        assertThat(catalog.readRecords(name)).hasSize(3);
        assertThat(catalog.readText(name)).isEqualTo(CSR);

        var list = curl(url(""));
        // curl hands the ASCII listing over with local line ends.
        assertThat(list.stdout()).startsWith("Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname\n")
                .containsPattern("OPENCS 3390   \\d{4}/\\d\\d/\\d\\d  1    1  VB      84 27998  PS  CERTREQ.ARM\n");

        var download = curl("--use-ascii", "-o", "back.arm", url("CERTREQ.ARM"));
        assertThat(download.exitCode()).as(download.all()).isZero();
        assertThat(download.stderr()).contains("< 125 Sending data set USER1.CERTREQ.ARM VARrecfm 84");
        try {
            assertThat(Files.readString(dir.resolve("back.arm")).replace("\r\n", "\n")).isEqualTo(CSR);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void tooLongRecordsFailAndLeaveNoDataSet() {
        var upload = curl("--use-ascii", "-Q", "SITE LRECL=24 RECFM=VB", "-T", "long.txt", url("%27USER1.LONG.TXT%27"));
        assertThat(upload.exitCode()).isNotZero();
        assertThat(upload.stderr()).contains("< 451-File transfer failed. File contains records that are longer than the LRECL of the new file.");
        assertThat(new Catalog(registry.home(), clock).exists(new DatasetName("USER1.LONG.TXT", null))).isFalse();
        var other = curl("-o", "x", url("%27USER2.SECRET%27"));
        assertThat(other.stderr()).contains("< 550 Data set USER2.SECRET not found");
    }
}

package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.testkit.ExternalCommand;

/**
 * The rest of the command set with real clients: curl for APPE, REST, RNFR/RNTO, MKD/RMD, MDTM, CCC and implicit
 * TLS; Apache Commons Net's FTPSClient for the MVS listing (parsed by its own MVS parser) and for session reuse
 * (it does not resume sessions, so SECURE_SESSION_REUSE REQUIRED must refuse it); a raw socket for hostile lines.
 */
class FtpServerCommandsTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        system.close();
    }

    private void start(String... statements) throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        List<String> lines = new ArrayList<>(List.of("EXTENSIONS AUTH_TLS", "SECURE_DATACONN PRIVATE",
                "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS"));
        lines.addAll(List.of(statements));
        var config = FtpDataParser.parse(String.join("\n", lines), "FTP.DATA").config();
        server = log.serve(config, system.registry);
    }

    private ExternalCommand.Result curl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem",
                "--user", "USER1:user1pw"));
        command.addAll(List.of(arguments));
        return ExternalCommand.run(dir, null, command);
    }

    private String url(String path) {
        return "ftp://127.0.0.1:" + server.port() + path;
    }

    private Path home(String file) {
        return system.registry.home().hfsPath("/u/user1/" + file);
    }

    @Test
    void appendRestartRenameDirectoriesAndModificationTime() throws Exception {
        start();
        Files.writeString(home("log.txt"), "first\n");
        Files.writeString(dir.resolve("more.txt"), "second\n");
        var append = curl("--append", "-T", "more.txt", url("/log.txt"));
        assertThat(append.exitCode()).as(append.all()).isZero();
        assertThat(append.stderr()).contains("< 125 Appending to data set /u/user1/log.txt");
        assertThat(Files.readString(home("log.txt"))).isEqualTo("first\nsecond\n");

        var resume = curl("-C", "6", "-o", "tail.txt", url("/log.txt"));
        assertThat(resume.exitCode()).as(resume.all()).isZero();
        assertThat(resume.stderr()).contains("< 350 Restarting at 6.");
        assertThat(Files.readString(dir.resolve("tail.txt"))).isEqualTo("second\n");

        var manage = curl("-Q", "MKD /u/user1/archive", "-Q", "RNFR /u/user1/log.txt", "-Q", "RNTO /u/user1/archive/log.txt",
                "-Q", "MKD /u/user1/empty", "-Q", "RMD /u/user1/empty", url("/"));
        assertThat(manage.exitCode()).as(manage.all()).isZero();
        assertThat(manage.stderr()).contains("< 257 \"/u/user1/archive\" created.")
                .contains("< 350 RNFR accepted. Please supply new name for RNTO.")
                .contains("< 250 /u/user1/log.txt renamed to /u/user1/archive/log.txt").contains("< 250 /u/user1/empty removed.");
        assertThat(home("archive/log.txt")).hasContent("first\nsecond\n");
        assertThat(home("empty")).doesNotExist();

        var time = curl("-R", "-o", "copy.txt", url("/archive/log.txt"));
        assertThat(time.exitCode()).as(time.all()).isZero();
        assertThat(time.stderr()).containsPattern("< 213 \\d{14}");
        assertThat(Files.getLastModifiedTime(dir.resolve("copy.txt")).toMillis() / 1000)
                .isEqualTo(Files.getLastModifiedTime(home("archive/log.txt")).toMillis() / 1000);
    }

    @Test
    void cccIsRefusedWhenTheControlConnectionMustStayPrivate() throws Exception {
        start("TLSRFCLEVEL RFC4217", "SECURE_CTRLCONN PRIVATE");
        var result = curl("--ftp-ssl-ccc", url("/"));
        assertThat(result.stderr()).contains("< 534 CCC not supported");
    }

    @Test
    void implicitTlsOnTheTlsPort() throws Exception {
        start("TLSPORT 0", "SECUREIMPLICITZOS FALSE");
        Files.writeString(home("b.txt"), "implicit\n");
        var result = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--cacert", "ca.pem", "--user",
                "USER1:user1pw", "-o", "b.txt", "ftps://127.0.0.1:" + server.tlsPort() + "/b.txt"));
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(dir.resolve("b.txt")).hasContent("implicit\n");
    }

    @Test
    void commonsNetParsesTheMvsListingWhenSessionReuseIsNotRequired() throws Exception {
        start("SECURE_SESSION_REUSE ALLOWED");
        Catalog catalog = new Catalog(system.registry.home(), system.clock);
        LocalDate today = LocalDate.now();
        catalog.allocate(new DatasetName("USER1.CERT.B64", null), new DatasetAttributes("PS", RecordFormat.VB, 84, 27998, today, today));
        catalog.allocate(new DatasetName("USER1.ALFRED.CNTL", null), new DatasetAttributes("PO", RecordFormat.FB, 80, 3120, today, today));
        FTPSClient client = commonsNet();
        try {
            assertThat(client.changeWorkingDirectory("'USER1.'")).isTrue();
            FTPFile[] files = client.listFiles();
            assertThat(files).extracting(FTPFile::getName).contains("CERT.B64", "ALFRED.CNTL");
            assertThat(client.getSystemType()).startsWith("MVS");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aClientThatDoesNotResumeTheSessionIsRefusedUnderRequiredReuse() throws Exception {
        start("SECURE_SESSION_REUSE REQUIRED", "FTPLOGGING TRUE");
        FTPSClient client = commonsNet();
        try {
            client.listFiles("/u/user1");
            assertThat(client.getReplyString()).contains("522 Data connections must reuse the TLS session");
        } finally {
            client.disconnect();
        }
        String activity = Files.readString(system.registry.home().logs().resolve("ftp-activity.log"));
        assertThat(activity).contains("SECURE FAILED Reason=data connection did not reuse the control session");
    }

    private FTPSClient commonsNet() throws Exception {
        FTPSClient client = new FTPSClient("TLS", false);
        client.setTrustManager(org.apache.commons.net.util.TrustManagerUtils.getAcceptAllTrustManager());
        client.configure(new FTPClientConfig(FTPClientConfig.SYST_MVS));
        client.connect("127.0.0.1", server.port());
        client.execPBSZ(0);
        client.execPROT("P");
        assertThat(client.login("USER1", "user1pw")).as(client.getReplyString()).isTrue();
        client.enterLocalPassiveMode();
        return client;
    }

    @Test
    void hostileLinesGetRepliesAndTheSessionGoesOn() throws Exception {
        start("SECURE_FTP ALLOWED");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220-FTPD1 IBM FTP CS OpenCS at ");
            in.readLine();
            out.write(("NOOP" + "x".repeat(1_000_000) + "\r\nNOOP\r\nRETR /etc/passwd\r\nUSER USER1\r\nPASS user1pw\r\n"
                    + "RETR ../../../../etc/passwd\r\nCWD /etc\r\nPORT 10,0,0,1,4,1\r\nQUIT\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(in.readLine()).isEqualTo("500 Command line too long: at most 8192 bytes.");
            assertThat(in.readLine()).isEqualTo("200 OK");
            assertThat(in.readLine()).isEqualTo("530 You must first login with USER and PASS.");
            assertThat(in.readLine()).isEqualTo("331 Send password please.");
            assertThat(in.readLine()).startsWith("230 USER1 is logged on.");
            assertThat(in.readLine()).isEqualTo("550 RETR fails: /etc/passwd does not exist or is not accessible.");
            assertThat(in.readLine()).isEqualTo("550 CWD cmd failed : EDC5129I No such file or directory.");
            assertThat(in.readLine()).isEqualTo("504 Data connections go only to the client's own address and an unprivileged port.");
            assertThat(in.readLine()).isEqualTo("221 Quit command received. Goodbye.");
        }
    }

    @Test
    void activeModeConnectsBackToTheClientOnly() throws Exception {
        start("SECURE_FTP ALLOWED", "SECURE_DATACONN CLEAR");
        Files.writeString(home("c.txt"), "active\n");
        var result = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--user", "USER1:user1pw", "-P", "127.0.0.1",
                "-o", "c.txt", url("/c.txt")));
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stderr()).containsPattern("> (EPRT|PORT) ").contains("< 200 Port request OK.");
        assertThat(dir.resolve("c.txt")).hasContent("active\n");
    }

    @Test
    void aDataConnectionFromAnotherAddressIsNotTaken() throws Exception {
        start("SECURE_FTP ALLOWED", "SECURE_DATACONN CLEAR");
        Files.write(home("d.txt"), org.opencs.core.CodePage.IBM_1047.encodeText("mine\n"));
        try (Socket control = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = control.getOutputStream();
            in.readLine();
            in.readLine();
            out.write("USER USER1\r\nPASS user1pw\r\nEPSV\r\n".getBytes(StandardCharsets.UTF_8));
            in.readLine();
            in.readLine();
            String epsv = in.readLine();
            int port = Integer.parseInt(epsv.replaceAll(".*\\(\\|\\|\\|(\\d+)\\|\\).*", "$1"));
            // Another host (127.0.0.2 on the loopback) takes the passive port first: the server must not use it.
            try (Socket intruder = new Socket()) {
                intruder.bind(new java.net.InetSocketAddress("127.0.0.2", 0));
                intruder.connect(new java.net.InetSocketAddress("127.0.0.1", port));
                intruder.setSoTimeout(5000);
                out.write("RETR d.txt\r\n".getBytes(StandardCharsets.UTF_8));
                assertThat(intruder.getInputStream().read()).isEqualTo(-1);
                try (Socket own = new Socket("127.0.0.1", port)) {
                    assertThat(in.readLine()).isEqualTo("125 Sending data set /u/user1/d.txt");
                    assertThat(new String(own.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("mine\r\n");
                }
            }
            assertThat(in.readLine()).isEqualTo("250 Transfer completed successfully.");
        }
    }

    @Test
    void wrongPasswordsRevokeTheUserAfterTheSetroptsLimit() throws Exception {
        start("SECURE_FTP ALLOWED");
        system.registry.options().set("PASSWORD.REVOKE", "3");
        for (int i = 0; i < 3; i++) {
            var wrong = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--user", "USER1:wrong" + i, url("/")));
            assertThat(wrong.stderr()).contains("< 530 PASS command failed");
        }
        var right = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--user", "USER1:user1pw", url("/")));
        assertThat(right.stderr()).contains("< 530 PASS command failed");
        assertThat(system.registry.users().find("USER1").orElseThrow().revoked()).isTrue();
    }

    @Test
    void anUploadCutOffMidwayLeavesThePreviousFile() throws Exception {
        start("SECURE_FTP ALLOWED", "SECURE_DATACONN CLEAR", "FTPLOGGING TRUE");
        Files.writeString(home("keep.txt"), "previous content\n");
        try (Socket control = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = control.getOutputStream();
            in.readLine();
            in.readLine();
            out.write("USER USER1\r\nPASS user1pw\r\nTYPE I\r\nEPSV\r\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                in.readLine();
            }
            String epsv = in.readLine();
            int port = Integer.parseInt(epsv.replaceAll(".*\\(\\|\\|\\|(\\d+)\\|\\).*", "$1"));
            try (Socket data = new Socket("127.0.0.1", port)) {
                out.write("STOR keep.txt\r\n".getBytes(StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("125 Storing data set /u/user1/keep.txt");
                data.getOutputStream().write(new byte[100_000]);
                data.setSoLinger(true, 0); // close with a reset: the upload is cut off, not ended
            }
            assertThat(in.readLine()).startsWith("451 Transfer aborted: the client reset the data connection");
        }
        assertThat(home("keep.txt")).hasContent("previous content\n");
        try (var files = Files.list(home(""))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        }
    }

    @Test
    void ebcdicAndRecordStructureTransfersOfDataSets() throws Exception {
        start("SECURE_FTP ALLOWED", "SECURE_DATACONN CLEAR", "STARTDIRECTORY MVS");
        byte[] ebcdicRecords = RecordStructureBytes.records(org.opencs.core.Ebcdic.encode("FIRST RECORD"),
                org.opencs.core.Ebcdic.encode("SECOND"));
        try (RawFtp ftp = new RawFtp(server.port())) {
            ftp.send("USER USER1");
            assertThat(ftp.send("PASS user1pw")).startsWith("230 USER1 is logged on.  Working directory is \"USER1.\".");
            assertThat(ftp.send("SITE RECFM=FB LRECL=20 BLKSIZE=200")).isEqualTo("200 SITE command was accepted");
            assertThat(ftp.send("TYPE E")).isEqualTo("200 Representation type is Ebcdic NonPrint");
            assertThat(ftp.send("STRU R")).isEqualTo("250 Data structure is Record");
            assertThat(ftp.upload("STOR RECS", ebcdicRecords)).isEqualTo("250 Transfer completed successfully.");
            // Record structure keeps the blanks of fixed records; TYPE A stream structure drops them.
            assertThat(ftp.send("TYPE A")).isEqualTo("200 Representation type is Ascii NonPrint");
            String[] records = ftp.download("RETR RECS");
            assertThat(records[1]).isEqualTo("250 Transfer completed successfully.");
            assertThat(records[0]).isEqualTo("FIRST RECORD        \u00ff\u0001SECOND              \u00ff\u0001\u00ff\u0002");
            assertThat(ftp.send("STRU F")).isEqualTo("250 Data structure is File");
            assertThat(ftp.download("RETR RECS")[0]).isEqualTo("FIRST RECORD\r\nSECOND\r\n");
            assertThat(ftp.send("TYPE E")).startsWith("200");
            assertThat(ftp.download("RETR RECS")[0]).isEqualTo(new String(org.opencs.core.Ebcdic.encode("FIRST RECORD"),
                    StandardCharsets.ISO_8859_1) + "\u0015" + new String(org.opencs.core.Ebcdic.encode("SECOND"),
                    StandardCharsets.ISO_8859_1) + "\u0015");
            assertThat(ftp.send("STRU P")).startsWith("504-Page structure not implemented");
            // TYPE E on a z/OS UNIX file: EBCDIC lines ended by x'15' on the wire and on disk (IBM-1047 text).
            byte[] ebcdicText = RecordStructureBytes.lines(org.opencs.core.Ebcdic.encode("AB"), org.opencs.core.Ebcdic.encode("CD"));
            assertThat(ftp.upload("STOR /u/user1/e.txt", ebcdicText)).isEqualTo("250 Transfer completed successfully.");
            assertThat(home("e.txt")).hasBinaryContent(ebcdicText);
            assertThat(ftp.download("RETR /u/user1/e.txt")[0].getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(ebcdicText);
        }
    }

    /** Builds STRU R bytes independently of the server's encoder: record, x'FF01', ..., x'FF02'. */
    private static final class RecordStructureBytes {
        static byte[] lines(byte[]... lines) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (byte[] l : lines) {
                out.writeBytes(l);
                out.write(0x15);
            }
            return out.toByteArray();
        }

        static byte[] records(byte[]... records) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (byte[] r : records) {
                out.writeBytes(r);
                out.write(0xFF);
                out.write(0x01);
            }
            out.write(0xFF);
            out.write(0x02);
            return out.toByteArray();
        }
    }

    @Test
    void opensslStartTlsFtpNegotiatesAndVerifiesTheServer() throws Exception {
        start("SECURE_FTP REQUIRED");
        var result = ExternalCommand.run(dir, "USER USER1\r\nPASS user1pw\r\nPWD\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII),
                List.of("openssl", "s_client", "-starttls", "ftp", "-connect", "127.0.0.1:" + server.port(), "-CAfile", "ca.pem",
                        "-verify_return_error", "-crlf", "-ign_eof", "-brief"));
        assertThat(result.all()).contains("Verification: OK").contains("Protocol version: TLSv1.3")
                .contains("230 USER1 is logged on.").contains("257 \"/u/user1\" is the HFS working directory.")
                .contains("221 Quit command received. Goodbye.");
    }

    /** TYPE A data set transfers use SBDATACONN's network code page: ISO8859-1 by default, as on z/OS. */
    @Test
    void sbdataconnChoosesTheNetworkCodePage() throws Exception {
        start("SECURE_FTP ALLOWED", "SECURE_DATACONN CLEAR", "STARTDIRECTORY MVS");
        try (RawFtp ftp = new RawFtp(server.port())) {
            ftp.send("USER USER1");
            ftp.send("PASS user1pw");
            assertThat(ftp.upload("STOR CAFE", "caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1)))
                    .isEqualTo("250 Transfer completed successfully.");
            var records = new Catalog(system.registry.home(), system.clock).readRecords(new DatasetName("USER1.CAFE", null));
            assertThat(records.get(0)).isEqualTo(new byte[] {(byte) 0x83, (byte) 0x81, (byte) 0x86, 0x51});
            assertThat(ftp.download("RETR CAFE")[0]).isEqualTo("caf\u00e9\r\n");
            assertThat(ftp.send("SITE SBDATACONN=(IBM-1047,UTF-8)")).isEqualTo("200 SITE command was accepted");
            assertThat(ftp.download("RETR CAFE")[0].getBytes(StandardCharsets.ISO_8859_1))
                    .isEqualTo("caf\u00e9\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(ftp.send("SITE SBD=(IBM-1047,NOSUCH-9)")).isEqualTo("200-SBDATACONN code page (IBM-1047,NOSUCH-9) is not known. "
                    + "SBDATACONN ignored.\n200 SITE command was accepted");
        }
    }
}

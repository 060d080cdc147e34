package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.smf.Smf119Reader;
import org.opencs.core.smf.Smf119Record;
import org.opencs.core.smf.Smf119Subtype;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.testkit.ExternalCommand;

/**
 * The seed's server FTP.DATA with SMF statements added: curl's STOR into a data set, RETR of a z/OS UNIX file and a
 * wrong password write IBM's SMF 119 records (IP Programmer's Guide and Reference, "FTP server transfer completion
 * record (subtype 70)", "FTP server logon failure record (subtype 72)") to the audit log; without them, none.
 */
class FtpSmfTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;
    /** The port the sessions used (the server is closed before the records are read). */
    private int port;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        system.close();
    }

    /** Serves the seed's FTP.DATA plus {@code smf}, runs the three sessions, and returns the SMF records written. */
    private List<Smf119Record> sessions(String... smf) throws Exception {
        serve(smf);
        var store = curl("USER1:user1pw", "--use-ascii", "-T", "upload.txt", url("%27USER1.SMF.TEXT%27"));
        assertThat(store.exitCode()).as(store.all()).isZero();
        var retrieve = curl("USER1:user1pw", "-o", "hello.txt", url("%2Fu/user1/hello.txt"));
        assertThat(retrieve.exitCode()).as(retrieve.all()).isZero();
        var wrong = curl("USER1:wrong", url(""));
        assertThat(wrong.stderr()).contains("< 530");
        return records();
    }

    /** Starts the server on the seed's FTP.DATA plus {@code smf}, with /u/user1/hello.txt and upload.txt ready. */
    private void serve(String... smf) throws Exception {
        system = new FtpTestSystem(dir, "/u/user1/SSLcase1/abckey.kdb");
        system.user("USER1");
        Files.writeString(system.registry.home().hfsPath("/u/user1/hello.txt"), "hello from z/OS UNIX\n");
        Files.writeString(dir.resolve("upload.txt"), "line one\nline two\n");
        String ftpData = new String(getClass().getResourceAsStream("/seed/FTP.DATA.serverauth").readAllBytes())
                .replace("/u/user1/SSLCasel/abckey.kdb", "/u/user1/SSLcase1/abckey.kdb") + "\n" + String.join("\n", smf);
        server = log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), system.registry);
        port = server.port();
    }

    /** Stops the server and reads the SMF records it wrote. */
    private List<Smf119Record> records() throws Exception {
        server.close();
        server = null;
        return Smf119Reader.read(system.registry.home().logs().resolve("audit.jsonl"), r -> true).records();
    }

    /**
     * curl's -Q DELE, RNFR and RNTO on a data set, a PDS member and a z/OS UNIX file, then a DELE that fails; the
     * records of the STORs that set them up are left aside.
     */
    private List<Smf119Record> deletesAndRenames(String... smf) throws Exception {
        serve(smf);
        LocalDate today = LocalDate.now();
        new Catalog(system.registry.home(), system.clock).allocate(new DatasetName("USER1.SMF.PDS", null),
                new DatasetAttributes("PO", RecordFormat.FB, 80, 27920, today, today));
        for (String target : List.of("%27USER1.SMF.TEXT%27", "%27USER1.SMF.PDS(MEM1)%27")) {
            var store = curl("USER1:user1pw", "--use-ascii", "-T", "upload.txt", url(target));
            assertThat(store.exitCode()).as(store.all()).isZero();
        }
        var manage = curl("USER1:user1pw", "-Q", "RNFR 'USER1.SMF.TEXT'", "-Q", "RNTO 'USER1.SMF.NEW'",
                "-Q", "RNFR 'USER1.SMF.PDS(MEM1)'", "-Q", "RNTO 'USER1.SMF.PDS(MEM2)'", "-Q", "DELE 'USER1.SMF.PDS(MEM2)'",
                "-Q", "RNFR /u/user1/hello.txt", "-Q", "RNTO /u/user1/bye.txt", "-Q", "DELE /u/user1/bye.txt",
                "-Q", "DELE 'USER1.SMF.NEW'", url("%2Fu/user1/"));
        assertThat(manage.exitCode()).as(manage.all()).isZero();
        var missing = curl("USER1:user1pw", "-Q", "DELE /u/user1/missing.txt", url("%2Fu/user1/"));
        assertThat(missing.stderr()).contains("< 550");
        return records().stream().filter(r -> !"STOR".equals(r.value("SMF119FT_FSCmd"))).toList();
    }

    @Test
    void deleteAndRenameWriteSubtype70WithBothNamesAndTheLastReply() throws Exception {
        List<Smf119Record> records = deletesAndRenames("SMF TYPE119");
        assertThat(records).extracting(r -> r.value("SMF119FT_FSCmd") + " " + r.value("SMF119FT_FSOper") + " "
                + r.value("SMF119FT_FSFileName1") + " " + r.value("SMF119FT_FSFileName2") + " "
                + r.value("SMF119FT_FSDsType") + " " + r.value("SMF119FT_FSLReply")).containsExactly(
                "RNTO 3 USER1.SMF.TEXT USER1.SMF.NEW S 250",
                "RNTO 3 USER1.SMF.PDS(MEM1) USER1.SMF.PDS(MEM2) P 250",
                "DELE 2 USER1.SMF.PDS(MEM2) null P 250",
                "RNTO 3 /u/user1/hello.txt /u/user1/bye.txt H 250",
                "DELE 2 /u/user1/bye.txt null H 250",
                "DELE 2 USER1.SMF.NEW null S 250",
                "DELE 2 /u/user1/missing.txt null H 550");
        Smf119Record member = records.get(1);
        assertThat(member.subtype()).isEqualTo(Smf119Subtype.FTP_SERVER_TRANSFER);
        assertThat(member.value("SMF119FT_FSM1")).isEqualTo("MEM1");
        assertThat(member.value("SMF119FT_FSM2")).isEqualTo("MEM2");
        assertThat(member.value("SMF119FT_FSSUser")).isEqualTo("USER1");
        assertThat(member.value("SMF119FT_FSFType")).isEqualTo("SEQ");
        assertThat(member.value("SMF119FT_FSBytes")).as("no data moves").isEqualTo(0L);
        assertThat(member.value("SMF119FT_FSDRIP")).as("no data connection").isNull();
        assertThat(member.value("SMF119FT_FSCRIP")).isEqualTo("127.0.0.1");
        assertThat(member.value("SMF119FT_FSMechanism")).isEqualTo("T");
        assertThat(member.value("SMF119FT_FSSDate")).isNotNull();
        assertThat(records.get(3).value("SMF119FT_FSM1")).as("a file has no member").isNull();
    }

    @Test
    void smfDelWritesOnlyTheDeletes() throws Exception {
        assertThat(deletesAndRenames("SMFDEL TYPE119")).extracting(r -> r.value("SMF119FT_FSCmd"))
                .containsExactly("DELE", "DELE", "DELE", "DELE");
    }

    @Test
    void smfDcfgType119WritesTheDaemonConfigurationOnceAtStart() throws Exception {
        serve("SMFDCFG TYPE119");
        var store = curl("USER1:user1pw", "--use-ascii", "-T", "upload.txt", url("%27USER1.SMF.TEXT%27"));
        assertThat(store.exitCode()).as(store.all()).isZero();
        List<Smf119Record> records = records();
        assertThat(records).singleElement().extracting(Smf119Record::subtype).isEqualTo(Smf119Subtype.FTP_DAEMON_CONFIG);
        Smf119Record config = records.get(0);
        assertThat(config.value("SMF119TI_Comp")).isEqualTo("FTPS");
        assertThat(config.value("SMF119FT_FDJobName")).isEqualTo("FTPD");
        assertThat(config.value("SMF119FT_FDPort")).isEqualTo((long) port);
        assertThat(config.value("SMF119FT_FDTlsPort")).as("the seed's block has no TLSPORT").isNull();
        // the seed's server FTP.DATA as printed: SECURE_FTP REQUIRED ... TLSTIMEOUT 100
        assertThat(config.value("SMF119FT_FDSecureFtp")).isEqualTo("REQUIRED");
        assertThat(config.value("SMF119FT_FDSecureLogin")).isEqualTo("NO_CLIENT_AUTH");
        assertThat(config.value("SMF119FT_FDKeyring")).isEqualTo("/u/user1/SSLcase1/abckey.kdb");
        assertThat(config.value("SMF119FT_FDSecureDataConn")).isEqualTo("PRIVATE");
        assertThat(config.value("SMF119FT_FDSecurePbsz")).isEqualTo(16384L);
        assertThat(config.value("SMF119FT_FDTlsTimeout")).isEqualTo(100L);
        assertThat(config.value("SMF119FT_FDSDate")).isNotNull();
    }

    @Test
    void smfRenWritesTheRenames() throws Exception {
        assertThat(deletesAndRenames("SMFREN TYPE119")).extracting(r -> r.value("SMF119FT_FSCmd"))
                .containsExactly("RNTO", "RNTO", "RNTO");
    }

    private ExternalCommand.Result curl(String user, String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem",
                "--user", user, "--ftp-method", "nocwd"));
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    private String url(String path) {
        return "ftp://127.0.0.1:" + port + "/" + path;
    }

    @Test
    void smfType119WritesTransferAndLogonFailureRecords() throws Exception {
        List<Smf119Record> records = sessions("SMF TYPE119");
        assertThat(records).extracting(Smf119Record::subtype).containsExactly(Smf119Subtype.FTP_SERVER_TRANSFER,
                Smf119Subtype.FTP_SERVER_TRANSFER, Smf119Subtype.FTP_SERVER_LOGON_FAILURE);
        Smf119Record stor = records.get(0);
        assertThat(stor.value("SMF119TI_Comp")).isEqualTo("FTPS");
        assertThat(stor.value("SMF119TI_ASName")).isEqualTo("FTPD");
        assertThat(stor.value("SMF119FT_FSOper")).isEqualTo(5L);
        assertThat(stor.value("SMF119FT_FSCmd")).isEqualTo("STOR");
        assertThat(stor.value("SMF119FT_FSFType")).isEqualTo("SEQ");
        assertThat(stor.value("SMF119FT_FSSUser")).isEqualTo("USER1");
        assertThat(stor.value("SMF119FT_FSFileName1")).isEqualTo("USER1.SMF.TEXT");
        assertThat(stor.value("SMF119FT_FSDsType")).isEqualTo("S");
        assertThat(stor.value("SMF119FT_FSType")).isEqualTo("A");
        assertThat(stor.value("SMF119FT_FSBytes")).as("two lines, CRLF on the wire").isEqualTo(20L);
        assertThat(stor.value("SMF119FT_FSLReply")).isEqualTo("250");
        assertThat(stor.value("SMF119FT_FSCRIP")).isEqualTo("127.0.0.1");
        assertThat(stor.value("SMF119FT_FSCLPort")).isEqualTo((long) port);
        assertThat((Long) stor.value("SMF119FT_FSDRPort")).isPositive();
        assertThat(stor.value("SMF119FT_FSMechanism")).isEqualTo("T");
        assertThat(stor.value("SMF119FT_FSDProtect")).isEqualTo("P");
        assertThat(stor.value("SMF119FT_FSProtoLevel")).asString().startsWith("TLSV1.");
        assertThat(stor.value("SMF119FT_FSCipherSpec")).asString().startsWith("TLS_");
        assertThat(stor.value("SMF119FT_FSSDate")).isNotNull();
        assertThat(stor.value("SMF119FT_FSSessionID")).isNotNull();

        Smf119Record retr = records.get(1);
        assertThat(retr.value("SMF119FT_FSOper")).isEqualTo(4L);
        assertThat(retr.value("SMF119FT_FSCmd")).isEqualTo("RETR");
        assertThat(retr.value("SMF119FT_FSFileName1")).isEqualTo("/u/user1/hello.txt");
        assertThat(retr.value("SMF119FT_FSDsType")).isEqualTo("H");
        assertThat(retr.value("SMF119FT_FSType")).isEqualTo("I");
        assertThat(retr.value("SMF119FT_FSBytes")).isEqualTo(21L);

        Smf119Record failure = records.get(2);
        assertThat(failure.value("SMF119FT_FFUserID")).isEqualTo("USER1");
        assertThat(failure.value("SMF119FT_FFReason")).as("password not valid").isEqualTo(1L);
        assertThat(failure.value("SMF119FT_FFRIP")).isEqualTo("127.0.0.1");
        assertThat(failure.value("SMF119FT_FFLoginMech")).isEqualTo("P");
        assertThat(failure.value("SMF119FT_FFMechanism")).isEqualTo("T");
    }

    @Test
    void theSpecificStatementsWriteOnlyTheirRecords() throws Exception {
        assertThat(sessions("SMFRETR TYPE119")).extracting(r -> r.value("SMF119FT_FSCmd")).containsExactly("RETR");
    }

    @Test
    void smfLognAloneWritesTheLogonFailureOnly() throws Exception {
        assertThat(sessions("SMFLOGN TYPE119")).extracting(Smf119Record::subtype)
                .containsExactly(Smf119Subtype.FTP_SERVER_LOGON_FAILURE);
    }

    @Test
    void withoutSmfStatementsNoRecordIsWrittenAndTheAuditRecordsStay() throws Exception {
        assertThat(sessions()).isEmpty();
        assertThat(Files.readString(system.registry.home().logs().resolve("audit.jsonl")))
                .contains("\"type\":\"FTP_TRANSFER\"").contains("\"type\":\"LOGON_FAILURE\"").doesNotContain("SMF119");
    }
}

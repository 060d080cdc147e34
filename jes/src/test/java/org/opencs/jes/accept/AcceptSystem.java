package org.opencs.jes.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.server.FtpServer;
import org.opencs.ftp.server.FtpServerLog;
import org.opencs.jes.Jes;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.jes.ftp.JesForFtp;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/**
 * An OpenCS system as the acceptance tests' real clients meet it: a system home with its H2 registry and catalog,
 * IBMUSER (SPECIAL, password sys1pw), USER1 (user1pw) and USER2 (user2pw) with OMVS homes, JES2 started with the
 * built-in programs and two initiators ({@code Jes.builder(registry).initiators(2).start()}), and FTP servers on a free
 * loopback port whose JES interface is {@link JesForFtp}. The clock is the real one: the clients print and compare
 * the times the server gives them.
 */
final class AcceptSystem implements AutoCloseable {
    static final Pattern KNOWN_TO_JES = Pattern.compile("It is known to JES as (JOB\\d{5})");

    final Registry registry;
    final Catalog catalog;
    final Jes jes;
    private final FtpServerLog log;
    private final List<FtpServer> servers = new ArrayList<>();

    AcceptSystem(Path dir, FtpServerLog log) throws Exception {
        this.log = log;
        Clock clock = Clock.systemDefaultZone();
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        catalog = new Catalog(registry.home(), clock);
        tso("IBMUSER", "ALTUSER IBMUSER PASSWORD(sys1pw) NOEXPIRED OMVS(UID(0) HOME(/))\n"
                + "ADDUSER USER1 PASSWORD(user1pw) OMVS(UID(101) HOME(/u/user1))\n"
                + "ALTUSER USER1 PASSWORD(user1pw) NOEXPIRED\n"
                + "ADDUSER USER2 PASSWORD(user2pw) OMVS(UID(102) HOME(/u/user2))\n"
                + "ALTUSER USER2 PASSWORD(user2pw) NOEXPIRED");
        jes = Jes.builder(registry).initiators(2).pollInterval(Duration.ofMillis(100)).start();
    }

    /** An FTP server on a free loopback port with these FTP.DATA statements and the JES interface. */
    FtpServer ftp(String... ftpData) throws Exception {
        FtpServer server = log.serve(FtpDataParser.parse(String.join("\n", ftpData), "FTP.DATA").config(), registry,
                new JesForFtp(jes));
        servers.add(server);
        return server;
    }

    /** The FTP.DATA of a site that runs Zowe and zos-node-accessor: JESINTERFACELEVEL 2, data sets by default. */
    FtpServer ftp() throws Exception {
        return ftp("INACTIVE 0", "STARTDIRECTORY MVS", "JESINTERFACELEVEL 2");
    }

    /** The password the fixture gave {@code userid}. */
    static String password(String userid) {
        return userid.equals("IBMUSER") ? "sys1pw" : userid.toLowerCase(java.util.Locale.ROOT) + "pw";
    }

    User user(String userid) {
        return registry.users().find(userid).orElseThrow();
    }

    /** Runs TSO commands as {@code userid} and requires RC 0. */
    void tso(String userid, String stream) {
        List<String> listing = new ArrayList<>();
        int rc = new TsoProcessor().runStream(stream, new TsoSession(registry, user(userid)), listing::add);
        assertThat(rc).as(String.join("\n", listing)).isZero();
    }

    /** A cataloged partitioned data set (FB 80) with members: name, text, name, text ... */
    void pds(String name, String... membersAndText) {
        DatasetName dsn = new DatasetName(name, null);
        LocalDate today = LocalDate.now();
        catalog.allocate(dsn, new DatasetAttributes("PO", RecordFormat.FB, 80, 800, today, today));
        for (int i = 0; i < membersAndText.length; i += 2) {
            catalog.writeText(new DatasetName(name, membersAndText[i]), membersAndText[i + 1]);
        }
    }

    /** Waits (up to two minutes) for the job to be on the OUTPUT queue and returns it. */
    JobSummary awaitOutput(String userid, String jobId) throws InterruptedException {
        JobSummary job = jes.await(user(userid), jobId, Duration.ofMinutes(2));
        assertThat(job.status()).as(jobId).isEqualTo(JobStatus.OUTPUT);
        return job;
    }

    /** Apache Commons Net's FTPClient, configured for an MVS server (SYST_MVS), logged on, passive, TYPE A. */
    static FTPClient commonsNet(FtpServer server, String userid, String password) throws Exception {
        FTPClient ftp = new FTPClient();
        ftp.configure(new FTPClientConfig(FTPClientConfig.SYST_MVS));
        ftp.connect("127.0.0.1", server.port());
        assertThat(ftp.login(userid, password)).as(ftp.getReplyString()).isTrue();
        ftp.enterLocalPassiveMode();
        ftp.setFileType(FTP.ASCII_FILE_TYPE);
        return ftp;
    }

    /** STOR in FILETYPE=JES: returns the job ID of the 250 reply. */
    static String submit(FTPClient ftp, String jcl) throws Exception {
        assertThat(ftp.sendSiteCommand("FILETYPE=JES")).as(ftp.getReplyString()).isTrue();
        assertThat(ftp.storeFile("JOB.JCL", new ByteArrayInputStream(jcl.getBytes(StandardCharsets.US_ASCII))))
                .as(ftp.getReplyString()).isTrue();
        Matcher m = KNOWN_TO_JES.matcher(ftp.getReplyString());
        assertThat(m.find()).as(ftp.getReplyString()).isTrue();
        return m.group(1);
    }

    /** RETR in FILETYPE=JES (JOBnnnnn.n or JOBnnnnn.x): the lines received. */
    static List<String> retrieve(FTPClient ftp, String name) throws Exception {
        assertThat(ftp.sendSiteCommand("FILETYPE=JES")).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile(name, out)).as(ftp.getReplyString()).isTrue();
        return out.toString(StandardCharsets.US_ASCII).lines().toList();
    }

    @Override
    public void close() {
        servers.forEach(FtpServer::close);
        jes.close();
        registry.close();
    }
}

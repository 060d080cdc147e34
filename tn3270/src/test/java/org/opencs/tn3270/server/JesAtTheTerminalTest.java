package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.jes.Jes;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import org.opencs.tn3270.apps.HostServices;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetPort;

/**
 * JES2 at the 3270, with Debian's s3270 over TLS: READY's SUBMIT and STATUS, the primary menu's job list (SDSF's ST:
 * Max-RC, S to the job's spool files and on to BROWSE of JESMSGLG, P to purge), NOTIFY messages reaching a logged-on
 * user (below READY's output; breaking in with *** on the menu), and a server without JES2 (no job commands, no ST).
 */
class JesAtTheTerminalTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Jes jes;
    private Tn3270Server server;
    private TelnetPort port;

    private static final String BR14 = String.join("\n",
            "//USER1A   JOB 1,'IEFBR14',CLASS=A,MSGCLASS=X,NOTIFY=USER1",
            "//STEP1    EXEC PGM=IEFBR14", "");
    private static final String NOPGM = String.join("\n",
            "//USER1B   JOB 1,'NO PROGRAM',CLASS=A,MSGCLASS=X",
            "//STEP1    EXEC PGM=NOSUCHPG", "");

    @BeforeEach
    void start() throws Exception {
        registry = TestHost.open(dir, clock);
        registry.users().add(User.define("USER2", "USER2", "IBMUSER",
                registry.passwordHasher().hash("user2pw".toCharArray()), false, false, 102L, "/u/user2", clock.instant()));
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure", "  Clientauth none",
                "  Keyring HFS /etc/tn3270/server.kdb", "  Inactive 0", "EndTelnetParms");
        port = ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0);
    }

    /** JES2 with one initiator, and the server with it. */
    private void withJes() throws Exception {
        jes = Jes.start(registry, 1);
        server = log.serve(port, HostServices.of(registry, jes));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (jes != null) {
            jes.close();
        }
        registry.close();
    }

    private User user(String userid) {
        return registry.users().find(userid).orElseThrow();
    }

    /** USER1.JCL, a PDS (FB 80) whose members hold {@code BR14} and {@code NOPGM}. */
    private void jclLibrary() {
        Catalog catalog = new Catalog(registry.home(), clock);
        LocalDate today = LocalDate.now();
        catalog.allocate(new DatasetName("USER1.JCL", null), new DatasetAttributes("PO", RecordFormat.FB, 80, 27920,
                today, today));
        catalog.writeText(new DatasetName("USER1.JCL", "BR14"), BR14);
        catalog.writeText(new DatasetName("USER1.JCL", "NOPGM"), NOPGM);
    }

    /** s3270 as a model 2 logged on as USER1, at the primary menu. */
    private S3270 logon(String... options) {
        List<String> all = new java.util.ArrayList<>(List.of("-model", "3278-2"));
        all.addAll(List.of(options));
        S3270 terminal = new S3270(dir, all.toArray(String[]::new));
        terminal.run("Connect(L:localhost:" + server.port() + ")", "Wait(20,InputField)");
        terminal.type("user1");
        terminal.run("Tab()");
        terminal.type("user1pw");
        terminal.run("Enter()", "Wait(20,InputField)");
        assertThat(terminal.text()).contains("OpenCS Primary Option Menu");
        return terminal;
    }

    /** Types {@code text} where the cursor is and presses Enter; returns the screen that follows. */
    private static String enter(S3270 terminal, String text) {
        terminal.type(text);
        terminal.run("Enter()", "Wait(20,InputField)");
        return terminal.text();
    }

    private static final Pattern SUBMITTED = Pattern.compile("IKJ56250I JOB (\\w+)\\((JOB\\d{5})\\) SUBMITTED");

    @Test
    void readySubmitsAMemberAndStatusShowsItOnTheOutputQueue() throws Exception {
        withJes();
        jclLibrary();
        try (S3270 terminal = logon()) {
            enter(terminal, "6");
            String submitted = enter(terminal, "submit 'user1.jcl(br14)'");
            Matcher m = SUBMITTED.matcher(submitted);
            assertThat(m.find()).as(submitted).isTrue();
            assertThat(m.group(1)).isEqualTo("USER1A");
            JobSummary ended = jes.await(user("USER1"), m.group(2), Duration.ofSeconds(60));
            assertThat(ended.status()).isEqualTo(JobStatus.OUTPUT);
            // The job said NOTIFY=USER1: its end reaches READY below the output, as TSO's line mode writes it (the
            // terminal gets a new screen: the user types once it is there).
            String notified = awaitScreen(terminal, "\\$HASP165 USER1A +ENDED AT N1  MAXCC=0000");
            assertThat(notified.indexOf("$HASP165")).isGreaterThan(notified.indexOf("IKJ56250I"));
            String status = enter(terminal, "status user1a");
            assertThat(status).contains("IKJ56192I JOB USER1A(" + m.group(2) + ") ON OUTPUT QUEUE");
            assertThat(status.indexOf("IKJ56192I")).isGreaterThan(status.indexOf("$HASP165"));
        }
    }

    @Test
    void theJobListShowsMaxRcBrowsesJesmsglgAndPurges() throws Exception {
        withJes();
        User user1 = user("USER1");
        JobSummary good = jes.submit(user1, BR14.lines().toList());
        JobSummary bad = jes.submit(user1, NOPGM.lines().toList());
        JobSummary others = jes.submit(user("USER2"), List.of("//USER2A   JOB 1,'OTHER',CLASS=A", "//S EXEC PGM=IEFBR14"));
        for (JobSummary job : List.of(good, bad)) {
            jes.await(user1, job.jobId(), Duration.ofSeconds(60));
        }
        jes.await(user("USER2"), others.jobId(), Duration.ofSeconds(60));
        try (S3270 terminal = logon()) {
            String list = enter(terminal, "s");
            assertThat(list).contains("SDSF STATUS DISPLAY ALL CLASSES").contains("PREFIX=*  OWNER=USER1")
                    .contains("JOBNAME  JobID    Owner    Queue      C Max-RC")
                    .containsPattern("USER1A +" + good.jobId() + " +USER1 +PRINT +A +CC 0000")
                    .containsPattern("USER1B +" + bad.jobId() + " +USER1 +PRINT +A +ABEND S806")
                    .doesNotContain("USER2A");
            // S beside USER1A: its spool files; S beside JESMSGLG: BROWSE of the job log.
            List<String> rows = terminal.screen();
            String files = select(terminal, rows, good.jobId(), "s");
            assertThat(files).contains("SDSF JOB DATA SET DISPLAY - JOB USER1A (" + good.jobId() + ")")
                    .contains("DDNAME   StepName ProcStep DSID").containsPattern("JESMSGLG +JES2")
                    .contains("JESJCL").contains("JESYSMSG");
            String browse = select(terminal, terminal.screen(), "JESMSGLG", "s");
            assertThat(browse).contains("SDSF OUTPUT DISPLAY USER1A " + good.jobId() + " DSID")
                    .contains("$HASP373 USER1A").containsPattern("\\$HASP395 USER1A +ENDED");
            terminal.run("PF(3)", "Wait(20,InputField)");
            terminal.run("PF(3)", "Wait(20,InputField)");
            // P beside USER1B purges it: the message row says so, the list and JES no longer have it.
            String purged = select(terminal, terminal.screen(), bad.jobId(), "p");
            assertThat(purged).contains("OCST080I JOB USER1B(" + bad.jobId() + ") PURGED").doesNotContain("USER1B  ");
            assertThat(jes.job(user1, bad.jobId())).isEmpty();
            // An action SDSF does not have here.
            String refused = select(terminal, terminal.screen(), good.jobId(), "z");
            assertThat(refused).contains("OCST081I ACTION Z NOT VALID FOR USER1A: USE S, ?, P, C, H OR A");
            // OWNER USER2: JESSPOOL does not let USER1 see USER2's jobs.
            terminal.run("MoveCursor(1,20)");
            String otherOwner = enter(terminal, "owner user2");
            assertThat(otherOwner).contains("OWNER=USER2").doesNotContain("USER2A").contains("No jobs.");
        }
    }

    /**
     * The screen once it shows {@code regex}: a message from JES2 comes when the job has ended, which the test learns
     * from JES2 itself, so the terminal may get it a moment later; the test looks again each second, for a minute.
     */
    private static String awaitScreen(S3270 terminal, String regex) {
        Pattern pattern = Pattern.compile(regex);
        for (int i = 0; i < 60; i++) {
            String screen = terminal.text();
            if (pattern.matcher(screen).find()) {
                return screen;
            }
            terminal.run("Wait(1,Seconds)");
        }
        throw new AssertionError(regex + " never appeared:\n" + terminal.transcript());
    }

    /** Types {@code action} in the NP column of the row showing {@code text}, presses Enter, returns the screen. */
    private static String select(S3270 terminal, List<String> rows, String text, String action) {
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).contains(text) && rows.get(r).length() > 4 && rows.get(r).substring(1, 4).isBlank()) {
                terminal.run("MoveCursor(" + r + ",1)");
                return enter(terminal, action);
            }
        }
        throw new AssertionError(text + " is not on the screen:\n" + String.join("\n", rows));
    }

    @Test
    void aNotifyMessageBreaksInOnTheMenuOfALoggedOnUser() throws Exception {
        withJes();
        try (S3270 terminal = logon()) {
            // A message for USER2 (who has no session) is not USER1's: it must not join the one that follows.
            JobSummary not = jes.submit(user("USER2"), List.of("//NOTIFY2  JOB 1,'NOTIFY',CLASS=A,NOTIFY=USER2",
                    "//S EXEC PGM=IEFBR14"));
            jes.await(user("USER2"), not.jobId(), Duration.ofSeconds(60));
            JobSummary job = jes.submit(user("USER2"), List.of("//NOTIFY1  JOB 1,'NOTIFY',CLASS=A,NOTIFY=USER1",
                    "//S EXEC PGM=IEFBR14"));
            jes.await(user("USER2"), job.jobId(), Duration.ofSeconds(60));
            String shown = awaitScreen(terminal, "\\$HASP165 NOTIFY1 +ENDED");
            assertThat(shown).contains("***").doesNotContain("Primary Option Menu").doesNotContain("NOTIFY2");
            terminal.run("Enter()", "Wait(20,InputField)");
            assertThat(terminal.text()).contains("OpenCS Primary Option Menu");
        }
        assertThat(log.lines()).anyMatch(l -> l.contains("OCST085I NOTIFY message for USER1 sent to LU TCP00001"));
    }

    @Test
    void withoutJesReadyHasNoJobCommandsAndTheMenuNoJobList() throws Exception {
        server = log.serve(port, HostServices.of(registry));
        jclLibrary();
        try (S3270 terminal = logon()) {
            assertThat(terminal.text()).doesNotContain("SDSF ST").contains("X  Exit");
            assertThat(enter(terminal, "s")).contains("Option S is not valid.");
            enter(terminal, "6");
            assertThat(enter(terminal, "submit 'user1.jcl(br14)'")).contains("IKJ56500I COMMAND SUBMIT NOT FOUND");
        }
    }
}

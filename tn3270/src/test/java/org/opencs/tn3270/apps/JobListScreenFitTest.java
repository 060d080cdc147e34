package org.opencs.tn3270.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.jes.Jes;
import org.opencs.jes.JobSummary;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tn3270.datastream.ScreenSize;

/**
 * The JES2 screens at every screen size ScreenFitTest checks (models 2 to 5 and IBM-DYNAMIC sizes): the job list
 * (more jobs than a model 2 shows, ended with CC, ABEND and JCL ERROR), its pages, its messages, a job's spool files,
 * BROWSE of JESMSGLG, READY with SUBMIT's and STATUS's output and a NOTIFY message, and a NOTIFY break-in: every
 * field fits its row (ScreenFitTest.problems), and the list's pages together show every job once.
 */
class JobListScreenFitTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private Registry registry;
    private Jes jes;
    private User user1;
    private final List<JobSummary> submitted = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        registry.users().add(User.define("USER1", "USER1", "IBMUSER",
                registry.passwordHasher().hash("user1pw".toCharArray()), false, false, 101L, "/u/user1", clock.instant()));
        user1 = registry.users().find("USER1").orElseThrow();
        jes = Jes.start(registry, 2);
        for (int i = 1; i <= 22; i++) {
            submitted.add(jes.submit(user1, List.of(String.format("//USER1J%02d JOB 1,'FIT',CLASS=A,MSGCLASS=X", i),
                    "//STEP1    EXEC PGM=IEFBR14")));
        }
        submitted.add(jes.submit(user1, List.of("//ALFREDCI JOB 1,'ABEND',CLASS=A", "//STEPNAME EXEC PGM=NOSUCHPG")));
        submitted.add(jes.submit(user1, List.of("//ALFREDCJ JOB 1,'JCL ERROR',CLASS=A", "//STEP1    EXCE PGM=IEFBR14")));
        for (JobSummary job : submitted) {
            jes.await(user1, job.jobId(), Duration.ofSeconds(60));
        }
    }

    @AfterEach
    void stop() {
        jes.close();
        registry.close();
    }

    private final List<String> problems = new ArrayList<>();

    private <T extends Transaction> T check(T t) {
        problems.addAll(ScreenFitTest.problems(t.screen()));
        return t;
    }

    private static String text(Transaction t) {
        return String.join("\n", ScreenFitTest.rows(t.screen()));
    }

    /** The NP field name (np0, np1 ...) of the row showing {@code text}. */
    private static String np(Transaction list, String text) {
        Screen screen = list.screen();
        for (Field f : screen.fields()) {
            if (!f.write() && f.column() == 5 && f.content().contains(text)) {
                return screen.fields().stream().filter(i -> i.write() && i.row() == f.row()).findFirst()
                        .orElseThrow().name();
            }
        }
        throw new AssertionError(text + " is not listed:\n" + text(list));
    }

    @Test
    void everyJesScreenFitsEveryModelAndDynamicSize() {
        HostServices services = HostServices.of(registry, jes);
        for (ScreenSize size : ScreenFitTest.SIZES) {
            Terminal terminal = new Terminal(size);
            PrimaryMenu menu = check(new PrimaryMenu(services, user1, null, terminal));
            assertThat(text(menu)).contains("S  Status");
            Transaction list = check(menu.next(Aid.ENTER, Map.of("option", "S")));
            assertThat(list).isInstanceOf(JobList.class);
            // The pages together show every job once.
            StringBuilder pages = new StringBuilder(text(list));
            Transaction page = list;
            for (int i = 0; i < submitted.size(); i++) {
                Transaction next = check(page.next(Aid.PF8, Map.of()));
                if (text(next).equals(text(page))) {
                    break;
                }
                page = next;
                pages.append('\n').append(text(page));
            }
            for (JobSummary job : submitted) {
                assertThat(pages.toString()).as("on %s", size).contains(job.jobId());
            }
            check(page.next(Aid.PF7, Map.of()));
            assertThat(pages.toString()).as("on %s", size).contains("ABEND S806").contains("JCL ERROR")
                    .contains("CC 0000");
            // PREFIX: the two ALFRED jobs only.
            list = check(list.next(Aid.ENTER, Map.of("command", "prefix alfred*")));
            assertThat(((JobList) list).jobs()).extracting(JobSummary::jobName).containsExactly("ALFREDCI", "ALFREDCJ");
            assertThat(text(list)).contains("PREFIX=ALFRED*").contains("ABEND S806").contains("JCL ERROR");
            // Messages: an action it does not take, a command it does not know, a long operand.
            check(list.next(Aid.ENTER, Map.of(np(list, "ALFREDCI"), "Z")));
            check(list.next(Aid.ENTER, Map.of("command", "SORT JOBNAME")));
            check(list.next(Aid.ENTER, Map.of("command", "PREFIX " + "X".repeat(40))));
            check(list.next(Aid.ENTER, Map.of("command", "OWNER NOBODY")));
            // A job's spool files and BROWSE of its job log.
            Transaction files = check(list.next(Aid.ENTER, Map.of(np(list, "ALFREDCI"), "S")));
            assertThat(text(files)).contains("SDSF JOB DATA SET DISPLAY - JOB ALFREDCI").contains("JESMSGLG");
            check(files.next(Aid.ENTER, Map.of(np(files, "JESMSGLG"), "X")));
            Transaction browse = check(files.next(Aid.ENTER, Map.of(np(files, "JESMSGLG"), "S")));
            assertThat(text(browse)).contains("SDSF OUTPUT DISPLAY ALFREDCI");
            check(browse.next(Aid.PF8, Map.of()));
            assertThat(check(files.next(Aid.PF3, Map.of()))).isInstanceOf(JobList.class);
            // READY with the job commands, and a NOTIFY message below its output.
            Transaction ready = check(menu.next(Aid.ENTER, Map.of("option", "6")));
            ready = check(ready.next(Aid.ENTER, Map.of("command", "STATUS")));
            ready = check(ready.next(Aid.ENTER, Map.of("command", "OUTPUT ALFREDCI")));
            ready = check(ready.notified(List.of("$HASP165 ALFREDCI ENDED AT N1  MAXCC=0000 CN(INTERNAL)"), terminal));
            assertThat(text(ready)).contains("$HASP165 ALFREDCI ENDED AT N1");
            // A NOTIFY break-in over the job list, with a message wider than any screen.
            Transaction broadcast = check(list.notified(List.of("$HASP165 ALFREDCI ENDED AT N1  MAXCC=0000 CN(INTERNAL)",
                    "M".repeat(700)), terminal));
            assertThat(text(broadcast)).contains("***");
        }
        assertThat(problems).isEmpty();
    }
}

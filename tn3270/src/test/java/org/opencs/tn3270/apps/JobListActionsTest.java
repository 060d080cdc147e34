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
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tn3270.datastream.ScreenSize;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/**
 * The job list's action characters and commands on a real JES2 whose jobs wait (no initiators): H holds and A
 * releases a waiting job, C cancels it (Max-RC CANCELED), P purges it; JES2's refusals (hold of an ended job, purge of
 * another user's job seen through JESSPOOL READ but not ALTER) on the message row; several actions at once; PREFIX
 * and OWNER commands; and a server without JES2 has no ST option.
 */
class JobListActionsTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private Registry registry;
    private Jes jes;
    private User user1;
    private User user2;
    private HostServices services;
    private final Terminal terminal = new Terminal(ScreenSize.DEFAULT);

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        for (String id : List.of("USER1", "USER2")) {
            registry.users().add(User.define(id, id, "IBMUSER", registry.passwordHasher().hash("pw".toCharArray()),
                    false, false, null, "/u/" + id.toLowerCase(), clock.instant()));
        }
        user1 = registry.users().find("USER1").orElseThrow();
        user2 = registry.users().find("USER2").orElseThrow();
        jes = Jes.start(registry, 0); // jobs wait on the INPUT queue
        services = HostServices.of(registry, jes);
    }

    @AfterEach
    void stop() {
        jes.close();
        registry.close();
    }

    private JobSummary submit(User user, String name) {
        return jes.submit(user, List.of("//" + name + " JOB 1,'ACTIONS',CLASS=A", "//STEP1 EXEC PGM=IEFBR14"));
    }

    private JobList list() {
        return JobList.open(services, user1, null, terminal);
    }

    private static String text(Transaction t) {
        return String.join("\n", ScreenFitTest.rows(t.screen()));
    }

    /** The bottom row (the message row). */
    private static String message(Transaction t) {
        Screen screen = t.screen();
        return ScreenFitTest.rows(screen).get(screen.rows() - 1).strip();
    }

    /** The NP field of the row showing {@code text}. */
    private static String np(Transaction list, String text) {
        for (Field f : list.screen().fields()) {
            if (!f.write() && f.column() == 5 && f.content().contains(text)) {
                return list.screen().fields().stream().filter(i -> i.write() && i.row() == f.row()).findFirst()
                        .orElseThrow().name();
            }
        }
        throw new AssertionError(text + " is not listed:\n" + text(list));
    }

    private JobSummary job(String id) {
        return jes.job(user1, id).orElseThrow();
    }

    @Test
    void holdReleaseCancelAndPurgeAWaitingJob() {
        JobSummary job = submit(user1, "USER1H");
        JobList list = list();
        assertThat(text(list)).containsPattern("USER1H +" + job.jobId() + " +USER1 +INPUT +A");
        Transaction held = list.next(Aid.ENTER, Map.of(np(list, job.jobId()), "h"));
        assertThat(message(held)).isEqualTo("OCST080I JOB USER1H(" + job.jobId() + ") HELD");
        assertThat(text(held)).containsPattern("USER1H +" + job.jobId() + " +USER1 +INPUT +A +HELD");
        assertThat(job(job.jobId()).held()).isTrue();
        Transaction released = held.next(Aid.ENTER, Map.of(np(held, job.jobId()), "A"));
        assertThat(message(released)).isEqualTo("OCST080I JOB USER1H(" + job.jobId() + ") RELEASED");
        assertThat(job(job.jobId()).held()).isFalse();
        Transaction canceled = released.next(Aid.ENTER, Map.of(np(released, job.jobId()), "C"));
        assertThat(message(canceled)).isEqualTo("OCST080I JOB USER1H(" + job.jobId() + ") CANCELED");
        assertThat(text(canceled)).containsPattern("USER1H +" + job.jobId() + " +USER1 +PRINT +A +CANCELED");
        assertThat(job(job.jobId()).status()).isEqualTo(JobStatus.OUTPUT);
        // JES2 refuses to hold a job that has ended: its message on the message row.
        Transaction refused = canceled.next(Aid.ENTER, Map.of(np(canceled, job.jobId()), "H"));
        assertThat(text(refused)).contains("OCS3005E");
        Transaction purged = refused.next(Aid.ENTER, Map.of(np(refused, job.jobId()), "P"));
        assertThat(message(purged)).isEqualTo("OCST080I JOB USER1H(" + job.jobId() + ") PURGED");
        assertThat(text(purged)).doesNotContain(job.jobId() + " ").contains("No jobs.");
        assertThat(jes.job(user1, job.jobId())).isEmpty();
    }

    @Test
    void severalActionsAtOnceEachCarriedOut() {
        JobSummary first = submit(user1, "USER1X");
        JobSummary second = submit(user1, "USER1Y");
        JobList list = list();
        Transaction after = list.next(Aid.ENTER, Map.of(np(list, first.jobId()), "P", np(list, second.jobId()), "H"));
        assertThat(text(after)).contains("OCST080I JOB USER1X(" + first.jobId() + ") PURGED")
                .contains("OCST080I JOB USER1Y(" + second.jobId() + ") HELD");
        assertThat(jes.job(user1, first.jobId())).isEmpty();
        assertThat(job(second.jobId()).held()).isTrue();
    }

    @Test
    void anotherUsersJobSeenThroughJesspoolReadCannotBePurged() {
        JobSummary others = submit(user2, "USER2J");
        assertThat(text(JobList.read(services, user1, "*", "*", 0, null, null, terminal))).doesNotContain(others.jobId());
        List<String> listing = new ArrayList<>();
        new TsoProcessor().runStream("RDEFINE JESSPOOL N1.USER2.** UACC(NONE)\nPERMIT N1.USER2.** CLASS(JESSPOOL) "
                + "ID(USER1) ACCESS(READ)", new TsoSession(registry, registry.users().find("IBMUSER").orElseThrow()),
                listing::add);
        assertThat(listing).doesNotContain("RC=8");
        Transaction list = list().next(Aid.ENTER, Map.of("command", "OWNER USER2"));
        assertThat(text(list)).contains("PREFIX=*  OWNER=USER2").containsPattern("USER2J +" + others.jobId() + " +USER2");
        Transaction refused = list.next(Aid.ENTER, Map.of(np(list, others.jobId()), "P"));
        assertThat(text(refused)).contains("ICH408I USER(USER1").contains("CL(JESSPOOL)").contains(others.jobId());
        assertThat(jes.job(user2, others.jobId())).isPresent();
    }

    @Test
    void prefixAndOwnerCommandsAndTheirRefusals() {
        submit(user1, "USER1A");
        submit(user1, "PAYROLL1");
        JobList list = list();
        assertThat(list.jobs()).extracting(JobSummary::jobName).containsExactly("USER1A", "PAYROLL1");
        Transaction pay = list.next(Aid.ENTER, Map.of("command", "PRE PAY%%%L1"));
        assertThat(((JobList) pay).jobs()).extracting(JobSummary::jobName).containsExactly("PAYROLL1");
        Transaction all = pay.next(Aid.ENTER, Map.of("command", "PREFIX"));
        assertThat(text(all)).contains("PREFIX=*");
        assertThat(((JobList) all).jobs()).hasSize(2);
        assertThat(message(list.next(Aid.ENTER, Map.of("command", "SORT JOBNAME"))))
                .isEqualTo("OCST082I COMMAND SORT NOT VALID HERE: USE PREFIX OR OWNER");
        assertThat(text(list.next(Aid.ENTER, Map.of("command", "OWNER 'USER2'")))).contains("OCST082I COMMAND OWNER 'USER2'");
        assertThat(message(list.next(Aid.ENTER, Map.of(np(list, "PAYROLL1"), "XYZ"))))
                .isEqualTo("OCST081I ACTION XYZ NOT VALID FOR PAYROLL1: USE S, ?, P, C, H OR A");
        assertThat(list.next(Aid.PF3, Map.of())).isNull();
    }

    @Test
    void theMenuOffersTheJobListOnlyWithJes() {
        PrimaryMenu with = new PrimaryMenu(services, user1, null, terminal);
        assertThat(text(with)).contains("S  Status        Your jobs and their output (SDSF ST)");
        assertThat(with.next(Aid.ENTER, Map.of("option", "st"))).isInstanceOf(JobList.class);
        PrimaryMenu without = new PrimaryMenu(HostServices.of(registry), user1, null, terminal);
        assertThat(text(without)).doesNotContain("SDSF ST").contains("X  Exit");
        assertThat(text(without.next(Aid.ENTER, Map.of("option", "S")))).contains("Option S is not valid.");
    }
}

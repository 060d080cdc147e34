package org.opencs.tn3270.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.opencs.jes.Completion;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.jes.SpoolFile;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tn3270.datastream.ScreenSize;

/**
 * The job list's columns as SDSF's Status panel shows them (Queue INPUT/EXECUTION/PRINT, Max-RC CC 0000, ABEND S806,
 * ABEND U0016, JCL ERROR, CANCELED; Status HELD or the running step), the spool file list's columns, and the
 * line-mode break-in of NOTIFY messages (rows, ***, paging, back to the screen it interrupted).
 */
class JobListColumnsTest {
    private static JobSummary job(JobStatus status, boolean held, Completion completion, String step) {
        return new JobSummary("JOB00042", "ALFREDCI", "USER1", status, "A", held, completion, 4,
                Instant.parse("2025-03-01T10:00:00Z"), null, null, step, "USER1");
    }

    @Test
    void maxRcIsSdsfs() {
        assertThat(JobList.maxRc(null)).isEmpty();
        assertThat(JobList.maxRc(new Completion.ReturnCode(0))).isEqualTo("CC 0000");
        assertThat(JobList.maxRc(new Completion.ReturnCode(12))).isEqualTo("CC 0012");
        assertThat(JobList.maxRc(new Completion.Abended("806"))).isEqualTo("ABEND S806");
        assertThat(JobList.maxRc(new Completion.Abended("U0016"))).isEqualTo("ABEND U0016");
        assertThat(JobList.maxRc(new Completion.JclError())).isEqualTo("JCL ERROR");
        assertThat(JobList.maxRc(new Completion.Canceled())).isEqualTo("CANCELED");
    }

    @Test
    void rowsShowQueueClassMaxRcAndStatusInSdsfsColumns() {
        assertThat(JobList.row(job(JobStatus.OUTPUT, false, new Completion.ReturnCode(4), null)))
                .isEqualTo("ALFREDCI JOB00042 USER1    PRINT      A CC 0004      ");
        assertThat(JobList.row(job(JobStatus.ACTIVE, false, null, "IEFPROC")))
                .isEqualTo("ALFREDCI JOB00042 USER1    EXECUTION  A              STEP IEFPROC");
        assertThat(JobList.row(job(JobStatus.INPUT, true, null, null)))
                .isEqualTo("ALFREDCI JOB00042 USER1    INPUT      A              HELD");
    }

    /** Whatever the values, a row fits the 75 columns right of NP on an 80-column screen. */
    @Property
    void aRowFitsEightyColumns(@ForAll @StringLength(max = 20) String name, @ForAll @StringLength(max = 20) String owner,
                               @ForAll @StringLength(max = 20) String step, @ForAll @IntRange(max = 9999) int rc,
                               @ForAll JobStatus status, @ForAll boolean held) {
        JobSummary job = new JobSummary("JOB99999", name, owner, status, "ABCDEFGH", held,
                status == JobStatus.OUTPUT ? new Completion.Abended("U" + rc) : null, 0, Instant.EPOCH, null, null,
                step, owner);
        assertThat(5 + JobList.row(job).length()).isLessThanOrEqualTo(80);
    }

    @Test
    void spoolFileRowsShowSdsfsJobDataSetColumns() {
        assertThat(JobDataSets.row(new SpoolFile(1, "JES2", null, "X", "JESMSGLG", 1124, 18)))
                .isEqualTo("JESMSGLG JES2                 1 X        18      1,124");
        assertThat(JobDataSets.row(new SpoolFile(4, "IEFPROC", "STEP1", "A", "SYSTSPRT", 1234567, 20000)))
                .isEqualTo("SYSTSPRT IEFPROC  STEP1       4 A    20,000  1,234,567");
    }

    /** A screen the break-in goes back to. */
    private static final class Panel implements Transaction {
        @Override
        public Screen screen() {
            return Screen.of(List.of(Field.text(0, 1, "THE PANEL")), 0, 1);
        }

        @Override
        public Transaction next(Aid aid, Map<String, String> values) {
            return this;
        }

        @Override
        public String userid() {
            return "USER1";
        }
    }

    @Test
    void notifyMessagesBreakInWithAsterisksAndAnyKeyGoesBack() {
        Terminal terminal = new Terminal(ScreenSize.DEFAULT);
        Panel panel = new Panel();
        Transaction shown = panel.notified(List.of("$HASP165 ALFREDCI ENDED AT N1  MAXCC=0000 CN(INTERNAL)"), terminal);
        List<String> rows = ScreenFitTest.rows(shown.screen());
        assertThat(rows.get(0).strip()).isEqualTo("$HASP165 ALFREDCI ENDED AT N1  MAXCC=0000 CN(INTERNAL)");
        assertThat(rows.get(1).strip()).isEqualTo("***");
        assertThat(shown.userid()).isEqualTo("USER1");
        // A second message while the first waits joins it.
        Transaction both = shown.notified(List.of("$HASP165 ALFREDCJ ENDED AT N1  MAXCC=0004 CN(INTERNAL)"), terminal);
        assertThat(ScreenFitTest.rows(both.screen()).get(1)).contains("ALFREDCJ");
        assertThat(ScreenFitTest.rows(both.screen()).get(2).strip()).isEqualTo("***");
        assertThat(both.next(Aid.ENTER, Map.of())).isSameAs(panel);
        assertThat(both.next(Aid.PF3, Map.of())).isSameAs(panel);
    }

    @Test
    void moreMessagesThanTheScreenHoldsTakeMoreThanOneScreen() {
        Terminal terminal = new Terminal(ScreenSize.DEFAULT);
        Panel panel = new Panel();
        List<String> messages = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "MESSAGE " + i).toList();
        Transaction first = panel.notified(messages, terminal);
        List<String> rows = ScreenFitTest.rows(first.screen());
        assertThat(rows.get(22).strip()).isEqualTo("MESSAGE 23");
        assertThat(rows.get(23).strip()).isEqualTo("***");
        assertThat(ScreenFitTest.problems(first.screen())).isEmpty();
        Transaction second = first.next(Aid.ENTER, Map.of());
        assertThat(ScreenFitTest.rows(second.screen()).get(0).strip()).isEqualTo("MESSAGE 24");
        assertThat(ScreenFitTest.rows(second.screen()).get(7).strip()).isEqualTo("***");
        assertThat(second.next(Aid.ENTER, Map.of())).isSameAs(panel);
    }
}

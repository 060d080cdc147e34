package org.opencs.jes.exec;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job's own spool files as JES2 and the initiator write them: JESMSGLG (the job log: the "J E S 2  J O B  L O G"
 * title, time-stamped messages, the step table, the job statistics) and JESYSMSG (allocation, step and disposition
 * messages). Lines start with their ASA carriage control character ('1' new page, '0' one blank line before, '-' two,
 * ' ' none) as JES2 writes them. Times are the system's local time. Layouts follow real z/OS 2.x job output
 * (e.g. IBM Z Xplore's JESMSGLG: "$HASP373 JCL1     STARTED - INIT 1    - CLASS A        - SYS S0W1", the step table
 * "-STEPNAME PROCSTEP    RC   EXCP   CONN       TCB       SRB  CLOCK ...", "$HASP395 JCL1     ENDED - RC=0000",
 * "------ JES2 JOB STATISTICS ------"); message texts from z/OS MVS System Messages (IEF142I, IEF236I, IEF237I,
 * IEF272I, IEF285I, IEF373I-IEF376I, IEF403I, IEF404I, IEF450I, IEF453I) and z/OS JES2 Messages ($HASP373,
 * $HASP395, $HASP396).
 */
public final class JobLog {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm.ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter JULIAN = DateTimeFormatter.ofPattern("yyyyDDD.HHmm");

    private final String jobId;
    private final String jobName;
    private final ZoneId zone;
    private final List<String> msglg = new ArrayList<>();
    private final List<String> sysmsg = new ArrayList<>();
    private boolean stepTableStarted;

    public JobLog(String jobId, String jobName, ZoneId zone) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.zone = zone;
    }

    public List<String> msglg() {
        return List.copyOf(msglg);
    }

    public List<String> sysmsg() {
        return List.copyOf(sysmsg);
    }

    /** The title and the first date line: {@code ---- WEDNESDAY, 15 APR 2020 ----}. */
    public void title(String sysname, String node, Instant now) {
        String title = "J E S 2  J O B  L O G  --  S Y S T E M  " + spaced(sysname) + "  --  N O D E  " + spaced(node);
        msglg.add("1" + " ".repeat(Math.max(0, (115 - title.length()) / 2)) + title);
        msglg.add("0 ");
        ZonedDateTime time = now.atZone(zone);
        String day = time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toUpperCase(Locale.ROOT) + ",";
        msglg.add(" " + CLOCK.format(time) + " " + jobId + " ---- " + String.format("%-10s", day) + " "
                + DAY.format(time).toUpperCase(Locale.ROOT) + " ----");
    }

    /** A time-stamped job log message: {@code " 10.15.23 JOB07237  $HASP373 ..."}. */
    public void message(Instant now, String text) {
        msglg.add(" " + CLOCK.format(now.atZone(zone)) + " " + jobId + "  " + text);
    }

    /** A JESYSMSG line. */
    public void system(String text) {
        sysmsg.add(" " + text);
    }

    /** A line in both: a message the job log and the system messages show. */
    public void both(Instant now, String text) {
        message(now, text);
        system(text);
    }

    public void stepTableRow(Instant now, String stepName, String procStep, String code, long excp, Duration clock) {
        if (!stepTableStarted) {
            stepTableStarted = true;
            message(now, "-                                      -----TIMINGS (MINS.)------                          "
                    + "-----PAGING COUNTS----");
            message(now, "-STEPNAME PROCSTEP    RC   EXCP   CONN       TCB       SRB  CLOCK          SERV  WORKLOAD  "
                    + "PAGE  SWAP   VIO SWAPS");
        }
        message(now, String.format("-%-8s %-8s%6s%7d%7d%10s%10s%7s%14s  %-8s%6d%6d%6d%6d", stepName,
                procStep == null ? "" : procStep, code, excp, 0, ".00", ".00", minutes(clock), "", "BATCH", 0, 0, 0, 0));
    }

    /** {@code -JCL1     ENDED.  NAME-programmer    TOTAL TCB CPU TIME=      .00 TOTAL ELAPSED TIME=    .0}. */
    public void endedLine(Instant now, String programmer, Duration elapsed) {
        message(now, String.format("-%-8s ENDED.  NAME-%-20s TOTAL TCB CPU TIME=%9s TOTAL ELAPSED TIME=%6s", jobName,
                programmer == null ? "" : programmer, ".00", minutes(elapsed)));
    }

    /** The JES2 JOB STATISTICS block; {@code printRecords} counts every record of the job's SYSOUT. */
    public void statistics(Instant executed, int cardsRead, long printRecords, long spoolBytes, Duration execution) {
        String control = executed == null ? "0" : "-";
        msglg.add("0------ JES2 JOB STATISTICS ------");
        if (executed != null) {
            msglg.add(String.format("-%13s JOB EXECUTION DATE", DAY.format(executed.atZone(zone)).toUpperCase(Locale.ROOT)));
        }
        // This block's own lines are SYSOUT records too: 5 or 6 of them plus the heading.
        long records = printRecords + (executed == null ? 6 : 7);
        msglg.add(String.format(Locale.ENGLISH, "%s%,13d CARDS READ", control, cardsRead));
        msglg.add(String.format(Locale.ENGLISH, "%s%,13d SYSOUT PRINT RECORDS", control, records));
        msglg.add(String.format(Locale.ENGLISH, "%s%,13d SYSOUT PUNCH RECORDS", control, 0));
        msglg.add(String.format(Locale.ENGLISH, "%s%,13d SYSOUT SPOOL KBYTES", control, (spoolBytes + 1023) / 1024));
        msglg.add(String.format(Locale.ENGLISH, "%s%13.2f MINUTES EXECUTION TIME", control,
                execution.toMillis() / 60000.0));
    }

    public int msglgSize() {
        return msglg.size();
    }

    /** hh.mm.ss of {@code now} in the system's time zone. */
    public String clock(Instant now) {
        return CLOCK.format(now.atZone(zone));
    }

    /** yyyyddd.hhmm, the date form of IEF373I-IEF376I. */
    public String julian(Instant now) {
        return JULIAN.format(now.atZone(zone));
    }

    /** Minutes with one decimal and no leading zero, as the step table prints them: .0, 1.5, 23.0. */
    static String minutes(Duration duration) {
        String text = String.format(Locale.ENGLISH, "%.1f", duration.toMillis() / 60000.0);
        return text.startsWith("0.") ? text.substring(1) : text;
    }

    /** "S 0 W 1": the letters of a name with blanks between, as the job log title spaces them. */
    static String spaced(String name) {
        return String.join(" ", name.split(""));
    }
}

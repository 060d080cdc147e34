package org.opencs.ftp.server;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the job names RETR, DELE and LIST take when SITE FILETYPE=JES is in force, and does nothing else: a job ID
 * ({@code JOB00123}, {@code TSU00024}, {@code STC00001}, the 7-digit forms {@code J0012345}, {@code T0012345},
 * {@code S0012345}, or the short form {@code J1234}/{@code J12345}, "the letter J followed by a 4-digit or 5-digit job
 * number"), optionally followed by {@code .n} (spool file n, from 1) or {@code .x} (all spool files); quotes and case
 * do not matter. {@code .0} is "an incorrect value" that z/OS ignores, sending all files. Sources: z/OS
 * Communications Server IP User's Guide and Commands, "Receiving individual spool files" (recvspool); IP and SNA
 * Codes, reply ftp125-17.
 */
final class JesNames {
    private static final Pattern JOB = Pattern.compile(
            "(?<id>(?:JOB|TSU|STC)\\d{5}|[JTS]0\\d{6}|J\\d{4,5})(?:\\.(?<file>X|\\d{1,9}))?");

    private JesNames() {
    }

    /** A job and the spool file asked for: {@code file} 0 means all of them. */
    record Ref(String jobId, int file) {
        /** Whether all spool files are asked for (RETR JOBnnnnn, JOBnnnnn.x, JOBnnnnn.0). */
        boolean all() {
            return file == 0;
        }
    }

    /** The job (and spool file) an argument names, or empty when it names none. */
    static Optional<Ref> parse(String argument) {
        String a = argument.trim();
        if (a.length() >= 2 && a.startsWith("'") && a.endsWith("'")) {
            a = a.substring(1, a.length() - 1);
        }
        Matcher m = JOB.matcher(a.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group("id");
        if (id.startsWith("J") && !id.startsWith("JOB") && id.length() <= 6) {
            id = String.format(Locale.ROOT, "JOB%05d", Integer.parseInt(id.substring(1))); // J1234 is JOB01234
        }
        String file = m.group("file");
        int number = file == null || file.equals("X") ? 0 : Integer.parseInt(file);
        return Optional.of(new Ref(id, number));
    }

    /**
     * Whether a job name or owner matches a JESJOBNAME/JESOWNER pattern: {@code *} any characters (also none),
     * {@code ?} exactly one, case ignored.
     */
    static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(value == null ? "" : value).matches();
    }
}

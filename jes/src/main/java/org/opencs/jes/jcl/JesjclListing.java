package org.opencs.jes.jcl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JESJCL listing as z/OS prints it: each statement's first card after its statement number (right-aligned in
 * columns 1-9, the card from column 11), its continuation cards unnumbered; {@code //*} comments as {@code ***};
 * statements of a cataloged procedure with {@code XX} in place of {@code //} ({@code XX*} for its comments), of an
 * in-stream procedure with {@code ++} ({@code ++*}); a procedure statement overridden by the job's statement (listed
 * just before it) with {@code X/} or {@code +/} and no number; {@code IEFC653I SUBSTITUTION JCL - operands} after a
 * statement whose symbols were substituted. In-stream data, {@code /*} delimiters and JES2 control statements are
 * not listed. A PASSWORD= value on the JOB statement is listed as asterisks. Source: z/OS MVS JCL Reference, "Output
 * of the JCL listing" (MSGLEVEL); z/OS JES2 messages and listings as users see them in SDSF.
 */
final class JesjclListing {
    /** Where a line comes from, for MSGLEVEL's first subparameter (0: JOB statement, 1: all, 2: input only). */
    enum Origin { JOB, INPUT, PROCEDURE }

    private record Line(String text, Origin origin) {
    }

    private static final Pattern PASSWORD = Pattern.compile("((?:PASSWORD|NEWPASS)=)([^,\\s)]+)",
            Pattern.CASE_INSENSITIVE);

    private final List<Line> lines = new ArrayList<>();

    /**
     * Lists a statement: {@code number} before the first card (0: none, as for an overridden procedure statement),
     * {@code prefix} in place of the cards' {@code //} ("//", "XX", "++", "X/", "+/").
     */
    void statement(int number, String prefix, List<String> cards, Origin origin) {
        boolean first = true;
        for (String card : cards) {
            String c = JobStreamReader.stripRight(origin == Origin.JOB ? maskPassword(card) : card);
            if (c.startsWith("//*")) {
                lines.add(new Line("          " + commentPrefix(prefix) + c.substring(3), origin));
                continue;
            }
            String shown = c.startsWith("//") ? prefix + c.substring(2) : c;
            String head = first && number > 0 ? String.format("%9d ", number) : "          ";
            lines.add(new Line(head + shown, origin));
            first = false;
        }
    }

    /** A {@code //*} comment statement. */
    void comment(String card, String prefix, Origin origin) {
        lines.add(new Line("          " + commentPrefix(prefix) + JobStreamReader.stripRight(card).substring(3),
                origin));
    }

    /** The IEFC653I line after a statement whose symbols were substituted. */
    void substitution(String operands, Origin origin) {
        String text = origin == Origin.JOB ? maskPassword(operands) : operands;
        lines.add(new Line("          IEFC653I SUBSTITUTION JCL - " + text, origin));
    }

    private static String commentPrefix(String prefix) {
        return switch (prefix) {
            case "XX", "X/" -> "XX*";
            case "++", "+/" -> "++*";
            default -> "***";
        };
    }

    static String maskPassword(String text) {
        Matcher m = PASSWORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "*".repeat(m.group(2).length())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The listing for MSGLEVEL's statements subparameter (0, 1 or 2). */
    List<String> lines(int statements) {
        List<String> out = new ArrayList<>();
        for (Line line : lines) {
            boolean shown = switch (statements) {
                case 0 -> line.origin == Origin.JOB;
                case 2 -> line.origin != Origin.PROCEDURE;
                default -> true;
            };
            if (shown) {
                out.add(line.text);
            }
        }
        return out;
    }
}

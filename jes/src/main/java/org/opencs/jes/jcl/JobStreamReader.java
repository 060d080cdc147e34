package org.opencs.jes.jcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JES2 input processing of one job's card images: splits them into JCL statements (with their continuation cards),
 * comment statements, in-stream data and JES2 control statements, the way JES2 reads a job before the converter sees
 * it. Rules (z/OS MVS JCL Reference, "JCL statement fields", "Continuing JCL statements", "Delimiter statement",
 * "DD statement: *, DATA, DLM parameter"; z/OS JES2 Initialization and Tuning, INPUTDEF):
 * <ul>
 * <li>Columns 1-71 hold the statement; column 72 marks a continued comment; 73-80 are ignored.</li>
 * <li>An operand field ending in a comma continues on the next card: {@code //}, a blank column 3, the operand
 * resumed in columns 4-16. A quoted value runs to column 71 and resumes in column 16. An IF statement continues until
 * its THEN. {@code //*} comment cards may come between continuation cards. A card that should continue the statement
 * and does not is IEFC621I EXPECTED CONTINUATION NOT RECEIVED.</li>
 * <li>{@code //} alone (the null statement) ends the job; later cards are not read.</li>
 * <li>{@code /*} followed by a JES2 verb (JOBPARM, ROUTE, PRIORITY, OUTPUT, ...) is a JES2 control statement; any
 * other {@code /*} outside in-stream data (a delimiter, {@code /**}, {@code /* text}) is a delimiter with nothing to
 * end and is discarded.</li>
 * <li>DD * data ends at {@code //} or {@code /*} (or its DLM); DD DATA data only at {@code /*} (or its DLM). A card
 * that is neither JCL nor JES2 in JCL mode starts data for the {@code //SYSIN DD *} JES2 supplies, listed as a
 * GENERATED STATEMENT.</li>
 * </ul>
 */
final class JobStreamReader {
    /** JES2 control statement verbs (z/OS MVS JCL Reference, "JES2 control statements"). */
    private static final Set<String> JES2_VERBS = Set.of("JOBPARM", "ROUTE", "PRIORITY", "OUTPUT", "MESSAGE",
            "NOTIFY", "SETUP", "SIGNON", "SIGNOFF", "XEQ", "XMIT", "NETACCT");

    /** The statement JES2 supplies for data that follows no DD statement, as JESJCL shows it. */
    static final String GENERATED_SYSIN = "//SYSIN    DD *                    GENERATED STATEMENT";

    private final List<String> cards;
    private int next;
    private final List<SourceEntry> entries = new ArrayList<>();
    private final List<String> jes2 = new ArrayList<>();

    /** The result: JCL and comment statements in order, and the JES2 control statements as read. */
    record Result(List<SourceEntry> entries, List<String> jes2Statements) {
    }

    private JobStreamReader(List<String> cards) {
        this.cards = cards;
    }

    static Result read(List<String> cards) {
        JobStreamReader reader = new JobStreamReader(cards);
        reader.readAll();
        return new Result(List.copyOf(reader.entries), List.copyOf(reader.jes2));
    }

    private void readAll() {
        while (next < cards.size()) {
            String card = card(next);
            if (card.startsWith("//*")) {
                entries.add(new SourceEntry.Comment(card));
                next++;
            } else if (card.startsWith("//")) {
                if (isNull(card)) {
                    return;
                }
                readStatement();
            } else if (card.startsWith("/*")) {
                next++;
                if (isJes2(card)) {
                    jes2.add(stripRight(card));
                }
            } else {
                List<String> data = readData(false, null);
                entries.add(new SourceStatement(List.of(GENERATED_SYSIN), "SYSIN", "DD", "*", "GENERATED STATEMENT",
                        true, data, List.of()));
            }
        }
    }

    private String card(int index) {
        String card = cards.get(index);
        return card.length() > 80 ? card.substring(0, 80) : card;
    }

    static boolean isNull(String card) {
        return card.startsWith("//") && columns(card).substring(2).isBlank();
    }

    private static boolean isJes2(String card) {
        String rest = columns(card).substring(2);
        if (rest.startsWith("$")) {
            return true;
        }
        int end = 0;
        while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
            end++;
        }
        return end > 0 && JES2_VERBS.contains(rest.substring(0, end).toUpperCase(Locale.ROOT))
                && (end == rest.length() || rest.charAt(end) == ' ');
    }

    /** Columns 1-71 of a card. */
    static String columns(String card) {
        return card.length() > 71 ? card.substring(0, 71) : card;
    }

    private static boolean column72(String card) {
        return card.length() > 71 && card.charAt(71) != ' ';
    }

    static String stripRight(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Reads the statement starting at {@code next} with its continuations, then its in-stream data if any. */
    private void readStatement() {
        List<String> listed = new ArrayList<>();
        List<SourceStatement.Problem> problems = new ArrayList<>();
        String first = card(next++);
        listed.add(first);
        String text = columns(first);
        int i = 2;
        String name = null;
        if (i < text.length() && text.charAt(i) != ' ') {
            int end = indexOfBlank(text, i);
            name = text.substring(i, end);
            i = end;
        }
        i = skipBlanks(text, i);
        int opEnd = indexOfBlank(text, i);
        String operation = text.substring(i, opEnd).toUpperCase(Locale.ROOT);
        i = skipBlanks(text, opEnd);
        StringBuilder operands = new StringBuilder();
        StringBuilder comments = new StringBuilder();
        if (operation.equals("IF")) {
            readIf(text.substring(Math.min(i, text.length())), operands, comments, listed, problems);
        } else if (takesNoOperands(operation)) {
            comments.append(text.substring(Math.min(i, text.length())).trim());
            continueComments(first, listed);
        } else {
            readOperands(text, i, false, operands, comments, listed, problems, first);
        }
        List<String> data = null;
        String ops = operands.toString();
        if (operation.equals("DD")) {
            Instream kind = instreamKind(ops);
            if (kind != null) {
                data = readData(kind.data, kind.dlm);
            }
        }
        entries.add(new SourceStatement(listed, name, operation, ops, comments.toString().trim(), false, data,
                problems));
    }

    private static boolean takesNoOperands(String operation) {
        return operation.equals("PEND") || operation.equals("ELSE") || operation.equals("ENDIF")
                || operation.equals("ENDCNTL");
    }

    /**
     * Scans operands from {@code from} on {@code text} (columns 1-71 of the current card) and on continuation cards.
     */
    private void readOperands(String text, int from, boolean quoted, StringBuilder operands, StringBuilder comments,
                              List<String> listed, List<SourceStatement.Problem> problems, String current) {
        Scan scan = scan(text, from, quoted);
        operands.append(scan.operands);
        if (scan.inQuote) {
            // A quoted value runs to column 71 and resumes in column 16 of the next card.
            int cont = continuationCard(listed);
            if (cont < 0) {
                problems.add(new SourceStatement.Problem("IEFC621I", "EXPECTED CONTINUATION NOT RECEIVED"));
                return;
            }
            String card = card(cont);
            String t = columns(card);
            readOperands(t, Math.min(15, t.length()), true, operands, comments, listed, problems, card);
            return;
        }
        comments.append(' ').append(scan.rest.trim());
        String ops = scan.operands;
        if (ops.endsWith(",")) {
            int cont = continuationCard(listed);
            String t = cont < 0 ? "" : columns(card(cont));
            int start = skipBlanks(t, 2);
            if (cont < 0 || (start > 15 && start < t.length())) {
                problems.add(new SourceStatement.Problem("IEFC621I", "EXPECTED CONTINUATION NOT RECEIVED"));
                operands.setLength(operands.length() - 1); // the statement ends at its last complete parameter
                return;
            }
            String card = card(cont);
            readOperands(t, start, false, operands, comments, listed, problems, card);
        } else {
            continueComments(current, listed);
        }
    }

    /** A comment continued by a non-blank column 72 runs onto the following {@code //} cards. */
    private void continueComments(String current, List<String> listed) {
        String card = current;
        while (column72(card) && next < cards.size() && card(next).startsWith("// ")) {
            card = card(next++);
            listed.add(card);
        }
    }

    /** The IF relational expression continues until THEN; comments follow THEN. */
    private void readIf(String rest, StringBuilder operands, StringBuilder comments, List<String> listed,
                        List<SourceStatement.Problem> problems) {
        String part = rest;
        while (true) {
            int then = thenIndex(part);
            if (then >= 0) {
                operands.append(part, 0, then + 4);
                comments.append(part.substring(then + 4).trim());
                return;
            }
            operands.append(part.trim()).append(' ');
            int cont = continuationCard(listed);
            if (cont < 0) {
                problems.add(new SourceStatement.Problem("IEFC621I", "EXPECTED CONTINUATION NOT RECEIVED"));
                return;
            }
            String t = columns(card(cont));
            part = t.substring(Math.min(2, t.length()));
        }
    }

    /** Index of the word THEN (upper or lower case) standing alone in {@code s}, or -1. */
    static int thenIndex(String s) {
        String upper = s.toUpperCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = upper.indexOf("THEN", from);
            if (at < 0) {
                return -1;
            }
            boolean before = at == 0 || upper.charAt(at - 1) == ' ' || upper.charAt(at - 1) == ')';
            boolean after = at + 4 == upper.length() || upper.charAt(at + 4) == ' ';
            if (before && after) {
                return at;
            }
            from = at + 1;
        }
    }

    /**
     * Finds the continuation card: the next card that is {@code //} with a blank column 3, after any comment cards
     * (listed in place). Returns its index (consumed) or -1 when the next JCL card is not a continuation.
     */
    private int continuationCard(List<String> listed) {
        int k = next;
        List<String> comments = new ArrayList<>();
        while (k < cards.size() && card(k).startsWith("//*")) {
            comments.add(card(k));
            k++;
        }
        if (k < cards.size() && card(k).startsWith("// ") && !isNull(card(k))) {
            listed.addAll(comments);
            listed.add(card(k));
            next = k + 1;
            return k;
        }
        return -1;
    }

    private record Scan(String operands, String rest, boolean inQuote) {
    }

    /** Scans an operand field: it ends at the first blank outside apostrophes; '' inside apostrophes is one '. */
    private static Scan scan(String text, int from, boolean quoted) {
        StringBuilder out = new StringBuilder();
        boolean inQuote = quoted;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (inQuote) {
                out.append(c);
                if (c == '\'') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        out.append('\'');
                        i++;
                    } else {
                        inQuote = false;
                    }
                }
            } else {
                if (c == ' ') {
                    break;
                }
                if (c == '\'') {
                    inQuote = true;
                }
                out.append(c);
            }
            i++;
        }
        if (inQuote && text.length() < 71) {
            // A quoted value open at the end of the card runs to column 71: the card's trailing blanks are in it.
            out.append(" ".repeat(71 - text.length()));
        }
        String rest = i < text.length() ? text.substring(i) : "";
        return new Scan(out.toString(), rest, inQuote);
    }

    private static int indexOfBlank(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != ' ') {
            i++;
        }
        return i;
    }

    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private record Instream(boolean data, String dlm) {
    }

    /** Whether a DD operand field starts in-stream data: first positional * or DATA, with its DLM= if any. */
    private static Instream instreamKind(String operands) {
        List<Operand> list = OperandParser.parse(operands).operands();
        if (list.isEmpty() || list.get(0).keyword() != null) {
            return null;
        }
        String first = list.get(0).value().toUpperCase(Locale.ROOT);
        if (!first.equals("*") && !first.equals("DATA")) {
            return null;
        }
        String dlm = null;
        for (Operand op : list) {
            if ("DLM".equals(op.keyword())) {
                dlm = Operand.unquote(op.value());
            }
        }
        if (dlm != null && dlm.length() != 2) {
            dlm = null; // JES2 does not recognize a delimiter that is not two characters
        }
        return new Instream(first.equals("DATA"), dlm);
    }

    /**
     * Reads in-stream data from {@code next}. DD * (and the generated SYSIN) ends at a {@code //} card (not consumed)
     * or a {@code /*} card (consumed; a JES2 control statement is kept), or at its DLM; DD DATA ends only at
     * {@code /*} or its DLM. The end of the cards ends any data.
     */
    private List<String> readData(boolean dataStatement, String dlm) {
        List<String> data = new ArrayList<>();
        while (next < cards.size()) {
            String card = card(next);
            if (dlm != null) {
                if (card.startsWith(dlm)) {
                    next++;
                    return data;
                }
                if (!dataStatement && card.startsWith("//")) {
                    return data;
                }
            } else if (card.startsWith("/*")) {
                next++;
                if (isJes2(card)) {
                    jes2.add(stripRight(card));
                }
                return data;
            } else if (!dataStatement && card.startsWith("//")) {
                return data;
            }
            data.add(card);
            next++;
        }
        return data;
    }
}

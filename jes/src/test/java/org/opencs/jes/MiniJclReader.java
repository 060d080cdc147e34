package org.opencs.jes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencs.jes.jcl.CondParameter;
import org.opencs.jes.jcl.DdSpec;
import org.opencs.jes.jcl.DdStatement;
import org.opencs.jes.jcl.Disposition;
import org.opencs.jes.jcl.JclEnvironment;
import org.opencs.jes.jcl.JclJob;
import org.opencs.jes.jcl.JclMessage;
import org.opencs.jes.jcl.JobCard;
import org.opencs.jes.jcl.JobElement;
import org.opencs.jes.jcl.Step;

/**
 * A minimal JCL reader for the engine's tests while the real one (JclReader) is written: one-line JOB, EXEC and DD
 * statements, DD * in-stream data, concatenations, COND=(code,op) with EVEN/ONLY, DISP, DSN, SYSOUT, DUMMY, RECFM,
 * LRECL. An unknown operation is IEFC605I, as the converter reports it.
 */
final class MiniJclReader {
    private MiniJclReader() {
    }

    static JclJob read(List<String> cards, JclEnvironment environment) {
        JobCard card = null;
        List<JobElement> elements = new ArrayList<>();
        List<String> listing = new ArrayList<>();
        List<JclMessage> messages = new ArrayList<>();
        String stepName = null;
        String program = null;
        String parm = "";
        CondParameter cond = CondParameter.none();
        int stepStatement = 0;
        List<DdStatement> dds = new ArrayList<>();
        int statement = 0;
        for (int i = 0; i < cards.size(); i++) {
            String line = cards.get(i);
            if (!line.startsWith("//") || line.startsWith("//*")) {
                continue;
            }
            statement++;
            listing.add(String.format(" %8d %s", statement, line));
            boolean unnamed = line.startsWith("// ");
            String[] fields = (unnamed ? line.substring(2).trim() : line.substring(2)).split(" +", 3);
            String name = unnamed ? "" : fields[0];
            String op = unnamed ? fields[0] : fields.length > 1 ? fields[1] : "";
            String operands = unnamed ? (fields.length > 1 ? fields[1] : "") : fields.length > 2 ? fields[2] : "";
            Map<String, String> keywords = keywords(operands);
            switch (op) {
                case "JOB" -> {
                    List<String> positional = positional(operands);
                    Map<String, String> jobKeywords = new HashMap<>(keywords);
                    if ("&SYSUID".equals(jobKeywords.get("NOTIFY"))) {
                        jobKeywords.put("NOTIFY", environment.submitter());
                    }
                    card = new JobCard(statement, name, positional.isEmpty() ? "" : positional.get(0),
                            positional.size() > 1 ? positional.get(1) : "", jobKeywords);
                }
                case "EXEC" -> {
                    if (stepName != null) {
                        elements.add(new Step(stepStatement, stepName, null, null, program, parm, cond, Map.of(), dds));
                    }
                    stepName = name;
                    stepStatement = statement;
                    program = keywords.get("PGM");
                    parm = unquote(keywords.getOrDefault("PARM", ""));
                    cond = cond(keywords.get("COND"));
                    dds = new ArrayList<>();
                }
                case "DD" -> {
                    DdSpec spec;
                    if (operands.startsWith("*") || operands.startsWith("DATA")) {
                        List<String> records = new ArrayList<>();
                        while (i + 1 < cards.size() && !cards.get(i + 1).startsWith("//") && !cards.get(i + 1).startsWith("/*")) {
                            records.add(cards.get(++i));
                        }
                        if (i + 1 < cards.size() && cards.get(i + 1).startsWith("/*")) {
                            i++;
                        }
                        spec = new DdSpec.Instream(records, Map.of());
                    } else if (operands.startsWith("DUMMY")) {
                        spec = new DdSpec.Dummy(Map.of());
                    } else if (keywords.containsKey("SYSOUT")) {
                        String c = keywords.get("SYSOUT");
                        spec = new DdSpec.Sysout(c.equals("*") ? card.msgClass() : c, dcb(keywords));
                    } else {
                        String dsn = keywords.getOrDefault("DSN", keywords.get("DSNAME"));
                        String member = null;
                        String ref = null;
                        if (dsn.startsWith("*.")) {
                            ref = dsn;
                            dsn = null;
                        } else if (dsn.contains("(")) {
                            member = dsn.substring(dsn.indexOf('(') + 1, dsn.length() - 1);
                            dsn = dsn.substring(0, dsn.indexOf('('));
                        }
                        spec = new DdSpec.Dataset(dsn, member, ref, disp(keywords.get("DISP")), dcb(keywords));
                    }
                    if (name.isEmpty() && !dds.isEmpty()) {
                        DdStatement last = dds.remove(dds.size() - 1);
                        List<DdSpec> concatenation = new ArrayList<>(last.concatenation());
                        concatenation.add(spec);
                        dds.add(new DdStatement(last.statement(), last.ddName(), concatenation));
                    } else {
                        dds.add(new DdStatement(statement, name, List.of(spec)));
                    }
                }
                default -> messages.add(new JclMessage(statement, "IEFC605I", "UNIDENTIFIED OPERATION FIELD"));
            }
        }
        if (stepName != null) {
            elements.add(new Step(stepStatement, stepName, null, null, program, parm, cond, Map.of(), dds));
        }
        return new JclJob(card, elements, listing, messages, List.of());
    }

    private static Map<String, String> dcb(Map<String, String> keywords) {
        Map<String, String> dcb = new HashMap<>();
        for (String key : List.of("RECFM", "LRECL", "BLKSIZE", "DSORG")) {
            if (keywords.containsKey(key)) {
                dcb.put(key, keywords.get(key));
            }
        }
        return dcb;
    }

    private static Disposition disp(String text) {
        if (text == null) {
            return Disposition.defaults();
        }
        String[] parts = text.replace("(", "").replace(")", "").split(",", -1);
        Disposition.Status status = parts[0].isEmpty() ? Disposition.Status.NEW : Disposition.Status.valueOf(parts[0]);
        Disposition.Action normal = parts.length > 1 && !parts[1].isEmpty() ? Disposition.Action.valueOf(parts[1]) : null;
        Disposition.Action abnormal = parts.length > 2 && !parts[2].isEmpty() ? Disposition.Action.valueOf(parts[2]) : null;
        return new Disposition(status, normal, abnormal);
    }

    private static CondParameter cond(String text) {
        if (text == null) {
            return CondParameter.none();
        }
        String t = text.replace("(", "").replace(")", "");
        if (t.equals("EVEN")) {
            return new CondParameter(List.of(), CondParameter.Mode.EVEN);
        }
        if (t.equals("ONLY")) {
            return new CondParameter(List.of(), CondParameter.Mode.ONLY);
        }
        String[] parts = t.split(",");
        CondParameter.Mode mode = parts.length > 2 && parts[2].equals("EVEN") ? CondParameter.Mode.EVEN
                : CondParameter.Mode.NONE;
        return new CondParameter(List.of(new CondParameter.Test(Integer.parseInt(parts[0]),
                CondParameter.Operator.valueOf(parts[1]), null, null)), mode);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** Operands split at commas outside quotes and parentheses. */
    private static List<String> split(String operands) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (char c : operands.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            } else if (!quoted && depth == 0 && c == ' ') {
                break;
            }
            current.append(c);
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static Map<String, String> keywords(String operands) {
        Map<String, String> keywords = new LinkedHashMap<>();
        for (String part : split(operands)) {
            int eq = part.indexOf('=');
            if (eq > 0 && !part.startsWith("'")) {
                keywords.put(part.substring(0, eq).toUpperCase(Locale.ROOT), part.substring(eq + 1));
            }
        }
        return keywords;
    }

    private static List<String> positional(String operands) {
        List<String> positional = new ArrayList<>();
        for (String part : split(operands)) {
            if (part.startsWith("'") || !part.contains("=")) {
                positional.add(part);
            } else {
                break;
            }
        }
        return positional;
    }
}

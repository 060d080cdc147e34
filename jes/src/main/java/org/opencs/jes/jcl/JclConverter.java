package org.opencs.jes.jcl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The converter: turns the statements JES2 input processing read ({@link JobStreamReader}) into a {@link JclJob}:
 * numbers and lists every statement (JESJCL), substitutes symbols, expands INCLUDE groups and in-stream and
 * cataloged procedures with their symbolic parameters and the job's EXEC and DD overrides, builds steps and IF/THEN/ELSE/ENDIF blocks, and
 * collects the IEFC messages z/OS's converter issues. It never throws for bad JCL. One instance converts one job.
 */
final class JclConverter {
    /** JOB statement keywords (z/OS MVS JCL Reference, "JOB statement"). */
    static final Set<String> JOB_KEYWORDS = Set.of("ADDRSPC", "BYTES", "CARDS", "CCSID", "CLASS", "COND",
            "DSENQSHR", "EMAIL", "GDGBIAS", "GROUP", "JESLOG", "JOBRC", "LINES", "MEMLIMIT", "MSGCLASS", "MSGLEVEL",
            "NOTIFY", "PAGES", "PASSWORD", "NEWPASS", "PERFORM", "PRTY", "RD", "REGION", "REGIONX", "RESTART",
            "SCHENV", "SECLABEL", "SYSAFF", "SYSTEM", "SYMLIST", "TIME", "TYPRUN", "UJOBCORR", "USER");

    /** EXEC statement keywords (z/OS MVS JCL Reference, "EXEC statement"). */
    static final Set<String> EXEC_KEYWORDS = Set.of("PGM", "PROC", "PARM", "PARMDD", "COND", "REGION", "REGIONX",
            "TIME", "ACCT", "ADDRSPC", "CCSID", "DPRTY", "DYNAMNBR", "MEMLIMIT", "PERFORM", "RD", "TVSMSG",
            "TVSAMCOM");

    /** Statements accepted and not acted on. */
    private static final Set<String> ACCEPTED = Set.of("OUTPUT", "CNTL", "ENDCNTL", "XMIT", "COMMAND", "EXPORT",
            "SCHEDULE");

    private static final int MAX_PROC_DEPTH = 15;
    /** INCLUDE groups nest at most 15 deep (z/OS MVS JCL Reference, "INCLUDE statement", Location in the JCL). */
    static final int MAX_INCLUDE_DEPTH = 15;
    /** Statements an INCLUDE group cannot contain (z/OS MVS JCL Reference, "Considerations for using INCLUDE groups"). */
    private static final Set<String> NOT_IN_INCLUDE = Set.of("JOB", "PROC", "PEND", "JCLLIB");
    private static final int MAX_IF_DEPTH = 15;

    private final JclEnvironment environment;
    private final Map<String, String> symbols;
    private final JesjclListing listing = new JesjclListing();
    private final List<JclMessage> messages = new ArrayList<>();
    private final Map<String, ProcDefinition> instreamProcs = new HashMap<>();
    private final List<String> jcllib = new ArrayList<>();
    private final ElementCollector elements = new ElementCollector();
    private int number;
    private JobCard card;
    private String msgClass = "A";
    private int msgLevelStatements = 1;
    /** The step DD statements go to (null before the first EXEC, and after IF/ELSE/ENDIF). */
    private StepBuilder current;
    private boolean execSeen;
    /** Statements and comments that came from an INCLUDE group, with their nesting level (1 for the outermost). */
    private final Map<SourceEntry, Integer> included = new IdentityHashMap<>();
    /** INCLUDE statements already expanded, with the messages to issue when they are listed (IEFC002I, IEFC614I). */
    private final Map<SourceStatement, List<SourceStatement.Problem>> includeOutcome = new IdentityHashMap<>();

    private JclConverter(JclEnvironment environment) {
        this.environment = environment;
        this.symbols = new HashMap<>(SystemSymbols.of(environment));
    }

    static JclJob convert(List<String> cards, JclEnvironment environment) {
        JclConverter converter = new JclConverter(environment);
        JobStreamReader.Result stream = JobStreamReader.read(cards);
        converter.job(new ArrayList<>(stream.entries()));
        List<JclMessage> sorted = new ArrayList<>(converter.messages);
        sorted.sort(Comparator.comparingInt((JclMessage m) -> m.statement() == 0 ? Integer.MAX_VALUE
                : m.statement()));
        return new JclJob(converter.card, converter.elements.build(), converter.listing.lines(
                converter.msgLevelStatements), sorted, stream.jes2Statements());
    }

    // ---------------------------------------------------------------------------------------------- the job stream

    private void job(List<SourceEntry> entries) {
        int i = 0;
        while (i < entries.size() && entries.get(i) instanceof SourceEntry.Comment c) {
            comment(c);
            i++;
        }
        if (i < entries.size() && entries.get(i) instanceof SourceStatement s && s.is("JOB")) {
            jobStatement(s);
            i++;
        } else {
            card = new JobCard(0, environment.submitter().toUpperCase(Locale.ROOT), "", "", Map.of());
            messages.add(new JclMessage(i < entries.size() ? 1 : 0, "IEFC605I", "UNIDENTIFIED OPERATION FIELD"));
        }
        while (i < entries.size()) {
            SourceEntry entry = entries.get(i);
            if (entry instanceof SourceEntry.Comment c) {
                comment(c);
                i++;
                continue;
            }
            SourceStatement s = (SourceStatement) entry;
            if (s.is("INCLUDE")) {
                expandInclude(entries, i, symbols);
            }
            if (s.is("JOB")) {
                break; // the next job in the stream: one submission reads one job
            }
            if (s.is("PROC")) {
                i = instreamProc(entries, i);
                continue;
            }
            if (s.is("EXEC")) {
                int end = stepEnd(entries, i, symbols);
                exec(s, entries.subList(i + 1, end));
                i = end;
                continue;
            }
            statement(s, Context.job(symbols), "//", JesjclListing.Origin.INPUT);
            i++;
        }
        if (elements.unclosed() > 0) {
            messages.add(new JclMessage(0, "IEFC013I", "ERROR IN IF STATEMENT: ENDIF NOT FOUND"));
        }
        if (elements.stepCount() == 0) {
            messages.add(new JclMessage(0, "IEFC607I", "JOB HAS NO STEPS"));
        }
    }

    /** Where a statement is being converted: its symbol table and, inside a procedure, the procedure. */
    private record Context(Map<String, String> symbols, ProcCall call) {
        static Context job(Map<String, String> symbols) {
            return new Context(symbols, null);
        }
    }

    /** Lists a statement, substitutes its symbols and reports the problems JES2 found in its cards. */
    private Listed list(SourceStatement s, Map<String, String> table, String prefix, JesjclListing.Origin origin) {
        int n = ++number;
        if (prefix.equals("//") && included.containsKey(s)) {
            // a statement of an INCLUDE group in the job is listed as a cataloged procedure's statements are
            prefix = "XX";
            origin = JesjclListing.Origin.PROCEDURE;
        }
        listing.statement(n, prefix, s.cards(), origin);
        SymbolSubstitution.Result sub = SymbolSubstitution.apply(s.operands(), table);
        if (sub.changed()) {
            listing.substitution(sub.text(), origin);
        }
        for (SourceStatement.Problem p : s.problems()) {
            messages.add(new JclMessage(n, p.id(), p.text()));
        }
        if (s.name() != null && !s.generated() && !validLabel(s)) {
            messages.add(new JclMessage(n, "IEFC662I", "INVALID LABEL"));
        }
        return new Listed(n, sub.text());
    }

    private record Listed(int number, String operands) {
    }

    /** Lists a {@code //*} comment of the job ({@code ***}), or of an INCLUDE group in the job ({@code XX*}). */
    private void comment(SourceEntry.Comment c) {
        if (included.containsKey(c)) {
            listing.comment(c.card(), "XX", JesjclListing.Origin.PROCEDURE);
        } else {
            listing.comment(c.card(), "//", JesjclListing.Origin.INPUT);
        }
    }

    /**
     * The end (exclusive) of the step whose EXEC statement is at {@code exec}: the DD statements and comments that
     * follow it, INCLUDE statements among them expanded in place ({@code entries} must be mutable).
     */
    private int stepEnd(List<SourceEntry> entries, int exec, Map<String, String> table) {
        int end = exec + 1;
        while (end < entries.size()) {
            SourceEntry e = entries.get(end);
            if (e instanceof SourceStatement d && d.is("INCLUDE")) {
                expandInclude(entries, end, table);
            } else if (!(e instanceof SourceEntry.Comment) && !(e instanceof SourceStatement d && d.is("DD"))) {
                break;
            }
            end++;
        }
        return end;
    }

    // ------------------------------------------------------------------------------------------- INCLUDE groups

    /**
     * Expands the INCLUDE statement at {@code at} in {@code entries} (mutable): MEMBER= (symbols substituted with
     * {@code table}) is searched in the JCLLIB ORDER libraries, then the system procedure libraries, as cataloged
     * procedures are; its statements are inserted after the INCLUDE statement, which stays to be listed (its
     * messages, IEFC002I or IEFC614I, are issued then, by {@link #include}). Statements an INCLUDE group cannot
     * contain (JOB, PROC, PEND, JCLLIB) become unidentified operations (IEFC605I when converted). Groups nest at
     * most {@value #MAX_INCLUDE_DEPTH} deep; deeper is IEFC614I. An INCLUDE statement is expanded once. Source: z/OS
     * MVS JCL Reference, "INCLUDE statement".
     */
    private void expandInclude(List<SourceEntry> entries, int at, Map<String, String> table) {
        SourceStatement s = (SourceStatement) entries.get(at);
        if (includeOutcome.containsKey(s)) {
            return;
        }
        List<SourceStatement.Problem> outcome = new ArrayList<>();
        includeOutcome.put(s, outcome);
        String member = null;
        for (Operand op : OperandParser.parse(SymbolSubstitution.apply(s.operands(), table).text()).operands()) {
            if ("MEMBER".equals(op.keyword()) && member == null) {
                member = op.value().toUpperCase(Locale.ROOT);
            } else {
                outcome.add(new SourceStatement.Problem("IEFC630I", "UNIDENTIFIED KEYWORD "
                        + (op.positional() ? op.value() : op.keyword())));
            }
        }
        if (member == null || member.isEmpty()) {
            outcome.add(new SourceStatement.Problem("IEFC614I", "INCLUDE GROUP WAS NOT FOUND"));
            return;
        }
        if (member.length() > 8) {
            outcome.add(new SourceStatement.Problem("IEFC642I", "EXCESSIVE PARAMETER LENGTH IN THE MEMBER FIELD"));
            return;
        }
        int level = included.getOrDefault(s, 0) + 1;
        if (level > MAX_INCLUDE_DEPTH) {
            outcome.add(new SourceStatement.Problem("IEFC614I", "INCLUDE GROUP " + member + " WAS NOT FOUND"));
            return;
        }
        for (String lib : libraries()) {
            Optional<List<String>> cards = environment.procMember(lib, member);
            if (cards.isEmpty()) {
                continue;
            }
            outcome.add(new SourceStatement.Problem("IEFC002I", "INCLUDE GROUP " + member
                    + " WAS EXPANDED USING " + (jcllib.contains(lib) ? "PRIVATE" : "SYSTEM") + " LIBRARY " + lib));
            List<SourceEntry> group = new ArrayList<>();
            for (SourceEntry e : JobStreamReader.read(cards.get()).entries()) {
                if (e instanceof SourceStatement g && NOT_IN_INCLUDE.contains(g.operation())) {
                    // not allowed in an INCLUDE group: converted as an unidentified operation
                    e = new SourceStatement(g.cards(), g.name(), g.operation() + " IN INCLUDE GROUP", g.operands(),
                            g.comments(), g.generated(), g.data(), g.problems());
                }
                included.put(e, level);
                group.add(e);
            }
            entries.addAll(at + 1, group);
            return;
        }
        outcome.add(new SourceStatement.Problem("IEFC614I", "INCLUDE GROUP " + member + " WAS NOT FOUND"));
    }

    /** Issues the messages of an INCLUDE statement's expansion, now that it is listed as {@code statement}. */
    private void include(SourceStatement s, int statement) {
        List<SourceStatement.Problem> outcome = includeOutcome.get(s);
        if (outcome != null) {
            report(statement, outcome);
        }
    }

    /** The libraries searched for procedures and INCLUDE groups: JCLLIB ORDER, then the system's. */
    private List<String> libraries() {
        List<String> libraries = new ArrayList<>(jcllib);
        for (String lib : environment.systemProcLibraries()) {
            libraries.add(lib.toUpperCase(Locale.ROOT));
        }
        return libraries;
    }

    private static boolean validLabel(SourceStatement s) {
        String name = s.name();
        if (s.is("DD") && name.contains(".")) {
            String[] parts = name.split("\\.", -1);
            return parts.length == 2 && validName(parts[0]) && validName(parts[1]);
        }
        return validName(name);
    }

    static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 8 || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' || c == '#' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    private List<Operand> operands(Listed listed) {
        OperandParser.Parsed parsed = OperandParser.parse(listed.operands());
        if (parsed.problem() != null) {
            messages.add(new JclMessage(listed.number(), parsed.problem().id(), parsed.problem().text()));
        }
        return parsed.operands();
    }

    private void report(int statement, List<SourceStatement.Problem> problems) {
        for (SourceStatement.Problem p : problems) {
            messages.add(new JclMessage(statement, p.id(), p.text()));
        }
    }

    private void jobStatement(SourceStatement s) {
        Listed listed = list(s, symbols, "//", JesjclListing.Origin.JOB);
        String accounting = "";
        String programmer = "";
        Map<String, String> keywords = new LinkedHashMap<>();
        int positional = 0;
        for (Operand op : operands(listed)) {
            if (op.positional()) {
                if (positional == 0) {
                    accounting = op.value();
                } else if (positional == 1) {
                    programmer = op.value();
                } else {
                    messages.add(new JclMessage(listed.number(), "IEFC643I",
                            "UNIDENTIFIED POSITIONAL PARAMETER IN THE JOB FIELD"));
                }
                positional++;
            } else if (!JOB_KEYWORDS.contains(op.keyword())) {
                messages.add(new JclMessage(listed.number(), "IEFC630I", "UNIDENTIFIED KEYWORD " + op.keyword()));
            } else {
                keywords.put(op.keyword(), op.value());
            }
        }
        String typrun = keywords.get("TYPRUN");
        if (typrun != null && !Set.of("SCAN", "HOLD", "JCLHOLD", "COPY").contains(typrun.toUpperCase(Locale.ROOT))) {
            messages.add(new JclMessage(listed.number(), "IEFC643I",
                    "UNIDENTIFIED POSITIONAL PARAMETER IN THE TYPRUN FIELD"));
        }
        if (keywords.containsKey("MSGCLASS")) {
            msgClass = keywords.get("MSGCLASS").toUpperCase(Locale.ROOT);
        }
        if (keywords.containsKey("MSGLEVEL")) {
            String first = Operand.subparameters(keywords.get("MSGLEVEL")).get(0);
            if (first.equals("0") || first.equals("1") || first.equals("2")) {
                msgLevelStatements = Integer.parseInt(first);
            }
        }
        String name = s.name() == null ? "" : s.name().toUpperCase(Locale.ROOT);
        if (s.name() == null) {
            messages.add(new JclMessage(listed.number(), "IEFC662I", "INVALID LABEL"));
        }
        card = new JobCard(listed.number(), name, accounting, programmer, keywords);
    }

    /** Reads an in-stream procedure definition (PROC ... PEND), listing its statements; returns the next index. */
    private int instreamProc(List<SourceEntry> entries, int start) {
        SourceStatement procStatement = (SourceStatement) entries.get(start);
        Listed listed = list(procStatement, Map.of(), "//", JesjclListing.Origin.INPUT);
        List<SourceEntry> body = new ArrayList<>();
        int i = start + 1;
        boolean ended = false;
        while (i < entries.size()) {
            SourceEntry e = entries.get(i++);
            if (e instanceof SourceEntry.Comment c) {
                comment(c);
                body.add(e);
                continue;
            }
            SourceStatement s = (SourceStatement) e;
            Listed l = list(s, Map.of(), "//", JesjclListing.Origin.INPUT);
            if (s.is("PEND")) {
                ended = true;
                body.add(s); // listed again (++) at the end of each expansion
                break;
            }
            if (s.is("PROC") || s.is("JOB")) {
                messages.add(new JclMessage(l.number(), "IEFC605I", "UNIDENTIFIED OPERATION FIELD"));
            }
            body.add(s);
        }
        if (!ended) {
            messages.add(new JclMessage(listed.number(), "IEFC605I", "UNIDENTIFIED OPERATION FIELD"));
        }
        if (procStatement.name() == null) {
            messages.add(new JclMessage(listed.number(), "IEFC662I", "INVALID LABEL"));
        } else {
            String name = procStatement.name().toUpperCase(Locale.ROOT);
            instreamProcs.put(name, new ProcDefinition(name, procStatement, body, null));
        }
        return i;
    }

    /** SET, JCLLIB, IF/ELSE/ENDIF, DD, accepted statements, and anything else (IEFC605I). */
    private void statement(SourceStatement s, Context context, String prefix, JesjclListing.Origin origin) {
        Listed listed = list(s, context.symbols(), prefix, origin);
        switch (s.operation()) {
            case "DD" -> {
                if (current == null) {
                    messages.add(new JclMessage(listed.number(), "IEFC019I", "MISPLACED DD STATEMENT"));
                } else {
                    addDd(current, s.name(), operands(listed), s.data(), listed.number());
                }
            }
            case "SET" -> set(listed, context.symbols());
            case "INCLUDE" -> include(s, listed.number());
            case "JCLLIB" -> jcllib(listed);
            case "IF" -> {
                current = null;
                String expr = listed.operands();
                int then = JobStreamReader.thenIndex(expr);
                String text = (then >= 0 ? expr.substring(0, then) : expr).trim();
                IfExpression condition;
                try {
                    condition = IfParser.parse(text);
                } catch (IfParser.IfSyntaxException e) {
                    messages.add(new JclMessage(listed.number(), "IEFC013I", "ERROR IN IF STATEMENT: " + e.token
                            + " NOT VALID"));
                    condition = new IfExpression.Not(new IfExpression.Comparison(new IfExpression.Number(0),
                            IfExpression.Operator.EQ, new IfExpression.Number(0), text), text);
                }
                if (!elements.openIf(listed.number(), name(s), condition)) {
                    messages.add(new JclMessage(listed.number(), "IEFC013I",
                            "ERROR IN IF STATEMENT: MORE THAN " + MAX_IF_DEPTH + " LEVELS OF NESTING"));
                }
            }
            case "ELSE" -> {
                current = null;
                if (!elements.elseClause()) {
                    messages.add(new JclMessage(listed.number(), "IEFC013I",
                            "ERROR IN IF STATEMENT: ELSE HAS NO MATCHING IF"));
                }
            }
            case "ENDIF" -> {
                current = null;
                if (!elements.closeIf()) {
                    messages.add(new JclMessage(listed.number(), "IEFC013I",
                            "ERROR IN IF STATEMENT: ENDIF HAS NO MATCHING IF"));
                }
            }
            case "PEND", "PROC" -> {
                // the PROC and PEND of an expanded procedure are listed only
            }
            default -> {
                if (!ACCEPTED.contains(s.operation())) {
                    messages.add(new JclMessage(listed.number(), "IEFC605I", "UNIDENTIFIED OPERATION FIELD"));
                }
            }
        }
    }

    private static String name(SourceStatement s) {
        return s.name() == null ? null : s.name().toUpperCase(Locale.ROOT);
    }

    private void set(Listed listed, Map<String, String> table) {
        for (Operand op : operands(listed)) {
            if (op.positional() || !validName(op.keyword())) {
                messages.add(new JclMessage(listed.number(), "IEFC643I",
                        "UNIDENTIFIED POSITIONAL PARAMETER IN THE SET FIELD"));
                continue;
            }
            table.put(op.keyword(), Operand.unquote(op.value()));
        }
    }

    private void jcllib(Listed listed) {
        if (execSeen) {
            messages.add(new JclMessage(listed.number(), "IEFC605I", "UNIDENTIFIED OPERATION FIELD"));
            return;
        }
        for (Operand op : operands(listed)) {
            if (!"ORDER".equals(op.keyword())) {
                messages.add(new JclMessage(listed.number(), "IEFC630I", "UNIDENTIFIED KEYWORD "
                        + (op.keyword() == null ? op.value() : op.keyword())));
                continue;
            }
            for (String lib : Operand.subparameters(op.value())) {
                if (!lib.isEmpty()) {
                    jcllib.add(Operand.unquote(lib).toUpperCase(Locale.ROOT));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ EXEC, DDs

    /** What an EXEC statement's operands say. */
    private record ExecOperands(String program, String proc, List<Operand> keywords) {
    }

    private ExecOperands execOperands(List<Operand> ops) {
        String program = null;
        String proc = null;
        List<Operand> rest = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            Operand op = ops.get(k);
            if (k == 0 && op.positional()) {
                proc = op.value().toUpperCase(Locale.ROOT);
            } else if ("PGM".equals(op.keyword()) && k == 0) {
                program = op.value().toUpperCase(Locale.ROOT);
            } else if ("PROC".equals(op.keyword()) && k == 0) {
                proc = op.value().toUpperCase(Locale.ROOT);
            } else {
                rest.add(op);
            }
        }
        return new ExecOperands(program, proc, rest);
    }

    /** An EXEC statement of the job, with the DD statements (and comments) that follow it. */
    private void exec(SourceStatement s, List<SourceEntry> following) {
        execSeen = true;
        Listed listed = list(s, symbols, "//", JesjclListing.Origin.INPUT);
        ExecOperands exec = execOperands(operands(listed));
        if (exec.program() == null && exec.proc() == null) {
            messages.add(new JclMessage(listed.number(), "IEFC630I", "UNIDENTIFIED KEYWORD PGM"));
            current = null;
            for (SourceEntry e : following) {
                listFollowing(e);
            }
            return;
        }
        if (exec.program() != null) {
            current = programStep(listed.number(), name(s), null, null, exec);
            elements.add(current);
            for (SourceEntry e : following) {
                if (e instanceof SourceEntry.Comment c) {
                    comment(c);
                } else {
                    statement((SourceStatement) e, Context.job(symbols), "//", JesjclListing.Origin.INPUT);
                }
            }
            return;
        }
        current = null;
        Optional<ProcDefinition> proc = findProc(exec.proc(), listed.number());
        if (proc.isEmpty()) {
            messages.add(new JclMessage(listed.number(), "IEFC612I", "PROCEDURE " + exec.proc() + " WAS NOT FOUND"));
            for (SourceEntry e : following) {
                listFollowing(e);
            }
            return;
        }
        List<Override> overrides = overrides(following, symbols);
        expand(proc.get(), name(s), listed.number(), exec.keywords(), overrides, 1);
        for (Override o : overrides) {
            if (!o.used) {
                int n = listOverride(o);
                messages.add(new JclMessage(n, "IEFC611I", "OVERRIDDEN STEP NOT FOUND IN PROCEDURE"));
            }
        }
        current = null;
    }

    private void listFollowing(SourceEntry e) {
        aside(e, symbols);
    }

    /**
     * Lists a comment, or a statement that is only listed where it stands (an INCLUDE statement already expanded,
     * with its messages; anything else without acting on it).
     */
    private void aside(SourceEntry e, Map<String, String> table) {
        if (e instanceof SourceEntry.Comment c) {
            comment(c);
        } else {
            SourceStatement s = (SourceStatement) e;
            Listed l = list(s, table, "//", JesjclListing.Origin.INPUT);
            if (s.is("INCLUDE")) {
                include(s, l.number());
            }
        }
    }

    /** A step running a program: PGM=, PARM=, COND= and the other EXEC keywords. */
    private StepBuilder programStep(int statement, String stepName, String procStepName, String procName,
                                    ExecOperands exec) {
        StepBuilder step = new StepBuilder(statement, stepName, procStepName, procName, exec.program());
        if (exec.program().length() > 8 && !exec.program().startsWith("*.")) {
            messages.add(new JclMessage(statement, "IEFC642I", "EXCESSIVE PARAMETER LENGTH IN THE PGM FIELD"));
        }
        for (Operand op : exec.keywords()) {
            if (op.positional() || op.qualifier() != null || !EXEC_KEYWORDS.contains(op.keyword())
                    || op.keyword().equals("PGM") || op.keyword().equals("PROC")) {
                messages.add(new JclMessage(statement, "IEFC630I", "UNIDENTIFIED KEYWORD "
                        + (op.positional() ? op.value() : op.keyword())));
                continue;
            }
            applyExecKeyword(step, op.keyword(), op.value(), statement);
        }
        return step;
    }

    private void applyExecKeyword(StepBuilder step, String keyword, String value, int statement) {
        switch (keyword) {
            case "PARM" -> {
                String parm = parm(value);
                if (parm.length() > 100) {
                    messages.add(new JclMessage(statement, "IEFC642I", "EXCESSIVE PARAMETER LENGTH IN THE PARM FIELD"));
                }
                step.parm = parm;
            }
            case "COND" -> {
                CondParser.Parsed parsed = CondParser.parse(value);
                if (parsed.problem() != null) {
                    messages.add(new JclMessage(statement, parsed.problem().id(), parsed.problem().text()));
                }
                step.cond = parsed.cond();
            }
            default -> {
                if (value.isEmpty()) {
                    step.keywords.remove(keyword);
                } else {
                    step.keywords.put(keyword, value);
                }
            }
        }
    }

    /**
     * PARM= as the program receives it: 'text' without its apostrophes ('' made '); (a,b) without its parentheses;
     * && in the value is one &.
     */
    static String parm(String value) {
        String v = value;
        if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
            v = Operand.unquote(v);
        } else if (v.startsWith("(") && v.endsWith(")") && Operand.closingParen(v, 0) == v.length() - 1) {
            v = v.substring(1, v.length() - 1);
        }
        return v.replace("&&", "&");
    }

    /** Adds a DD statement to a step: a named one starts a DD, an unnamed one continues the last concatenation. */
    private void addDd(StepBuilder step, String name, List<Operand> ops, List<String> data, int statement) {
        String ddName = name == null ? null : name.toUpperCase(Locale.ROOT);
        if (ddName != null && ddName.contains(".")) {
            // procstep.ddname after a program step: no procedure step to override or add to
            messages.add(new JclMessage(statement, "IEFC611I", "OVERRIDDEN STEP NOT FOUND IN PROCEDURE"));
            return;
        }
        DdBuilder.Built built = DdBuilder.build(ddName == null ? step.lastDdName() : ddName, ops, data, msgClass);
        report(statement, built.problems());
        step.add(statement, ddName, built.spec());
    }

    // -------------------------------------------------------------------------------------------- procedures

    /** A procedure's statements: its PROC statement (null for a cataloged one without), body, and library. */
    private record ProcDefinition(String name, SourceStatement procStatement, List<SourceEntry> body,
                                  String library) {
        boolean instream() {
            return library == null;
        }
    }

    private Optional<ProcDefinition> findProc(String name, int statement) {
        ProcDefinition instream = instreamProcs.get(name);
        if (instream != null) {
            return Optional.of(instream);
        }
        for (String lib : libraries()) {
            Optional<List<String>> member = environment.procMember(lib, name);
            if (member.isPresent()) {
                boolean system = !jcllib.contains(lib);
                messages.add(new JclMessage(statement, "IEFC001I", "PROCEDURE " + name + " WAS EXPANDED USING "
                        + (system ? "SYSTEM" : "PRIVATE") + " LIBRARY " + lib));
                List<SourceEntry> entries = new ArrayList<>(JobStreamReader.read(member.get()).entries());
                SourceStatement procStatement = null;
                int first = 0;
                while (first < entries.size() && entries.get(first) instanceof SourceEntry.Comment) {
                    first++;
                }
                if (first < entries.size() && entries.get(first) instanceof SourceStatement s && s.is("PROC")) {
                    procStatement = s;
                    entries.remove(first);
                }
                if (!entries.isEmpty() && entries.get(entries.size() - 1) instanceof SourceStatement s
                        && s.is("PEND")) {
                    entries.remove(entries.size() - 1);
                    entries.add(s); // PEND stays listed at the end
                }
                return Optional.of(new ProcDefinition(name, procStatement, entries, lib));
            }
        }
        return Optional.empty();
    }

    /** A DD statement of the job overriding or adding to a procedure step, with its unnamed followers. */
    private static final class Override {
        final List<SourceStatement> statements = new ArrayList<>();
        /** Comments and expanded INCLUDE statements coded after the override's statements, listed after them. */
        final List<SourceEntry> comments = new ArrayList<>();
        final String procStep;
        final String ddName;
        final Map<String, String> symbols;
        boolean used;

        Override(SourceStatement first, Map<String, String> symbols) {
            String name = first.name().toUpperCase(Locale.ROOT);
            int dot = name.indexOf('.');
            this.procStep = dot < 0 ? null : name.substring(0, dot);
            this.ddName = dot < 0 ? name : name.substring(dot + 1);
            this.symbols = symbols;
            statements.add(first);
        }
    }

    /** Groups the DD statements after a procedure call into overrides (a named DD and its unnamed followers). */
    private List<Override> overrides(List<SourceEntry> following, Map<String, String> table) {
        List<Override> out = new ArrayList<>();
        Override last = null;
        for (SourceEntry e : following) {
            if (e instanceof SourceEntry.Comment || (e instanceof SourceStatement inc && inc.is("INCLUDE"))) {
                if (last != null) {
                    last.comments.add(e);
                } else {
                    aside(e, table);
                }
                continue;
            }
            SourceStatement s = (SourceStatement) e;
            if (s.name() == null && last != null) {
                last.statements.add(s);
            } else if (s.name() == null) {
                Listed l = list(s, table, "//", JesjclListing.Origin.INPUT);
                messages.add(new JclMessage(l.number(), "IEFC019I", "MISPLACED DD STATEMENT"));
            } else {
                last = new Override(s, table);
                out.add(last);
            }
        }
        return out;
    }

    private int listOverride(Override o) {
        int first = 0;
        for (SourceStatement s : o.statements) {
            Listed l = list(s, o.symbols, "//", JesjclListing.Origin.INPUT);
            if (first == 0) {
                first = l.number();
            }
        }
        for (SourceEntry c : o.comments) {
            aside(c, o.symbols);
        }
        return first;
    }

    /** The state of one procedure expansion. */
    private static final class ProcCall {
        final ProcDefinition proc;
        final String callerStep;
        final Map<String, String> symbols;
        final Map<String, Map<String, String>> execOverrides = new LinkedHashMap<>();
        final Map<String, String> execAll = new LinkedHashMap<>();
        final List<Override> overrides;
        final int depth;
        final List<StepBuilder> steps = new ArrayList<>();

        ProcCall(ProcDefinition proc, String callerStep, Map<String, String> symbols, List<Override> overrides,
                 int depth) {
            this.proc = proc;
            this.callerStep = callerStep;
            this.symbols = symbols;
            this.overrides = overrides;
            this.depth = depth;
        }

        String prefix() {
            return proc.instream() ? "++" : "XX";
        }

        String overriddenPrefix() {
            return proc.instream() ? "+/" : "X/";
        }
    }

    /**
     * Expands a procedure called by the EXEC statement numbered {@code callStatement}: symbolic parameters from the
     * PROC statement's defaults then the EXEC statement's values; EXEC keywords (PARM=, PARM.procstep=, COND.procstep=,
     * ...) applied to its steps; the job's DD statements overriding or added to its steps.
     */
    private void expand(ProcDefinition proc, String callerStep, int callStatement, List<Operand> execKeywords,
                        List<Override> overrides, int depth) {
        Map<String, String> table = new HashMap<>(symbols);
        JesjclListing.Origin origin = JesjclListing.Origin.PROCEDURE;
        ProcCall call = new ProcCall(proc, callerStep, table, overrides, depth);
        if (proc.procStatement() != null) {
            Listed listed = list(proc.procStatement(), Map.of(), call.prefix(), origin);
            for (Operand op : operands(listed)) {
                if (!op.positional()) {
                    table.put(op.keyword(), Operand.unquote(op.value()));
                }
            }
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        if (proc.procStatement() != null) {
            for (Operand op : OperandParser.parse(proc.procStatement().operands()).operands()) {
                if (!op.positional()) {
                    used.add(op.keyword());
                }
            }
        }
        boolean includes = false; // symbols used only inside an INCLUDE group are not known before expansion
        for (SourceEntry e : proc.body()) {
            if (e instanceof SourceStatement s) {
                used.addAll(SymbolSubstitution.references(s.operands()));
                includes |= s.is("INCLUDE");
            }
        }
        for (Operand op : execKeywords) {
            if (op.positional()) {
                messages.add(new JclMessage(callStatement, "IEFC643I",
                        "UNIDENTIFIED POSITIONAL PARAMETER IN THE EXEC FIELD"));
                continue;
            }
            if (EXEC_KEYWORDS.contains(op.baseKeyword()) && !op.baseKeyword().equals("PGM")
                    && !op.baseKeyword().equals("PROC")) {
                if (op.qualifier() == null) {
                    call.execAll.put(op.baseKeyword(), op.value());
                } else {
                    call.execOverrides.computeIfAbsent(op.qualifier(), k -> new LinkedHashMap<>())
                            .put(op.baseKeyword(), op.value());
                }
                continue;
            }
            if (op.qualifier() != null) {
                messages.add(new JclMessage(callStatement, "IEFC630I", "UNIDENTIFIED KEYWORD " + op.keyword()));
                continue;
            }
            if (!includes && !used.contains(op.keyword())) {
                messages.add(new JclMessage(callStatement, "IEFC657I", "THE SYMBOL " + op.keyword()
                        + " WAS NOT USED"));
            }
            table.put(op.keyword(), Operand.unquote(op.value()));
        }
        procBody(call, callStatement);
        for (String qualifier : call.execOverrides.keySet()) {
            if (call.steps.stream().noneMatch(st -> qualifier.equals(st.procStepName))) {
                messages.add(new JclMessage(callStatement, "IEFC611I", "OVERRIDDEN STEP NOT FOUND IN PROCEDURE"));
            }
        }
        if (call.steps.isEmpty()) {
            messages.add(new JclMessage(callStatement, "IEFC607I", "JOB HAS NO STEPS"));
        }
    }

    /** Converts the statements of a procedure in order, grouping each EXEC with the DD statements after it. */
    private void procBody(ProcCall call, int callStatement) {
        List<SourceEntry> body = new ArrayList<>(call.proc.body()); // INCLUDE groups are expanded into it
        String prefix = call.prefix();
        JesjclListing.Origin origin = JesjclListing.Origin.PROCEDURE;
        StepBuilder step = null;
        int i = 0;
        while (i < body.size()) {
            SourceEntry e = body.get(i);
            if (e instanceof SourceEntry.Comment c) {
                listing.comment(c.card(), prefix, origin);
                i++;
                continue;
            }
            SourceStatement s = (SourceStatement) e;
            if (s.is("INCLUDE")) {
                expandInclude(body, i, call.symbols);
            }
            if (s.is("EXEC")) {
                finishProcStep(call, step);
                int end = stepEnd(body, i, call.symbols);
                step = procExec(call, s, body.subList(i + 1, end));
                i = end;
                continue;
            }
            if (s.is("DD")) {
                Listed l = list(s, call.symbols, prefix, origin);
                messages.add(new JclMessage(l.number(), "IEFC019I", "MISPLACED DD STATEMENT"));
                i++;
                continue;
            }
            if (s.is("IF") || s.is("ELSE") || s.is("ENDIF") || s.is("PEND")) {
                finishProcStep(call, step);
                step = null;
            }
            statement(s, new Context(call.symbols, call), prefix, origin);
            i++;
        }
        finishProcStep(call, step);
        current = null;
    }

    /** An EXEC statement inside a procedure with its DD statements, the job's overrides merged in. */
    private StepBuilder procExec(ProcCall call, SourceStatement s, List<SourceEntry> dds) {
        String prefix = call.prefix();
        JesjclListing.Origin origin = JesjclListing.Origin.PROCEDURE;
        Listed listed = list(s, call.symbols, prefix, origin);
        ExecOperands exec = execOperands(operands(listed));
        String procStep = name(s);
        if (exec.program() == null && exec.proc() != null) {
            // a procedure calling a procedure: its DD statements override the inner one's
            if (call.depth >= MAX_PROC_DEPTH) {
                messages.add(new JclMessage(listed.number(), "IEFC612I", "PROCEDURE " + exec.proc()
                        + " WAS NOT FOUND"));
                return null;
            }
            Optional<ProcDefinition> inner = findProc(exec.proc(), listed.number());
            if (inner.isEmpty()) {
                messages.add(new JclMessage(listed.number(), "IEFC612I", "PROCEDURE " + exec.proc()
                        + " WAS NOT FOUND"));
                return null;
            }
            Map<String, String> saved = new HashMap<>(symbols);
            symbols.putAll(call.symbols);
            List<Override> innerOverrides = new ArrayList<>();
            for (SourceEntry e : dds) {
                if (e instanceof SourceStatement d && d.is("INCLUDE")) {
                    statement(d, new Context(call.symbols, call), prefix, origin);
                } else if (e instanceof SourceStatement d && d.name() != null) {
                    innerOverrides.add(new Override(d, call.symbols));
                } else if (e instanceof SourceStatement d && !innerOverrides.isEmpty()) {
                    innerOverrides.get(innerOverrides.size() - 1).statements.add(d);
                }
            }
            expand(inner.get(), call.callerStep, listed.number(), exec.keywords(), innerOverrides, call.depth + 1);
            symbols.clear();
            symbols.putAll(saved);
            return null;
        }
        if (exec.program() == null) {
            messages.add(new JclMessage(listed.number(), "IEFC630I", "UNIDENTIFIED KEYWORD PGM"));
            return null;
        }
        StepBuilder step = programStep(listed.number(), call.callerStep, procStep, call.proc.name(), exec);
        boolean firstStep = call.steps.isEmpty();
        // EXEC keywords of the call: unqualified PARM goes to the first step only (and nullifies the others');
        // unqualified COND, TIME, REGION and the rest apply to every step; procstep-qualified ones to that step.
        for (Map.Entry<String, String> kw : call.execAll.entrySet()) {
            if (kw.getKey().equals("PARM")) {
                step.parm = firstStep ? parm(kw.getValue()) : "";
            } else {
                applyExecKeyword(step, kw.getKey(), kw.getValue(), listed.number());
            }
        }
        Map<String, String> mine = procStep == null ? null : call.execOverrides.get(procStep);
        if (mine != null) {
            for (Map.Entry<String, String> kw : mine.entrySet()) {
                applyExecKeyword(step, kw.getKey(), kw.getValue(), listed.number());
            }
        }
        call.steps.add(step);
        elements.add(step);
        current = step;
        // the procedure's DD statements, each with its unnamed followers, overridden where the job says so
        int i = 0;
        while (i < dds.size()) {
            SourceEntry e = dds.get(i);
            if (e instanceof SourceEntry.Comment c) {
                listing.comment(c.card(), prefix, origin);
                i++;
                continue;
            }
            if (e instanceof SourceStatement inc && inc.is("INCLUDE")) {
                statement(inc, new Context(call.symbols, call), prefix, origin);
                i++;
                continue;
            }
            List<SourceStatement> group = new ArrayList<>();
            group.add((SourceStatement) e);
            int end = i + 1;
            while (end < dds.size() && dds.get(end) instanceof SourceStatement d && d.name() == null
                    && d.is("DD")) {
                group.add(d);
                end++;
            }
            procDd(call, step, firstStep, group);
            i = end;
        }
        return step;
    }

    /** One DD of a procedure step (with its concatenation), merged with the job's override of it if any. */
    private void procDd(ProcCall call, StepBuilder step, boolean firstStep, List<SourceStatement> group) {
        String prefix = call.prefix();
        JesjclListing.Origin origin = JesjclListing.Origin.PROCEDURE;
        String ddName = group.get(0).name() == null ? null : group.get(0).name().toUpperCase(Locale.ROOT);
        Override override = null;
        for (Override o : call.overrides) {
            boolean stepMatches = o.procStep == null ? firstStep : o.procStep.equals(step.procStepName);
            if (!o.used && stepMatches && o.ddName.equals(ddName)) {
                override = o;
                break;
            }
        }
        for (int k = 0; k < Math.max(group.size(), override == null ? 0 : override.statements.size()); k++) {
            SourceStatement base = k < group.size() ? group.get(k) : null;
            SourceStatement over = override != null && k < override.statements.size()
                    ? override.statements.get(k) : null;
            List<Operand> ops;
            List<String> data;
            int statement;
            if (over != null) {
                Listed lo = list(over, override.symbols, "//", JesjclListing.Origin.INPUT);
                statement = lo.number();
                List<Operand> overOps = operands(lo);
                if (base != null) {
                    listing.statement(0, call.overriddenPrefix(), base.cards(), origin);
                    SymbolSubstitution.Result sub = SymbolSubstitution.apply(base.operands(), call.symbols);
                    List<Operand> baseOps = OperandParser.parse(sub.text()).operands();
                    ops = DdMerge.merge(baseOps, overOps);
                    data = over.data() != null ? over.data() : base.data();
                } else {
                    ops = overOps;
                    data = over.data();
                }
            } else {
                Listed lb = list(base, call.symbols, prefix, origin);
                statement = lb.number();
                ops = operands(lb);
                data = base.data();
            }
            String name = k == 0 ? ddName : null;
            addDd(step, name, ops, data, statement);
        }
        if (override != null) {
            override.used = true;
            for (SourceEntry c : override.comments) {
                aside(c, override.symbols);
            }
        }
    }

    /** After a procedure step's own DDs: the job's DD statements added to it (names the procedure does not have). */
    private void finishProcStep(ProcCall call, StepBuilder step) {
        if (step == null) {
            return;
        }
        boolean firstStep = call.steps.size() == 1 && call.steps.get(0) == step;
        for (Override o : call.overrides) {
            boolean stepMatches = o.procStep == null ? firstStep : o.procStep.equals(step.procStepName);
            if (o.used || !stepMatches) {
                continue;
            }
            o.used = true;
            boolean first = true;
            for (SourceStatement s : o.statements) {
                Listed l = list(s, o.symbols, "//", JesjclListing.Origin.INPUT);
                addDd(step, first ? o.ddName : null, operands(l), s.data(), l.number());
                first = false;
            }
            for (SourceEntry c : o.comments) {
                aside(c, o.symbols);
            }
        }
    }

    // --------------------------------------------------------------------------------------- steps and IF blocks

    /** A step being built: DD statements are added after its EXEC statement. */
    static final class StepBuilder {
        final int statement;
        final String stepName;
        final String procStepName;
        final String procName;
        final String program;
        String parm = "";
        CondParameter cond = CondParameter.none();
        final Map<String, String> keywords = new LinkedHashMap<>();
        private final List<Object[]> dds = new ArrayList<>();

        StepBuilder(int statement, String stepName, String procStepName, String procName, String program) {
            this.statement = statement;
            this.stepName = stepName;
            this.procStepName = procStepName;
            this.procName = procName;
            this.program = program;
        }

        void add(int statement, String ddName, DdSpec spec) {
            if (ddName == null && !dds.isEmpty()) {
                @SuppressWarnings("unchecked")
                List<DdSpec> concatenation = (List<DdSpec>) dds.get(dds.size() - 1)[2];
                concatenation.add(spec);
                return;
            }
            List<DdSpec> concatenation = new ArrayList<>();
            concatenation.add(spec);
            dds.add(new Object[] {statement, ddName == null ? "" : ddName, concatenation});
        }

        String lastDdName() {
            return dds.isEmpty() ? "" : (String) dds.get(dds.size() - 1)[1];
        }

        @SuppressWarnings("unchecked")
        Step build() {
            List<DdStatement> out = new ArrayList<>();
            for (Object[] dd : dds) {
                out.add(new DdStatement((Integer) dd[0], (String) dd[1], (List<DdSpec>) dd[2]));
            }
            return new Step(statement, stepName, procStepName, procName, program, parm, cond, keywords, out);
        }
    }

    /** Collects steps and IF/THEN/ELSE/ENDIF blocks in job order. */
    static final class ElementCollector {
        private static final class Frame {
            final int statement;
            final String name;
            final IfExpression condition;
            final List<Object> thenPart = new ArrayList<>();
            final List<Object> elsePart = new ArrayList<>();
            boolean inElse;

            Frame(int statement, String name, IfExpression condition) {
                this.statement = statement;
                this.name = name;
                this.condition = condition;
            }
        }

        private final List<Object> root = new ArrayList<>();
        private final List<Frame> stack = new ArrayList<>();
        private int steps;

        private List<Object> target() {
            if (stack.isEmpty()) {
                return root;
            }
            Frame f = stack.get(stack.size() - 1);
            return f.inElse ? f.elsePart : f.thenPart;
        }

        void add(StepBuilder step) {
            target().add(step);
            steps++;
        }

        int stepCount() {
            return steps;
        }

        int unclosed() {
            return stack.size();
        }

        boolean openIf(int statement, String name, IfExpression condition) {
            Frame f = new Frame(statement, name, condition);
            target().add(f);
            stack.add(f);
            return stack.size() <= MAX_IF_DEPTH;
        }

        boolean elseClause() {
            if (stack.isEmpty() || stack.get(stack.size() - 1).inElse) {
                return false;
            }
            stack.get(stack.size() - 1).inElse = true;
            return true;
        }

        boolean closeIf() {
            if (stack.isEmpty()) {
                return false;
            }
            stack.remove(stack.size() - 1);
            return true;
        }

        List<JobElement> build() {
            return build(root);
        }

        private static List<JobElement> build(List<Object> nodes) {
            List<JobElement> out = new ArrayList<>();
            for (Object node : nodes) {
                if (node instanceof StepBuilder s) {
                    out.add(s.build());
                } else {
                    Frame f = (Frame) node;
                    out.add(new IfBlock(f.statement, f.name, f.condition, build(f.thenPart), build(f.elsePart)));
                }
            }
            return out;
        }
    }
}

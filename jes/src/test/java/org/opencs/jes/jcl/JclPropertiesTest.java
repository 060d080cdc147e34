package org.opencs.jes.jcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the reader: continuation does not change what a statement says; symbols substitute back; IF
 * expressions evaluate as a straightforward evaluator of the same tree does.
 */
class JclPropertiesTest {
    private static final List<String> DD_PARAMETERS = List.of("DSN=USER1.DATA.SET", "DISP=(NEW,CATLG,DELETE)",
            "UNIT=SYSDA", "SPACE=(TRK,(1,1))", "DCB=(RECFM=FB,LRECL=80,BLKSIZE=800)", "VOL=SER=WORK01",
            "LABEL=(1,SL)", "RETPD=30", "MGMTCLAS=STD");

    @Property
    void aStatementSplitAtAnyCommasReadsAsOnOneCard(@ForAll("splits") List<Integer> indents,
                                                      @ForAll @IntRange(min = 1, max = 9) int count) {
        List<String> params = DD_PARAMETERS.subList(0, count);
        List<String> one = List.of("//J JOB 1", "//S EXEC PGM=IEFBR14", "//DD1 DD " + String.join(",", params));
        List<String> split = new ArrayList<>(List.of("//J JOB 1", "//S EXEC PGM=IEFBR14"));
        StringBuilder card = new StringBuilder("//DD1 DD ");
        for (int i = 0; i < params.size(); i++) {
            card.append(params.get(i));
            boolean last = i == params.size() - 1;
            if (!last) {
                card.append(',');
                int indent = indents.get(i % indents.size());
                if (indent == 0 && card.length() + params.get(i + 1).length() + 1 > 71) {
                    indent = 2; // it would not fit: continue after all
                }
                if (indent > 0) { // 0: keep on this card
                    split.add(card.toString());
                    card = new StringBuilder("//" + " ".repeat(indent));
                }
            }
        }
        split.add(card.toString());
        JclJob a = JclReader.read(one.stream().map(c -> c.length() > 71 ? c.substring(0, 71) : c).toList(),
                TestEnvironment.user1());
        JclJob b = JclReader.read(split, TestEnvironment.user1());
        assertThat(b.messages()).isEmpty();
        assertThat(split).allMatch(c -> c.length() <= 71);
        if (one.get(2).length() <= 71) {
            assertThat(a.elements()).isEqualTo(b.elements());
        }
        assertThat(((Step) b.elements().get(0)).dds().get(0).first()).isInstanceOf(DdSpec.Dataset.class);
        assertThat(((DdSpec.Dataset) ((Step) b.elements().get(0)).dds().get(0).first()).dsname())
                .isEqualTo("USER1.DATA.SET");
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.integers().between(0, 13).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property
    void anySymbolValueSubstitutesBack(@ForAll("names") String name, @ForAll("values") String value,
                                       @ForAll("values") String before, @ForAll("values") String after) {
        String text = before + "&" + name + "." + after;
        assertThat(SymbolSubstitution.apply(text, Map.of(name, value)).text()).isEqualTo(before + value + after);
        JclJob job = JclReader.read(List.of("//J JOB 1", "// SET " + name + "='" + value + "'",
                "//S EXEC PGM=P,PARM='&" + name + "'"), TestEnvironment.user1());
        assertThat(job.messages()).isEmpty();
        assertThat(((Step) job.elements().get(0)).parm()).isEqualTo(value);
    }

    @Provide
    Arbitrary<String> names() {
        return Combinators.combine(Arbitraries.chars().range('A', 'Z'),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('#', '@', '$').ofMaxLength(7))
                .as((c, s) -> c + s).filter(n -> !SystemSymbols.of(TestEnvironment.user1()).containsKey(n));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('.', '-', ' ').ofMaxLength(20);
    }

    // ---------------------------------------------------------------------------------------- IF expressions

    /** A generated expression tree, its text, and a plain evaluation of it. */
    sealed interface Tree permits Cmp, Ab, Run, Not, Bin {
        String text();

        boolean eval(List<StepResult> results);
    }

    record Cmp(String step, String op, int n) implements Tree {
        public String text() {
            return (step == null ? "RC" : step + ".RC") + " " + op + " " + n;
        }

        public boolean eval(List<StepResult> results) {
            Integer rc;
            if (step == null) {
                rc = results.stream().filter(r -> r.executed() && !r.abended()).mapToInt(StepResult::returnCode)
                        .max().orElse(0);
            } else {
                StepResult r = last(results, step);
                rc = r == null || !r.executed() || r.abended() ? null : r.returnCode();
            }
            if (rc == null) {
                return false;
            }
            return switch (op) {
                case ">", "GT" -> rc > n;
                case "<", "LT" -> rc < n;
                case ">=", "GE", "NL", "¬<" -> rc >= n;
                case "<=", "LE", "NG", "¬>" -> rc <= n;
                case "=", "EQ" -> rc == n;
                default -> rc != n;
            };
        }
    }

    record Ab(String step, boolean not) implements Tree {
        public String text() {
            return (not ? "¬" : "") + (step == null ? "ABEND" : step + ".ABEND");
        }

        public boolean eval(List<StepResult> results) {
            if (step == null) {
                return results.stream().anyMatch(StepResult::abended) != not;
            }
            StepResult r = last(results, step);
            boolean inner = r != null && r.executed() && r.abended();
            // ¬S.ABEND is NOT applied to "S.ABEND", which is false for a step that did not run
            return not != inner;
        }
    }

    record Run(String step, boolean value) implements Tree {
        public String text() {
            return step + ".RUN = " + (value ? "TRUE" : "FALSE");
        }

        public boolean eval(List<StepResult> results) {
            StepResult r = last(results, step);
            return (r != null && r.executed()) == value;
        }
    }

    record Not(Tree t) implements Tree {
        public String text() {
            return "NOT (" + t.text() + ")";
        }

        public boolean eval(List<StepResult> results) {
            return !t.eval(results);
        }
    }

    record Bin(Tree l, boolean and, Tree r) implements Tree {
        public String text() {
            return "(" + l.text() + (and ? " & " : " OR ") + r.text() + ")";
        }

        public boolean eval(List<StepResult> results) {
            return and ? l.eval(results) && r.eval(results) : l.eval(results) || r.eval(results);
        }
    }

    static StepResult last(List<StepResult> results, String step) {
        StepResult found = null;
        for (StepResult r : results) {
            if (r.stepName().equals(step)) {
                found = r;
            }
        }
        return found;
    }

    @Provide
    Arbitrary<Tree> trees() {
        return Arbitraries.lazyOf(this::leaf, this::leaf, this::not, this::bin);
    }

    private Arbitrary<Tree> leaf() {
        Arbitrary<String> step = Arbitraries.of("S1", "S2", "S3").injectNull(0.3);
        Arbitrary<Tree> cmp = Combinators.combine(step, Arbitraries.of(">", "<", ">=", "<=", "=", "¬=", "GT", "LT",
                "GE", "LE", "EQ", "NE", "NG", "NL", "¬>", "¬<"), Arbitraries.integers().between(0, 16))
                .as(Cmp::new);
        Arbitrary<Tree> ab = Combinators.combine(step, Arbitraries.of(true, false)).as(Ab::new);
        Arbitrary<Tree> run = Combinators.combine(Arbitraries.of("S1", "S2", "S3"), Arbitraries.of(true, false))
                .as(Run::new);
        return Arbitraries.oneOf(cmp, ab, run);
    }

    private Arbitrary<Tree> not() {
        return trees().map(Not::new);
    }

    private Arbitrary<Tree> bin() {
        return Combinators.combine(trees(), Arbitraries.of(true, false), trees()).as(Bin::new);
    }

    @Provide
    Arbitrary<List<StepResult>> histories() {
        Arbitrary<StepResult> result = Combinators.combine(Arbitraries.of("S1", "S2", "S3"),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 16),
                Arbitraries.of("S806", "U0016", "S0C4").injectNull(0.7))
                .as((name, executed, rc, abend) -> new StepResult(name, null, executed, executed ? rc : 0,
                        executed ? abend : null));
        return result.list().ofMaxSize(4);
    }

    @Property
    void ifExpressionsEvaluateAsAStraightforwardEvaluator(@ForAll("trees") Tree tree,
                                                          @ForAll("histories") List<StepResult> results)
            throws Exception {
        IfExpression parsed = IfParser.parse(tree.text());
        assertThat(parsed.text()).isEqualTo(tree.text());
        assertThat(parsed.evaluate(() -> results)).as(tree.text() + " after " + results)
                .isEqualTo(tree.eval(results));
    }

    @Property
    void aParsedIfStatementIsTheParsedExpression(@ForAll("trees") Tree tree) throws Exception {
        JclJob job = JclReader.read(List.of("//J JOB 1", "//S1 EXEC PGM=P", "//T IF " + tree.text() + " THEN",
                "//S2 EXEC PGM=P", "// ENDIF"), TestEnvironment.user1());
        if (("//T IF " + tree.text() + " THEN").length() <= 71) {
            assertThat(job.messages()).isEmpty();
            assertThat(((IfBlock) job.elements().get(1)).condition()).isEqualTo(IfParser.parse(tree.text()));
        }
    }

    @Property
    void abendCodesNormalize(@ForAll @IntRange(min = 0, max = 0xFFF) int system,
                             @ForAll @IntRange(min = 0, max = 4095) int user) throws Exception {
        assertThat(IfParser.abendCode("S" + Integer.toHexString(system).toUpperCase()))
                .isEqualTo(String.format("S%03X", system));
        assertThat(IfParser.abendCode("U" + user)).isEqualTo(String.format("U%04d", user));
    }

    @Property
    void splitCardsNeverLoseData(@ForAll @Size(max = 20) List<@net.jqwik.api.constraints.AlphaChars String> lines) {
        List<String> cards = new ArrayList<>(List.of("//J JOB 1", "//S EXEC PGM=P", "//IN DD *"));
        List<String> data = lines.stream().map(l -> l.length() > 80 ? l.substring(0, 80) : l).toList();
        cards.addAll(data);
        cards.add("/*");
        JclJob job = JclReader.read(cards, TestEnvironment.user1());
        assertThat(((DdSpec.Instream) ((Step) job.elements().get(0)).dds().get(0).first()).records())
                .isEqualTo(data);
    }

    @Provide
    Arbitrary<List<String>> garbage() {
        Arbitrary<String> card = Arbitraries.strings().withChars("/*'(),=&.  ABCDEFGHIJKLMNOPSTUXYZ019¬|<>")
                .ofMaxLength(90);
        Arbitrary<String> statement = Combinators.combine(Arbitraries.of("//", "//S ", "//DD1 ", "// ", "/*", "//*"),
                Arbitraries.of("JOB ", "EXEC ", "DD ", "IF ", "ELSE", "ENDIF", "PROC ", "PEND", "SET ", "JCLLIB ", ""),
                card).as((a, b, c) -> a + b + c);
        return Arbitraries.oneOf(card, statement, statement).list().ofMaxSize(25);
    }

    @Property
    void anyCardsReadWithoutThrowing(@ForAll("garbage") List<String> cards) {
        List<String> job = new ArrayList<>();
        job.add("//J JOB 1");
        job.addAll(cards);
        JclJob read = JclReader.read(job, TestEnvironment.user1().member("SYS1.PROCLIB", "P", "//S EXEC PGM=X",
                "//D DD DSN=&A,DISP=SHR"));
        assertThat(read.card()).isNotNull();
        assertThat(read.messages()).allMatch(m -> m.id().matches("IEFC\\d{3}I") && !m.text().contains("null"));
    }
}

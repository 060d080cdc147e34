package org.opencs.jes.jcl;

import java.util.List;
import java.util.Optional;

/**
 * The relational expression of an IF statement (RC, stepname.RC, ABEND, ¬ABEND, ABENDCC=, RUN, with NOT/¬, AND/&,
 * OR/|, comparison operators GT/&gt; GE LT LE EQ/= NE/¬= NG NL and parentheses), evaluated against the steps run so
 * far. NOT is applied first, then comparisons, then AND and OR (same priority, left to right). A test that names a
 * step that did not run (or abended, for RC) is false. Source: z/OS MVS JCL Reference, "IF/THEN/ELSE/ENDIF statement
 * construct: relational-expression", "Priorities of operators".
 */
public sealed interface IfExpression {
    boolean evaluate(StepHistory history);

    /** The expression as written (for the step table's "NOT EXECUTED" reason and JESYSMSG). */
    String text();

    /**
     * Whether the expression tests an abend (ABEND, ¬ABEND, ABENDCC): after an abend only such an IF lets its steps
     * run (z/OS MVS JCL Reference, "Considerations when using the IF/THEN/ELSE/ENDIF construct").
     */
    boolean testsAbend();

    /** NOT or ¬. */
    record Not(IfExpression operand, String text) implements IfExpression {
        @Override
        public boolean testsAbend() {
            return operand.testsAbend();
        }

        @Override
        public boolean evaluate(StepHistory history) {
            return !operand.evaluate(history);
        }
    }

    /** AND or &amp;. */
    record And(IfExpression left, IfExpression right, String text) implements IfExpression {
        @Override
        public boolean testsAbend() {
            return left.testsAbend() || right.testsAbend();
        }

        @Override
        public boolean evaluate(StepHistory history) {
            return left.evaluate(history) && right.evaluate(history);
        }
    }

    /** OR or |. */
    record Or(IfExpression left, IfExpression right, String text) implements IfExpression {
        @Override
        public boolean testsAbend() {
            return left.testsAbend() || right.testsAbend();
        }

        @Override
        public boolean evaluate(StepHistory history) {
            return left.evaluate(history) || right.evaluate(history);
        }
    }

    /** The comparison operators. */
    enum Operator {
        GT, LT, NG, NL, EQ, NE, GE, LE;

        boolean holds(int left, int right) {
            return switch (this) {
                case GT -> left > right;
                case LT -> left < right;
                case NG, LE -> left <= right;
                case NL, GE -> left >= right;
                case EQ -> left == right;
                case NE -> left != right;
            };
        }
    }

    /** A value compared: a return code or a number. */
    sealed interface Value permits ReturnCode, Number {
        /** The value after {@code history}, or empty when it names a step that did not run or abended. */
        Optional<Integer> resolve(StepHistory history);
    }

    /** RC (the highest return code of the steps run so far, 0 before any), or stepname[.procstepname].RC. */
    record ReturnCode(String stepName, String procStepName) implements Value {
        @Override
        public Optional<Integer> resolve(StepHistory history) {
            if (stepName == null) {
                return Optional.of(history.results().stream().filter(r -> r.executed() && !r.abended())
                        .mapToInt(StepResult::returnCode).max().orElse(0));
            }
            return step(history, stepName, procStepName).filter(r -> r.executed() && !r.abended())
                    .map(StepResult::returnCode);
        }
    }

    /** A number written in the expression (0-4095 for return codes; a symbol may have supplied it). */
    record Number(int value) implements Value {
        @Override
        public Optional<Integer> resolve(StepHistory history) {
            return Optional.of(value);
        }
    }

    /** {@code left operator right}; false when either side names a step that did not run. */
    record Comparison(Value left, Operator operator, Value right, String text) implements IfExpression {
        @Override
        public boolean testsAbend() {
            return false;
        }

        @Override
        public boolean evaluate(StepHistory history) {
            Optional<Integer> l = left.resolve(history);
            Optional<Integer> r = right.resolve(history);
            return l.isPresent() && r.isPresent() && operator.holds(l.get(), r.get());
        }
    }

    /**
     * ABEND (= TRUE): some step so far abended; with {@code expected} false (¬ABEND, ABEND = FALSE): none did. With a
     * step name: that step ran and did (or did not) abend.
     */
    record AbendTest(String stepName, String procStepName, boolean expected, String text) implements IfExpression {
        @Override
        public boolean testsAbend() {
            return true;
        }

        @Override
        public boolean evaluate(StepHistory history) {
            if (stepName == null) {
                return history.anyAbend() == expected;
            }
            return step(history, stepName, procStepName).filter(StepResult::executed)
                    .map(r -> r.abended() == expected).orElse(false);
        }
    }

    /**
     * ABENDCC = Sxxx or Uxxxx ({@code code} normalized to "S" and three hex digits or "U" and four decimal digits):
     * a step so far (or the named step) abended with that code; {@code equal} false for ¬=.
     */
    record AbendCodeTest(String stepName, String procStepName, String code, boolean equal, String text)
            implements IfExpression {
        @Override
        public boolean testsAbend() {
            return true;
        }

        @Override
        public boolean evaluate(StepHistory history) {
            if (stepName == null) {
                boolean any = history.results().stream().anyMatch(r -> code.equals(r.abendCode()));
                return any == equal;
            }
            return step(history, stepName, procStepName).filter(StepResult::executed)
                    .map(r -> code.equals(r.abendCode()) == equal).orElse(false);
        }
    }

    /** stepname.RUN (= TRUE): the step ran; {@code expected} false for ¬stepname.RUN or RUN = FALSE. */
    record RunTest(String stepName, String procStepName, boolean expected, String text) implements IfExpression {
        @Override
        public boolean testsAbend() {
            return false;
        }

        @Override
        public boolean evaluate(StepHistory history) {
            boolean ran = step(history, stepName, procStepName).map(StepResult::executed).orElse(false);
            return ran == expected;
        }
    }

    /** The last result of {@code stepName} (and {@code procStepName} when given). */
    private static Optional<StepResult> step(StepHistory history, String stepName, String procStepName) {
        List<StepResult> results = history.results();
        for (int i = results.size() - 1; i >= 0; i--) {
            StepResult r = results.get(i);
            if (stepName.equals(r.stepName()) && (procStepName == null || procStepName.equals(r.procStepName()))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

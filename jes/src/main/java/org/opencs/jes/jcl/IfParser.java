package org.opencs.jes.jcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the relational expression of an IF statement (the text between IF and THEN, symbols already substituted)
 * into an {@link IfExpression}. NOT/¬ binds first, then comparisons, then AND/&amp; and OR/| with the same priority
 * from left to right (z/OS MVS JCL Reference, "Priorities of operators"). {@code ^} is read as ¬ (the ASCII
 * keyboards' not sign). An expression it cannot read raises {@link IfSyntaxException} naming the token, which the
 * converter reports as IEFC013I ERROR IN IF STATEMENT: <token> NOT VALID (the text z/OS prints, e.g. in
 * "5 IEFC013I ERROR IN IF STATEMENT: B NOT VALID").
 */
final class IfParser {
    private final String text;
    private final List<Token> tokens;
    private int pos;

    private record Token(String value, int start, int end) {
    }

    /** An expression that is not valid; {@code token} is what z/OS names in IEFC013I. */
    static final class IfSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final String token;

        IfSyntaxException(String token) {
            super(token + " NOT VALID");
            this.token = token;
        }
    }

    private IfParser(String text) throws IfSyntaxException {
        this.text = text;
        this.tokens = tokenize(text);
    }

    static IfExpression parse(String text) throws IfSyntaxException {
        IfParser parser = new IfParser(text.trim());
        if (parser.tokens.isEmpty()) {
            throw new IfSyntaxException("THEN");
        }
        IfExpression e = parser.expression();
        if (parser.pos < parser.tokens.size()) {
            throw new IfSyntaxException(parser.tokens.get(parser.pos).value);
        }
        return e;
    }

    private static List<Token> tokenize(String s) throws IfSyntaxException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '(' || c == ')' || c == '&' || c == '|') {
                out.add(new Token(String.valueOf(c), i, i + 1));
                i++;
            } else if (c == '¬' || c == '^' || c == '>' || c == '<' || c == '=') {
                int end = i + 1;
                if (end < s.length() && (c == '¬' || c == '^' || c == '>' || c == '<')
                        && (s.charAt(end) == '=' || ((c == '¬' || c == '^') && (s.charAt(end) == '>'
                        || s.charAt(end) == '<')))) {
                    end++;
                }
                out.add(new Token(s.substring(i, end).replace('^', '¬'), i, end));
                i = end;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < s.length() && isWordChar(s.charAt(end))) {
                    end++;
                }
                out.add(new Token(s.substring(i, end).toUpperCase(Locale.ROOT), i, end));
                i = end;
            } else {
                throw new IfSyntaxException(String.valueOf(c));
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '@' || c == '#' || c == '$';
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private Token take() throws IfSyntaxException {
        if (pos >= tokens.size()) {
            throw new IfSyntaxException("THEN");
        }
        return tokens.get(pos++);
    }

    private String textFrom(int startToken) {
        return text.substring(tokens.get(startToken).start, tokens.get(pos - 1).end);
    }

    private IfExpression expression() throws IfSyntaxException {
        int start = pos;
        IfExpression left = unary();
        while (peek() != null) {
            String v = peek().value;
            boolean and = v.equals("&") || v.equals("AND");
            boolean or = v.equals("|") || v.equals("OR");
            if (!and && !or) {
                break;
            }
            pos++;
            IfExpression right = unary();
            left = and ? new IfExpression.And(left, right, textFrom(start)) : new IfExpression.Or(left, right,
                    textFrom(start));
        }
        return left;
    }

    private IfExpression unary() throws IfSyntaxException {
        Token t = peek();
        if (t != null && (t.value.equals("¬") || t.value.equals("NOT"))) {
            int start = pos++;
            IfExpression operand = unary();
            return new IfExpression.Not(operand, textFrom(start));
        }
        return primary();
    }

    private IfExpression primary() throws IfSyntaxException {
        Token t = take();
        int start = pos - 1;
        if (t.value.equals("(")) {
            IfExpression inner = expression();
            Token close = take();
            if (!close.value.equals(")")) {
                throw new IfSyntaxException(close.value);
            }
            return withText(inner, textFrom(start));
        }
        String[] parts = t.value.split("\\.", -1);
        String keyword = parts[parts.length - 1];
        String step = parts.length >= 2 ? parts[0] : null;
        String procStep = parts.length == 3 ? parts[1] : null;
        if (parts.length > 3 || (step != null && (step.isEmpty() || (procStep != null && procStep.isEmpty())))) {
            throw new IfSyntaxException(t.value);
        }
        switch (keyword) {
            case "ABEND", "RUN" -> {
                if (keyword.equals("RUN") && step == null) {
                    throw new IfSyntaxException(t.value);
                }
                boolean expected = true;
                Token op = peek();
                if (op != null && isEqualityOperator(op.value)) {
                    pos++;
                    boolean equal = op.value.equals("=") || op.value.equals("EQ");
                    Token value = take();
                    boolean truth = switch (value.value) {
                        case "TRUE" -> true;
                        case "FALSE" -> false;
                        default -> throw new IfSyntaxException(value.value);
                    };
                    expected = truth == equal;
                }
                return keyword.equals("ABEND")
                        ? new IfExpression.AbendTest(step, procStep, expected, textFrom(start))
                        : new IfExpression.RunTest(step, procStep, expected, textFrom(start));
            }
            case "ABENDCC" -> {
                Token op = take();
                if (!isEqualityOperator(op.value)) {
                    throw new IfSyntaxException(op.value);
                }
                Token code = take();
                return new IfExpression.AbendCodeTest(step, procStep, abendCode(code.value),
                        op.value.equals("=") || op.value.equals("EQ"), textFrom(start));
            }
            default -> {
                IfExpression.Value left = value(t, step, procStep, keyword);
                Token op = take();
                IfExpression.Operator operator = operator(op.value);
                Token r = take();
                String[] rp = r.value.split("\\.", -1);
                IfExpression.Value right = value(r, rp.length >= 2 ? rp[0] : null, rp.length == 3 ? rp[1] : null,
                        rp[rp.length - 1]);
                return new IfExpression.Comparison(left, operator, right, textFrom(start));
            }
        }
    }

    /** The same expression with its text as written, parentheses included. */
    private static IfExpression withText(IfExpression e, String text) {
        if (e instanceof IfExpression.Not n) {
            return new IfExpression.Not(n.operand(), text);
        } else if (e instanceof IfExpression.And a) {
            return new IfExpression.And(a.left(), a.right(), text);
        } else if (e instanceof IfExpression.Or o) {
            return new IfExpression.Or(o.left(), o.right(), text);
        } else if (e instanceof IfExpression.Comparison c) {
            return new IfExpression.Comparison(c.left(), c.operator(), c.right(), text);
        } else if (e instanceof IfExpression.AbendTest t) {
            return new IfExpression.AbendTest(t.stepName(), t.procStepName(), t.expected(), text);
        } else if (e instanceof IfExpression.AbendCodeTest t) {
            return new IfExpression.AbendCodeTest(t.stepName(), t.procStepName(), t.code(), t.equal(), text);
        }
        IfExpression.RunTest r = (IfExpression.RunTest) e;
        return new IfExpression.RunTest(r.stepName(), r.procStepName(), r.expected(), text);
    }

    private static IfExpression.Value value(Token t, String step, String procStep, String keyword)
            throws IfSyntaxException {
        if (keyword.equals("RC")) {
            return new IfExpression.ReturnCode(step, procStep);
        }
        if (step == null && !keyword.isEmpty() && keyword.chars().allMatch(Character::isDigit) && keyword.length() <= 9) {
            return new IfExpression.Number(Integer.parseInt(keyword));
        }
        throw new IfSyntaxException(t.value);
    }

    private static boolean isEqualityOperator(String v) {
        return v.equals("=") || v.equals("EQ") || v.equals("¬=") || v.equals("NE");
    }

    private static IfExpression.Operator operator(String v) throws IfSyntaxException {
        return switch (v) {
            case "GT", ">" -> IfExpression.Operator.GT;
            case "LT", "<" -> IfExpression.Operator.LT;
            case "NG", "¬>" -> IfExpression.Operator.NG;
            case "NL", "¬<" -> IfExpression.Operator.NL;
            case "EQ", "=" -> IfExpression.Operator.EQ;
            case "NE", "¬=" -> IfExpression.Operator.NE;
            case "GE", ">=" -> IfExpression.Operator.GE;
            case "LE", "<=" -> IfExpression.Operator.LE;
            default -> throw new IfSyntaxException(v);
        };
    }

    /** S806 → S806, S0C4 → S0C4, U16 → U0016: "S" and three hex digits, or "U" and four decimal digits. */
    static String abendCode(String code) throws IfSyntaxException {
        try {
            if (code.startsWith("S") && code.length() >= 2 && code.length() <= 4) {
                int value = Integer.parseInt(code.substring(1), 16);
                return String.format("S%03X", value);
            }
            if (code.startsWith("U") && code.length() >= 2 && code.length() <= 5) {
                int value = Integer.parseInt(code.substring(1));
                if (value <= 4095) {
                    return String.format("U%04d", value);
                }
            }
        } catch (NumberFormatException e) {
            throw new IfSyntaxException(code);
        }
        throw new IfSyntaxException(code);
    }
}

package org.opencs.tn3270.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.opencs.core.StatementFile.Statement;
import org.opencs.core.StatementFile.Token;
import org.opencs.core.Values;

/**
 * Reads one SMFINIT or SMFTERM statement: {@code SMFINIT [0 | STD | subtype] [TYPE119 | NOTYPE119]} in any order (IBM's
 * IP Configuration Reference, TELNETPARMS "SMFINIT statement" and "SMFTERM statement"). TYPE119 turns the port's type
 * 119 record on, NOTYPE119 off; a statement naming neither leaves it as TELNETGLOBALS (or IBM's default, off) set it.
 * 0, STD and a subtype (1-255) choose type 118 records, which OpenCS does not write: warning OCST119W. The seed's
 * {@code SMFinit Typ119} and {@code SMFinit Typell19} (a missing E; 119 printed as ll19 by OCR) are read as
 * TYPE119 with warning OCST120W naming the line; any other value is error EZZ0318I.
 */
final class SmfStatement {
    private SmfStatement() {
    }

    /**
     * The type 119 setting after {@code s} ({@code current} when it names none).
     *
     * @param error makes the EZZ0318I exception for a reason
     * @throws org.opencs.core.ZosException EZZ0318I for a missing or unknown value
     */
    static boolean apply(Statement s, boolean current, String source, Consumer<String> warnings,
                         java.util.function.Function<String, RuntimeException> error) {
        List<Token> values = s.values();
        if (values.isEmpty()) {
            throw error.apply(s.name() + " needs 0, STD, a subtype (1-255), TYPE119 or NOTYPE119");
        }
        boolean type119 = current;
        for (Token token : values) {
            String value = token.text().toUpperCase(Locale.ROOT);
            if (value.equals("TYPE119")) {
                type119 = true;
            } else if (value.equals("NOTYPE119")) {
                type119 = false;
            } else if (value.equals("0")) {
                continue;
            } else if (value.equals("STD") || subtype(value)) {
                warnings.accept("OCST119W " + s.name() + " " + value + " on line " + s.line() + " of "
                        + Values.quoteForMessage(source) + " asks for SMF type 118 records, which OpenCS does not "
                        + "write; code TYPE119 for type 119 records");
            } else {
                Optional<Boolean> slip = slip(value);
                if (slip.isEmpty()) {
                    throw error.apply(s.name() + " " + Values.quoteForMessage(token.text()) + " is not 0, STD, a "
                            + "subtype (1-255), TYPE119 or NOTYPE119");
                }
                type119 = slip.get();
                warnings.accept("OCST120W " + s.name() + " value " + Values.quoteForMessage(token.text()) + " on line "
                        + s.line() + " of " + Values.quoteForMessage(source) + " is not IBM's spelling; read as "
                        + (type119 ? "TYPE119" : "NOTYPE119"));
            }
        }
        return type119;
    }

    private static boolean subtype(String value) {
        if (!value.matches("[0-9]{1,3}")) {
            return false;
        }
        int n = Integer.parseInt(value);
        return n >= 1 && n <= 255;
    }

    /**
     * TYPE119 or NOTYPE119 misprinted: the E left out, the digit 1 printed as the letter l or I, once too often (the
     * seed's Typell19 is Type119 through OCR).
     */
    private static Optional<Boolean> slip(String value) {
        String digits = value.replaceFirst("^(NO)?TYPE?", "");
        if (digits.length() == value.length() || !digits.replace('L', '1').replace('I', '1').matches("1{2,3}9")) {
            return Optional.empty();
        }
        return Optional.of(!value.startsWith("NO"));
    }
}

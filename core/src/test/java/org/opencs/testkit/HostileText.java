package org.opencs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Mutations of real configuration files for bounded fuzz properties (FTP.DATA, PROFILE.TCPIP): random bytes and NULs
 * inserted, line ends swapped among CR, LF and CRLF, lines duplicated or cut, 100,000-character values; and the check
 * every message must pass: a message ID, no Java class name, no "null", at most a few hundred characters.
 */
public final class HostileText {
    private static final Pattern JAVA_NAMES = Pattern.compile("\\b(java|javax|org\\.opencs)\\.[a-z]|Exception");
    private static final List<String> INSERTS = List.of("\u0000", "\r", "\n", "\r\n", ";", "(", ")", "'", "\t",
            "\u001b", "é", "\uFFFD", " ", "99999999999999999999", "-1", "TRUE", "HFS", "SAF");

    private HostileText() {
    }

    /** The original text changed in one to six places. */
    public static Arbitrary<String> mutationsOf(String original) {
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(INSERTS), Arbitraries.strings().ofMaxLength(8),
                Arbitraries.strings().withChars('A', 'Z').ofMinLength(1000).ofMaxLength(100_000));
        Arbitrary<Tuple.Tuple3<Integer, Integer, String>> change = Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 4), insert)
                .as(Tuple::of);
        Arbitrary<String> mutated = change.list().ofMinSize(1).ofMaxSize(6).map(changes -> {
            String text = original;
            for (Tuple.Tuple3<Integer, Integer, String> c : changes) {
                int at = text.isEmpty() ? 0 : c.get1() % text.length();
                text = switch (c.get2()) {
                    case 0 -> text.substring(0, at) + c.get3() + text.substring(at);
                    case 1 -> text.substring(0, at);
                    case 2 -> text.replace("\r\n", "\n").replace("\n", at % 2 == 0 ? "\r" : "\r\n");
                    case 3 -> text.substring(0, at) + c.get3() + text.substring(Math.min(text.length(), at + c.get3().length()));
                    default -> text.substring(at) + "\n" + text.substring(0, at);
                };
            }
            return text;
        });
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.strings().ofMaxLength(200)), Tuple.of(8, mutated));
    }

    /** A message a user may see: ID first, no Java names, no "null", bounded. */
    public static void assertCleanMessage(String message) {
        assertThat(message).as(message).matches("(?s)[A-Z]{3,4}[0-9A-Z]{3,5}[EWIA] .*");
        assertThat(JAVA_NAMES.matcher(message).find()).as(message).isFalse();
        assertThat(message).as(message).doesNotContainPattern("\\bnull\\b");
        assertThat(message.length()).as("%.300s", message).isLessThanOrEqualTo(500);
    }
}

package org.opencs.tso.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/**
 * Random TSO command lines, as IBMUSER (SPECIAL) against one registry: every command ends in success or a typed
 * message; no line of the listing names a Java class, says "null", or runs past a few hundred characters, whatever
 * the operands (control characters, unbalanced parentheses and quotes, 100,000-character values).
 */
class TsoCommandFuzzTest {
    private static final Pattern JAVA_NAMES = Pattern.compile("\\b(java|javax|org\\.opencs)\\.[a-z]|Exception");
    private static final List<String> COMMANDS = List.of("ADDUSER", "ALTUSER", "DELUSER", "LISTUSER", "PASSWORD",
            "RDEFINE", "RALTER", "RDELETE", "RLIST", "PERMIT", "SETROPTS", "RACDCERT", "ADDSD", "DELDSD", "LISTDSD",
            "ALLOCATE", "LISTCAT", "LISTDS", "DELETE", "OGET", "OPUT", "AU", "ALU", "LU", "PW", "FOO");
    private static final List<String> WORDS = List.of("USER1", "IBMUSER", "NAME(", "PASSWORD(", ")", "(", "'", "''",
            "SPECIAL", "NOSPECIAL", "REVOKE", "RESUME", "OMVS(UID(", "HOME(", "CLASS(", "FACILITY", "PTKTDATA", "ID(",
            "ACCESS(", "READ", "ALTER", "SSIGNON(KEYMASKED(", "ADD(", "LIST", "GENCERT", "SUBJECTSDN(CN(", "WITHLABEL(",
            "CONNECT(", "RING(", "ADDRING(", "TRUST", "PASSWORD(x)", "DATASET(", "NEW", "RECFM(", "LRECL(", "*", "**",
            "'USER1.**'", "/u/user1/x", "-", "+", "\u0000", "\r", "\t", "\u001b[2J", "é", "  ");

    private static Registry registry;
    private static Path dir;
    private static final TsoProcessor TSO = new TsoProcessor();

    private static synchronized Registry registry() throws Exception {
        if (registry == null) {
            dir = Files.createTempDirectory("tsofuzz");
            MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
            registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
            TSO.run("ADDUSER USER1 PASSWORD(user1pw) OMVS(UID(1) HOME(/u/user1))", session(), l -> { });
        }
        return registry;
    }

    private static TsoSession session() {
        return new TsoSession(registry, registry.users().find("IBMUSER").orElseThrow());
    }

    @AfterContainer
    static void close() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    @Provide
    Arbitrary<String> commandLines() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(WORDS),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars('A', 'Z').ofMinLength(1000).ofMaxLength(100_000),
                Arbitraries.integers().between(-5, 99_999_999).map(String::valueOf));
        return Combinators.combine(Arbitraries.of(COMMANDS), word.list().ofMaxSize(8))
                .as((command, words) -> command + " " + String.join("", interleave(words)));
    }

    private static List<String> interleave(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            out.add(words.get(i));
            out.add(i % 3 == 2 ? ") " : i % 2 == 0 ? "" : " ");
        }
        return out;
    }

    @Property(tries = 400)
    void everyCommandEndsInAShortTypedMessage(@ForAll("commandLines") String line) throws Exception {
        registry();
        List<String> listing = new ArrayList<>();
        int rc = TSO.run(line, session(), listing::add);
        assertThat(rc).isIn(0, 8);
        if (rc == 8) {
            assertThat(listing).isNotEmpty();
            assertThat(listing.get(listing.size() - 1)).matches("[A-Z]{3}[A-Z0-9]{3,6}[A-Z]? .*");
        }
        for (String message : listing) {
            assertThat(JAVA_NAMES.matcher(message).find()).as(message).isFalse();
            assertThat(message).as(message).doesNotContainPattern("\\bnull\\b");
            assertThat(message.length()).as("%.300s", message).isLessThanOrEqualTo(400);
        }
    }

    /** Found by bench's FuzzHarness: an operand holding U+2028 (LINE SEPARATOR) split the message in two lines. */
    @net.jqwik.api.Example
    void aLineSeparatorInAnOperandStaysInsideOneMessageLine() throws Exception {
        everyCommandEndsInAShortTypedMessage("LISTCAT   \u5594\u2028\u3041");
        everyCommandEndsInAShortTypedMessage("ADDUSER \u2028");
    }
}

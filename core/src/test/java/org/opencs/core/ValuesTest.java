package org.opencs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Values echoed in messages are short and printable; paths with control characters never reach the file system. */
class ValuesTest {
    @Test
    void longValuesAreCutAndSayTheirLength() {
        assertThat(Values.quoteForMessage("SHORT")).isEqualTo("SHORT");
        assertThat(Values.quoteForMessage("A".repeat(100_000)))
                .isEqualTo("A".repeat(64) + "... (100000 characters)");
        assertThat(Values.quoteForMessage("a\u0000b\u001b")).isEqualTo("a\\x00b\\x1B");
        assertThat(Values.quoteForMessage(null)).isEmpty();
    }

    @Property(tries = 500)
    void everyQuotedValueIsBoundedAndHasNoControlCharacters(@ForAll String value) {
        String quoted = Values.quoteForMessage(value);
        assertThat(quoted.length()).isLessThanOrEqualTo(Values.LIMIT * 4 + 30);
        assertThat(Values.firstControlCharacter(quoted)).isEqualTo(-1);
    }

    /** Found by bench's FuzzHarness (TSO command fuzzing): a U+2028 in an operand split the message line. */
    @Test
    void unicodeLineSeparatorsAreEscapedLikeControlCharacters() {
        assertThat(Values.quoteForMessage("a\u2028b\u2029c\u0085d")).isEqualTo("a\\u2028b\\u2029c\\x85d");
        assertThat(Values.firstControlCharacter("ok\u2028")).isEqualTo(2);
    }

    @Test
    void hfsPathsWithANulAreAConfigurationErrorNotAnInvalidPathException() {
        SystemHome home = new SystemHome(Path.of("/tmp/home"));
        assertThatThrownBy(() -> home.hfsPath("/u/user1/abc\u0000key.kdb")).isInstanceOf(ZosException.class)
                .hasMessage("OCS0007E The path /u/user1/abc\\x00key.kdb is not a valid z/OS UNIX path name: it holds the "
                        + "control character x'00' at position 13.");
        // ".." at the z/OS UNIX root stays at the root (POSIX): never the host's /etc/passwd.
        assertThat(home.hfsPath("/../../etc/passwd")).isEqualTo(Path.of("/tmp/home/hfs/etc/passwd"));
        assertThat(home.hfsPath("/u/user1/abckey.kdb")).isEqualTo(Path.of("/tmp/home/hfs/u/user1/abckey.kdb"));
    }
}

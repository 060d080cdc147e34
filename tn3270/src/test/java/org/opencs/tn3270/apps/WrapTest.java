package org.opencs.tn3270.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;

/** Text broken into rows: no row wider than the screen, nothing lost (the words come back in order). */
class WrapTest {
    @Property(tries = 300)
    void rowsFitAndKeepEveryCharacter(@ForAll @StringLength(max = 400) @Chars({'a', 'b', ' ', 'X'}) String text,
                                      @ForAll @IntRange(min = 1, max = 132) int width) {
        List<String> rows = Wrap.lines(text, width);
        assertThat(rows).allMatch(r -> r.length() <= width);
        assertThat(String.join("", rows).replace(" ", "")).isEqualTo(text.replace(" ", ""));
    }

    @Property(tries = 100)
    void textThatFitsIsOneRow(@ForAll @StringLength(max = 80) @Chars({'a', ' '}) String text) {
        assertThat(Wrap.lines(text, 80)).containsExactly(text.stripTrailing());
    }
}

package org.opencs.pki.tls.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * GSK_TRACE and GSK_TRACE_FILE as IBM documents them ("Capturing trace data through environment variables", z/OS
 * Cryptographic Services System SSL Programming).
 */
class TlsTraceSettingsTest {
    @Test
    void theMaskIsDecimalOctalOrHexadecimal() {
        assertThat(TraceSettings.parseMask("255")).isEqualTo(0xff);
        assertThat(TraceSettings.parseMask("0377")).isEqualTo(0xff);
        assertThat(TraceSettings.parseMask("0xff")).isEqualTo(0xff);
        assertThat(TraceSettings.parseMask("0XFFFF")).isEqualTo(0xffff);
        assertThat(TraceSettings.parseMask("0")).isZero();
        assertThat(TraceSettings.parseMask(" 8 ")).isEqualTo(8);
    }

    @Test
    void anythingElseIsNotAMask() {
        for (String bad : new String[] {"", "0x", "-1", "ff", "09", "0x10000", "all", "1.5", "0x1g"}) {
            assertThatThrownBy(() -> TraceSettings.parseMask(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 200)
    void everyMaskReadsBackInEachNotation(@ForAll @IntRange(min = 0, max = 0xFFFF) int mask) {
        assertThat(TraceSettings.parseMask(Integer.toString(mask))).isEqualTo(mask);
        assertThat(TraceSettings.parseMask("0" + Integer.toOctalString(mask))).isEqualTo(mask);
        assertThat(TraceSettings.parseMask("0x" + Integer.toHexString(mask))).isEqualTo(mask);
    }

    @Test
    void noMaskOrAZeroMaskMeansNoTrace() {
        assertThat(TraceSettings.fromEnvironment(Map.of(), 7).settings()).isNull();
        assertThat(TraceSettings.fromEnvironment(Map.of(), 7).messages()).isEmpty();
        var zero = TraceSettings.fromEnvironment(Map.of("GSK_TRACE", "0", "GSK_TRACE_FILE", "/x/t"), 7);
        assertThat(zero.settings()).isNull();
        assertThat(zero.messages()).isEmpty();
    }

    @Test
    void aTraceFileWithoutAMaskIsToldAboutNotIgnoredSilently() {
        var result = TraceSettings.fromEnvironment(Map.of("GSK_TRACE_FILE", "/dir/rawtracefile"), 7);
        assertThat(result.settings()).isNull();
        assertThat(result.messages()).singleElement().asString().startsWith("OCSK051W GSK_TRACE_FILE is set but "
                + "GSK_TRACE is not").contains("GSK_TRACE=0xff");
    }

    @Test
    void aBadMaskIsToldAndTracesNothing() {
        var result = TraceSettings.fromEnvironment(Map.of("GSK_TRACE", "everything"), 7);
        assertThat(result.settings()).isNull();
        assertThat(result.messages()).singleElement().asString().startsWith("OCSK052W GSK_TRACE value everything is not");
    }

    @Test
    void thePercentSignBecomesTheProcessIdAndTheDefaultFileIsIbms() {
        var named = TraceSettings.fromEnvironment(Map.of("GSK_TRACE", "0xff", "GSK_TRACE_FILE", "/dir/gsk.%.trc"), 247);
        assertThat(named.settings()).isEqualTo(new TraceSettings(Path.of("/dir/gsk.247.trc"), 0xff));
        var unnamed = TraceSettings.fromEnvironment(Map.of("GSK_TRACE", "0x08"), 247);
        assertThat(unnamed.settings()).isEqualTo(new TraceSettings(Path.of("/tmp/gskssl.247.trc"), 8));
    }
}

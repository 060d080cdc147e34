package org.opencs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** system.conf's syslog.* keys (docs/diagnostics.md "System log", Rotation): defaults, sizes, refusals. */
class SyslogSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTenMegabytesSevenDaysOneGigabyte() {
        assertThat(SyslogSettings.from(new Properties())).isEqualTo(new SyslogSettings(10L << 20, 7, 1L << 30));
    }

    @Test
    void systemConfReadsTheKeysWithoutWarnings() throws Exception {
        Files.writeString(dir.resolve("system.conf"), "sysname=SYS1\nsyslog.max.file.size=2kb\nsyslog.max.history=0\n"
                + "syslog.total.size.cap=64 MB\n");
        SystemConfig config = SystemConfig.load(new SystemHome(dir));
        assertThat(config.syslog()).isEqualTo(new SyslogSettings(2048, 0, 64L << 20));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aValueThatIsNotASizeIsRefusedNamingKeyAndValue() throws Exception {
        Files.writeString(dir.resolve("system.conf"), "syslog.max.file.size=ten\n");
        assertThatThrownBy(() -> SystemConfig.load(new SystemHome(dir))).isInstanceOf(ZosException.class)
                .hasMessage("OCS0006E system.conf: syslog.max.file.size 'ten' is not a size (a number followed by KB, "
                        + "MB or GB).");
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThatThrownBy(() -> SyslogSettings.from(props("syslog.max.file.size", "512")))
                .hasMessage("OCS0006E system.conf: syslog.max.file.size '512' is less than 1KB.");
        assertThatThrownBy(() -> SyslogSettings.from(props("syslog.max.history", "-1")))
                .hasMessage("OCS0006E system.conf: syslog.max.history '-1' is not a number of days from 0 to 36500.");
        assertThatThrownBy(() -> SyslogSettings.from(props("syslog.max.history", "99999")))
                .hasMessageContaining("is not a number of days");
        assertThatThrownBy(() -> SyslogSettings.from(props("syslog.total.size.cap", "1MB")))
                .hasMessage("OCS0006E system.conf: syslog.total.size.cap '1MB' is less than syslog.max.file.size "
                        + "(0 means no cap).");
        assertThatThrownBy(() -> SyslogSettings.from(props("syslog.max.file.size", "999999999999GB")))
                .hasMessage("OCS0006E system.conf: syslog.max.file.size '999999999999GB' is too large.");
        assertThat(SyslogSettings.from(props("syslog.total.size.cap", "0")).totalSizeCap()).isZero();
    }

    @Property
    void everySizeWithAUnitIsThatManyKilobytesMegabytesOrGigabytes(@ForAll @IntRange(min = 1, max = 4096) int number,
                                                                     @ForAll @IntRange(min = 1, max = 3) int unit) {
        String suffix = new String[] {"", "KB", "MB", "GB"}[unit];
        long bytes = SyslogSettings.from(props("syslog.max.file.size", number + suffix)).maxFileSize();
        assertThat(bytes).isEqualTo((long) number << (10 * unit));
    }

    @Property
    void anyOtherTextIsRefusedWithAMessageNotAStackTrace(@ForAll @StringLength(max = 20) String text) {
        String value = text.trim();
        net.jqwik.api.Assume.that(!value.toUpperCase(java.util.Locale.ROOT).matches("\\d{1,12}\\s*(KB|MB|GB)?"));
        assertThatThrownBy(() -> SyslogSettings.from(props("syslog.max.file.size", text)))
                .isInstanceOf(ZosException.class).hasMessageStartingWith("OCS0006E system.conf: syslog.max.file.size '")
                .hasMessageNotContaining("null").hasMessageNotContaining("Exception");
    }

    private static Properties props(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }
}

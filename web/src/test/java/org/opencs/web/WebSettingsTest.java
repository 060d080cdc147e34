package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;

class WebSettingsTest {
    private static Properties of(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void absentPortMeansOff() {
        WebSettings settings = WebSettings.from(of());
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.keyring()).isNull();
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.withPort(0).enabled()).isTrue();
    }

    @Test
    void readsEveryKey() {
        WebSettings settings = WebSettings.from(of("web.port", " 2443 ", "web.keyring", "SAF TCPRING",
                "web.idle.timeout", "5"));
        assertThat(settings).isEqualTo(new WebSettings(2443, "SAF TCPRING", Duration.ofMinutes(5)));
        assertThat(settings.withPort(0).port()).isZero();
        assertThat(settings.withPort(null).port()).isEqualTo(2443);
    }

    @Test
    void badValuesAreOcs0006e() {
        assertThatThrownBy(() -> WebSettings.from(of("web.port", "https")))
                .isInstanceOfSatisfying(ZosException.class, e -> assertThat(e.messageId()).isEqualTo("OCS0006E"))
                .hasMessageContaining("web.port 'https' is not a number from 0 to 65535");
        assertThatThrownBy(() -> WebSettings.from(of("web.port", "70000"))).hasMessageContaining("OCS0006E");
        assertThatThrownBy(() -> WebSettings.from(of("web.idle.timeout", "0"))).hasMessageContaining("web.idle.timeout '0'");
        assertThatThrownBy(() -> WebSettings.from(of("web.keyring", "  "))).hasMessageContaining("web.keyring is empty");
    }

    @Property
    void everyPortInRangeIsRead(@ForAll @IntRange(min = 0, max = 65535) int port) {
        assertThat(WebSettings.from(of("web.port", Integer.toString(port))).port()).isEqualTo(port);
    }

    @Property
    void anyOtherTextIsRefused(@ForAll String text) {
        boolean valid = text.trim().matches("[0-9]{1,9}") && Integer.parseInt(text.trim()) <= 65535;
        if (!valid) {
            assertThatThrownBy(() -> WebSettings.from(of("web.port", text))).isInstanceOf(ZosException.class);
        }
    }
}

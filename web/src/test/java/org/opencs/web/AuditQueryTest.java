package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;

/** The console's audit filter parser and matcher, and the certificate expiry warnings. */
class AuditQueryTest {
    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return map;
    }

    @Test
    void parsesTypeUserAndSince() {
        assertThat(AuditQuery.parse(params())).isEqualTo(new AuditQuery(null, null, null));
        assertThat(AuditQuery.parse(params("type", "web_logon", "user", "user1", "since", "2026-11-30")))
                .isEqualTo(new AuditQuery("WEB_LOGON", "USER1", Instant.parse("2026-11-30T00:00:00Z")));
        assertThat(AuditQuery.parse(params("since", "2026-11-30T17:00:00Z", "type", " ")).since())
                .isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void refusesBadFiltersWithOcsw040e() {
        assertThatThrownBy(() -> AuditQuery.parse(params("since", "yesterday"))).isInstanceOf(ZosException.class)
                .hasMessage("OCSW040E The audit filter since=yesterday is not valid: give an instant such as "
                        + "2026-11-30T17:00:00Z or a date such as 2026-11-30.");
        assertThatThrownBy(() -> AuditQuery.parse(params("user", "TOOLONGUSER"))).hasMessageStartingWith(
                "OCSW040E The audit filter user=TOOLONGUSER is not valid");
        assertThatThrownBy(() -> AuditQuery.parse(params("type", "<script>"))).hasMessageStartingWith("OCSW040E");
        assertThatThrownBy(() -> AuditQuery.parse(params("type", "A", "type", "B")))
                .hasMessage("OCSW040E The audit filter type is given more than once.");
    }

    @Test
    void matchesRecords() {
        Map<String, Object> logon = Map.of("time", "2026-11-30T17:00:00Z", "type", "WEB_LOGON", "user", "USER1");
        assertThat(new AuditQuery("WEB_LOGON", "USER1", Instant.parse("2026-11-30T17:00:00Z")).matches(logon)).isTrue();
        assertThat(new AuditQuery("WEB_LOGOFF", null, null).matches(logon)).isFalse();
        assertThat(new AuditQuery(null, "USER2", null).matches(logon)).isFalse();
        assertThat(new AuditQuery(null, null, Instant.parse("2026-11-30T17:00:01Z")).matches(logon)).isFalse();
        assertThat(new AuditQuery(null, null, Instant.EPOCH).matches(Map.of("type", "X"))).isFalse(); // no time
    }

    /** Whatever the text, parse gives a query or OCSW040E, never another exception. */
    @Property
    void anyParameterParsesOrIsOcsw040e(@ForAll String type, @ForAll String user, @ForAll String since) {
        try {
            AuditQuery q = AuditQuery.parse(params("type", type, "user", user, "since", since));
            assertThat(q.user() == null || q.user().length() <= 8).isTrue();
        } catch (ZosException e) {
            assertThat(e.messageId()).isEqualTo("OCSW040E");
        }
    }

    @Test
    void warnsAtThirtyAndSevenDays() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        assertThat(ExpiryWarning.of(now.plusSeconds(86_400L * 20), now)).isEqualTo(ExpiryWarning.DAYS_30);
        assertThat(ExpiryWarning.of(now.plusSeconds(86_400L * 30), now)).isEqualTo(ExpiryWarning.DAYS_30);
        assertThat(ExpiryWarning.of(now.plusSeconds(86_400L * 31), now)).isEqualTo(ExpiryWarning.OK);
        assertThat(ExpiryWarning.of(now.plusSeconds(86_400L * 8), now)).isEqualTo(ExpiryWarning.DAYS_30);
        assertThat(ExpiryWarning.of(now.plusSeconds(86_400L * 7), now)).isEqualTo(ExpiryWarning.DAYS_7);
        assertThat(ExpiryWarning.of(now.plusSeconds(1), now)).isEqualTo(ExpiryWarning.DAYS_7);
        assertThat(ExpiryWarning.of(now, now)).isEqualTo(ExpiryWarning.EXPIRED);
        assertThat(ExpiryWarning.daysLeft(now.minusSeconds(1), now)).isEqualTo(-1);
        assertThat(ExpiryWarning.DAYS_30.label()).isEqualTo("30 days");
    }

    /** The warning only gets stronger as the end comes nearer. */
    @Property
    void warningsGrowAsTheEndNears(@ForAll @LongRange(min = -100_000_000L, max = 100_000_000L) long seconds,
                                   @ForAll @LongRange(min = 0, max = 10_000_000L) long later) {
        Instant notAfter = Instant.parse("2026-11-30T12:00:00Z");
        Instant now = notAfter.minusSeconds(seconds);
        assertThat(ExpiryWarning.of(notAfter, now.plusSeconds(later)).ordinal())
                .isLessThanOrEqualTo(ExpiryWarning.of(notAfter, now).ordinal());
    }
}

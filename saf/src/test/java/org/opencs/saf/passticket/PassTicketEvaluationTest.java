package org.opencs.saf.passticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencs.testkit.ExternalCommand;

class PassTicketEvaluationTest {
    private static final PassTicketKey LEGACY = PassTicketKey.legacy("E001193519561977", false);
    private static final PassTicketKey ENHANCED = PassTicketKey.enhanced(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", EnhancedPassTicket.Type.MIXED, 60, false);

    @Property(tries = 40)
    void legacyTicketsAreValidTenMinutesEitherSide(@ForAll @IntRange(min = -600, max = 600) int offset) {
        String ticket = PassTickets.generate(LEGACY, "USER1", "TSO3090", 1_700_000_000L);
        assertThat(PassTickets.evaluate(LEGACY, "USER1", "TSO3090", ticket, 1_700_000_000L + offset))
                .hasValue(1_700_000_000L);
    }

    @Test
    void ticketsOutsideTheWindowOrForAnotherUserOrApplicationFail() {
        String ticket = PassTickets.generate(LEGACY, "USER1", "TSO3090", 1_700_000_000L);
        assertThat(PassTickets.evaluate(LEGACY, "USER1", "TSO3090", ticket, 1_700_000_601L)).isEmpty();
        assertThat(PassTickets.evaluate(LEGACY, "USER2", "TSO3090", ticket, 1_700_000_000L)).isEmpty();
        assertThat(PassTickets.evaluate(LEGACY, "USER1", "TSO3091", ticket, 1_700_000_000L)).isEmpty();
        assertThat(PassTickets.evaluate(LEGACY, "USER1", "TSO3090", "SHORT", 1_700_000_000L)).isEmpty();
        String enhanced = PassTickets.generate(ENHANCED, "USER1", "TSO3090", 1_700_000_000L);
        assertThat(PassTickets.evaluate(ENHANCED, "USER1", "TSO3090", enhanced, 1_700_000_060L)).hasValue(1_700_000_000L);
        assertThat(PassTickets.evaluate(ENHANCED, "USER1", "TSO3090", enhanced, 1_700_000_061L)).isEmpty();
        assertThat(PassTickets.evaluate(ENHANCED, "USER1", "TSO3090", enhanced.toUpperCase(), 1_700_000_000L))
                .as("mixed-case tickets are case-sensitive").isEmpty();
    }

    @Test
    void agreesWithAnIndependentImplementation() throws Exception {
        Path script = Paths.get(getClass().getResource("/passticket_reference.py").toURI());
        Random random = new Random(42);
        String[] users = {"IBMUSER", "USER1", "A", "TCPSC#1", "X$Y@Z"};
        String[] apps = {"TSO3090", "TSOR001", "CICSPROD", "IMS"};
        for (int i = 0; i < 12; i++) {
            String user = users[random.nextInt(users.length)];
            String appl = apps[random.nextInt(apps.length)];
            long time = 1_000_000_000L + (random.nextLong() & 0x3FFFFFFFL);
            byte[] legacyKey = new byte[8];
            byte[] hmacKey = new byte[64];
            random.nextBytes(legacyKey);
            random.nextBytes(hmacKey);
            String hexLegacy = HexFormat.of().formatHex(legacyKey);
            String hexHmac = HexFormat.of().formatHex(hmacKey);
            String expectedLegacy = python(script, "legacy", hexLegacy, user, appl, time);
            assertThat(PassTickets.generate(PassTicketKey.legacy(hexLegacy, false), user, appl, time)).isEqualTo(expectedLegacy);
            for (EnhancedPassTicket.Type type : EnhancedPassTicket.Type.values()) {
                String expected = python(script, type.name().toLowerCase(), hexHmac, user, appl, time);
                assertThat(EnhancedPassTicket.generate(hmacKey, user, appl, time, type)).isEqualTo(expected);
            }
        }
    }

    private static String python(Path script, String kind, String key, String user, String appl, long time) {
        var result = ExternalCommand.run(null, null, List.of("python3", script.toString(), kind, key, user, appl,
                Long.toString(time)));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result.stdout().trim();
    }
}

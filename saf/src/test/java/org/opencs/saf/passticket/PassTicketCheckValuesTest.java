package org.opencs.saf.passticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The check values of shared/reference/passticket.md. */
class PassTicketCheckValuesTest {
    @Test
    void legacyIntermediateValues() {
        assertThat(HexFormat.of().withUpperCase().formatHex(LegacyPassTicket.pad("TOM"))).isEqualTo("E3D6D4555555555555555555");
        assertThat(LegacyPassTicket.permute(0x017B, 1)).isEqualTo(0xA32A);
        assertThat(LegacyPassTicket.translate(0x07247F79)).isEqualTo("QHOAH1TV");
        assertThat(LegacyPassTicket.translate(0x950B024D)).isEqualTo("ZVQLMCAN");
    }

    @Test
    void legacyFullExample() {
        byte[] key = HexFormat.of().parseHex("E001193519561977");
        assertThat(LegacyPassTicket.generate(key, "IBMUSER", "TSOR001", 1_700_000_000L)).isEqualTo("ZVQLMCAN");
        assertThat(LegacyPassTicket.generate(key, "ibmuser", "tsor001", 1_700_000_000L)).isEqualTo("ZVQLMCAN");
        assertThat(LegacyPassTicket.generate(key, "IBMUSER", "TSOR001", 1_700_000_001L)).isNotEqualTo("ZVQLMCAN");
    }

    @Test
    void enhancedExamples() {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) i;
        }
        assertThat(EnhancedPassTicket.generate(key, "IBMUSER", "TSOR001", 1_700_000_000L, EnhancedPassTicket.Type.UPPER))
                .isEqualTo("9RQR2ZIJ");
        assertThat(EnhancedPassTicket.generate(key, "IBMUSER", "TSOR001", 1_700_000_000L, EnhancedPassTicket.Type.MIXED))
                .isEqualTo("DlIVtwnz");
    }
}

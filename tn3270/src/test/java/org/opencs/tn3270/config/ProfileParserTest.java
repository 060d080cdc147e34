package org.opencs.tn3270.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The seed's three TelnetParms blocks, as printed (OCR slips included), and the errors a bad value gets. */
class ProfileParserTest {
    private static String seed() throws Exception {
        try (var in = ProfileParserTest.class.getResourceAsStream("/seed/PROFILE.TCPIP.blocks")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSeedsBlocksParseWithAWarningForTheMisspelledStatement() throws Exception {
        ProfileParser.Result result = ProfileParser.parse(seed(), "PROFILE.TCPIP");
        assertThat(result.config().ports()).hasSize(3);
        TelnetPort first = result.config().ports().get(0);
        assertThat(first.port()).isEqualTo(2024);
        assertThat(first.securePort()).isTrue();
        assertThat(first.connType()).isEqualTo(TelnetPort.ConnType.SECURE);
        assertThat(first.clientAuth()).isEqualTo(TelnetPort.ClientAuth.NONE);
        assertThat(first.keyring()).isEqualTo("HFS /u/user1/SSLcase1/abckey.kdb");
        assertThat(first.asciiCodePage()).isEqualTo("ISO8859-1");
        assertThat(first.ebcdicCodePage()).isEqualTo("IBM-1047");
        assertThat(first.timeMarkSeconds()).isEqualTo(600);
        TelnetPort second = result.config().ports().get(1);
        assertThat(second.keyring()).isEqualTo("SAF TCPRING");
        // "Connstype" is the seed's slip: a warning naming its line, and SECUREPORT's CONNTYPE SECURE stays.
        assertThat(second.connType()).isEqualTo(TelnetPort.ConnType.SECURE);
        assertThat(result.warnings()).containsExactly(
                "EZZ0401I UNRECOGNIZED STATEMENT CONNSTYPE IN TELNETPARMS ON LINE 23 OF PROFILE.TCPIP IGNORED");
        assertThat(result.config().ports().get(2).clientAuth()).isEqualTo(TelnetPort.ClientAuth.SAFCERT);
    }

    @Test
    void badValuesNameTheirLine() {
        assertThatThrownBy(() -> ProfileParser.parse("TELNETPARMS\n SECUREPORT 2024\n CONNTYPE SOMETIMES\nENDTELNETPARMS\n",
                "P")).hasMessageContaining("EZZ0318I").hasMessageContaining("LINE 3").hasMessageContaining("SOMETIMES");
        assertThatThrownBy(() -> ProfileParser.parse("TELNETPARMS\n PORT 99999\nENDTELNETPARMS\n", "P"))
                .hasMessageContaining("LINE 2").hasMessageContaining("outside 0..65535");
        assertThatThrownBy(() -> ProfileParser.parse("TELNETPARMS\n INACTIVE 0\nENDTELNETPARMS\n", "P"))
                .hasMessageContaining("names no PORT or SECUREPORT");
        assertThatThrownBy(() -> ProfileParser.parse("TELNETPARMS\n PORT 23\n", "P")).hasMessageContaining("no ENDTELNETPARMS");
    }

    @Test
    void globalsAndVtamApply() {
        var config = ProfileParser.parse(String.join("\n", "TELNETGLOBALS", " INACTIVE 300", "ENDTELNETGLOBALS",
                "TELNETPARMS", " PORT 23", "ENDTELNETPARMS", "BEGINVTAM", " PORT 23", " DEFAULTLUS", "  TCP00001..TCP00099",
                " ENDDEFAULTLUS", " DEFAULTAPPL TSO", " USSTCP USSTEST1", "ENDVTAM"), "P").config();
        assertThat(config.ports().get(0).inactiveSeconds()).isEqualTo(300);
        assertThat(config.ports().get(0).connType()).isEqualTo(TelnetPort.ConnType.BASIC);
        assertThat(config.defaultAppl()).isEqualTo("TSO");
        assertThat(config.ussTcp()).isTrue();
        assertThat(config.defaultLus()).containsExactly("TCP00001..TCP00099");
        assertThatThrownBy(() -> ProfileParser.parse("BEGINVTAM\n DEFAULTLUS\n  LUA01..LUB09\n ENDDEFAULTLUS\nENDVTAM\n", "P"))
                .hasMessageContaining("EZZ0318I").hasMessageContaining("LINE 3").hasMessageContaining("trailing digits");
    }

    @Test
    void theEbcdicCodePageComesFromCodepage() {
        var ports = ProfileParser.parse("TELNETPARMS\n PORT 23\n CODEPAGE ISO8859-1 IBM-037\nENDTELNETPARMS\n"
                + "TELNETPARMS\n PORT 24\nENDTELNETPARMS\nTELNETPARMS\n PORT 25\n CODEPAGE ISO8859-1 IBM-9999\nENDTELNETPARMS\n",
                "P").config().ports();
        assertThat(ports.get(0).ebcdicCharset().name()).isEqualTo("IBM037");
        assertThat(ports.get(1).ebcdicCharset().name()).isEqualTo("IBM1047");
        assertThatThrownBy(() -> ports.get(2).ebcdicCharset())
                .hasMessageContaining("OCST013E").hasMessageContaining("IBM-9999");
    }
}

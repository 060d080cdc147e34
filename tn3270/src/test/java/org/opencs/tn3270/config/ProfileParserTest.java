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
        assertThat(result.warnings()).filteredOn(w -> w.startsWith("EZZ")).containsExactly(
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
    void crOnlyLineEndsStartingWithTelnetGlobalsStillDefineThePorts() {
        String lf = "TELNETGLOBALS\n INACTIVE 300\nENDTELNETGLOBALS\nTELNETPARMS\n PORT 2023\n CONNTYPE SOMETIMES\n"
                + "ENDTELNETPARMS\n";
        assertThatThrownBy(() -> ProfileParser.parse(lf.replace("\n", "\r"), "P")).hasMessageContaining("LINE 6");
        var config = ProfileParser.parse(lf.replace(" CONNTYPE SOMETIMES\n", "").replace("\n", "\r"), "P").config();
        assertThat(config.ports()).singleElement().satisfies(p -> {
            assertThat(p.port()).isEqualTo(2023);
            assertThat(p.inactiveSeconds()).isEqualTo(300);
        });
    }

    @Test
    void aNulInAKeyringIsABadValueAndLongValuesAreCut() {
        assertThatThrownBy(() -> ProfileParser.parse("TELNETPARMS\n SECUREPORT 992\n KEYRING HFS /u/a\u0000b.kdb\n"
                + "ENDTELNETPARMS\n", "PROFILE.TCPIP")).hasMessage("EZZ0318I ERROR IN PROFILE.TCPIP ON LINE 3: KEYRING value "
                + "/u/a\\x00b.kdb holds the control character x'00'");
        assertThatThrownBy(() -> ProfileParser.parse("TELNETPARMS\n CONNTYPE " + "Q".repeat(100_000) + "\n", "P"))
                .hasMessageContaining("... (100000 characters)").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void globalsAndVtamApply() {
        var config = ProfileParser.parse(String.join("\n", "TELNETGLOBALS", " INACTIVE 300", "ENDTELNETGLOBALS",
                "TELNETPARMS", " PORT 23", "ENDTELNETPARMS", "BEGINVTAM", " PORT 23", " DEFAULTLUS", "  TCP00001..TCP00099",
                " ENDDEFAULTLUS", " DEFAULTAPPL TSO", " USSTCP USSTEST1", "ENDVTAM"), "P").config();
        assertThat(config.ports().get(0).inactiveSeconds()).isEqualTo(300);
        assertThat(config.ports().get(0).connType()).isEqualTo(TelnetPort.ConnType.BASIC);
        assertThat(config.vtam().defaultAppl()).isEqualTo("TSO");
        assertThat(config.vtam().ussTcp()).isTrue();
        assertThat(config.vtam().defaultLus()).containsExactly("TCP00001..TCP00099");
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

    @Test
    void luGroupsAndMapsAreReadAndCheckedWhereTheyAreWritten() {
        var vtam = ProfileParser.parse(String.join("\n", "BEGINVTAM", " IPGROUP BRANCH1 10.1.1.0:255.255.255.0",
                "   10.1.2.0/24 10.1.3.1..10.1.3.9", " ENDIPGROUP", " LUGROUP BR1LUS BR1LU001..BR1LU010 ENDLUGROUP",
                " PRTGROUP BR1PRTS", "  BR1PR001..BR1PR010", " ENDPRTGROUP", " DEFAULTPRT PRT00001..PRT00005 ENDDEFAULTPRT",
                " LUMAP BR1LUS BRANCH1 GENERIC BR1PRTS", " PRTMAP BR1PRTS 10.9.9.9", "ENDVTAM"), "P").config().vtam();
        assertThat(vtam.ipGroups().get("BRANCH1")).containsExactly("10.1.1.0:255.255.255.0", "10.1.2.0/24",
                "10.1.3.1..10.1.3.9");
        assertThat(vtam.luGroups().get("BR1LUS")).containsExactly("BR1LU001..BR1LU010");
        assertThat(vtam.prtGroups().get("BR1PRTS")).containsExactly("BR1PR001..BR1PR010");
        assertThat(vtam.defaultPrts()).containsExactly("PRT00001..PRT00005");
        assertThat(vtam.luMaps()).containsExactly(new VtamConfig.LuMap("BR1LUS", "BRANCH1", "BR1PRTS"));
        assertThat(vtam.prtMaps()).containsExactly(new VtamConfig.PrtMap("BR1PRTS", "10.9.9.9"));
        assertThatThrownBy(() -> ProfileParser.parse("BEGINVTAM\n LUMAP NOGROUP 10.1.1.1\nENDVTAM\n", "P"))
                .hasMessageContaining("LINE 2").hasMessageContaining("LUGROUP NOGROUP, which is not defined before it");
        assertThatThrownBy(() -> ProfileParser.parse("BEGINVTAM\n LUGROUP G A1 ENDLUGROUP\n LUMAP G BRANCH9\nENDVTAM\n",
                "P")).hasMessageContaining("LINE 3").hasMessageContaining("neither an IPGROUP defined before nor an IP");
        assertThatThrownBy(() -> ProfileParser.parse("BEGINVTAM\n IPGROUP G\n  10.1.1.300\n ENDIPGROUP\nENDVTAM\n", "P"))
                .hasMessageContaining("LINE 3").hasMessageContaining("10.1.1.300 is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> ProfileParser.parse("BEGINVTAM\n IPGROUP G 10.1.1.0:255.0.255.0 ENDIPGROUP\nENDVTAM\n",
                "P")).hasMessageContaining("is not a subnet mask");
        assertThatThrownBy(() -> ProfileParser.parse("BEGINVTAM\n LUGROUP G A1\nENDVTAM\n", "P"))
                .hasMessageContaining("LUGROUP has no ENDLUGROUP before ENDVTAM");
    }

    @Test
    void addressPatternsMatchWhatTheySay() throws Exception {
        var subnet = AddressPattern.parse("10.1.1.0:255.255.255.0");
        assertThat(subnet.matches(java.net.InetAddress.getByName("10.1.1.77"))).isTrue();
        assertThat(subnet.matches(java.net.InetAddress.getByName("10.1.2.1"))).isFalse();
        var range = AddressPattern.parse("10.1.3.1..10.1.3.9");
        assertThat(range.matches(java.net.InetAddress.getByName("10.1.3.9"))).isTrue();
        assertThat(range.matches(java.net.InetAddress.getByName("10.1.3.10"))).isFalse();
        var v6 = AddressPattern.parse("2001:db8::/32");
        assertThat(v6.matches(java.net.InetAddress.getByName("2001:db8:1::5"))).isTrue();
        assertThat(v6.matches(java.net.InetAddress.getByName("10.1.3.1"))).isFalse();
    }

    @Test
    void prtinactiveIsPerPort() {
        var ports = ProfileParser.parse("TELNETGLOBALS\n PRTINACTIVE 60\nENDTELNETGLOBALS\nTELNETPARMS\n PORT 23\n"
                + "ENDTELNETPARMS\nTELNETPARMS\n PORT 24\n PRTINACTIVE 5\nENDTELNETPARMS\n", "P").config().ports();
        assertThat(ports.get(0).prtInactiveSeconds()).isEqualTo(60);
        assertThat(ports.get(1).prtInactiveSeconds()).isEqualTo(5);
    }
}

package org.opencs.tn3270.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * TELNETPARMS SMFINIT and SMFTERM (IBM IP Configuration Reference, "SMFINIT statement", "SMFTERM statement":
 * {@code [0 | STD | subtype] [TYPE119 | NOTYPE119]}) decide the port's SMF 119 records; the seed's blocks as printed
 * ({@code SMFinit Typ119}, {@code SMFinit Typell19}) ask for them.
 */
class SmfStatementTest {
    private static TelnetSmf smf(String statements) {
        return ProfileParser.parse("TELNETPARMS\n PORT 23\n" + statements + "\nENDTELNETPARMS\n", "P").config().ports()
                .get(0).smf();
    }

    @Test
    void theSeedsThreeBlocksAskForSessionInitiationAndTerminationRecords() throws Exception {
        String seed;
        try (var in = SmfStatementTest.class.getResourceAsStream("/seed/PROFILE.TCPIP.blocks")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ProfileParser.Result result = ProfileParser.parse(seed, "PROFILE.TCPIP");
        assertThat(result.config().ports()).extracting(TelnetPort::smf)
                .containsOnly(new TelnetSmf(true, true)).hasSize(3);
        assertThat(result.warnings()).filteredOn(w -> w.startsWith("OCST120W")).hasSize(6)
                .contains("OCST120W SMFINIT value Typ119 on line 15 of PROFILE.TCPIP is not IBM's spelling; read as TYPE119",
                        "OCST120W SMFTERM value Typell19 on line 33 of PROFILE.TCPIP is not IBM's spelling; read as "
                                + "TYPE119");
    }

    @Test
    void withoutTheStatementsNoRecordsAreWritten() {
        assertThat(smf("")).isEqualTo(TelnetSmf.NONE);
        assertThat(smf(" SMFINIT 0\n SMFTERM NOTYPE119")).isEqualTo(TelnetSmf.NONE);
    }

    @Test
    void ibmsSpellingsTurnEachRecordOnOrOff() {
        assertThat(smf(" SMFINIT TYPE119")).isEqualTo(new TelnetSmf(true, false));
        assertThat(smf(" SMFTERM type119")).isEqualTo(new TelnetSmf(false, true));
        assertThat(smf(" SMFINIT TYPE119\n SMFINIT NOTYPE119\n SMFTERM 0 TYPE119")).isEqualTo(new TelnetSmf(false, true));
    }

    @Test
    void telnetGlobalsSetsTheDefaultOfEveryPort() {
        var ports = ProfileParser.parse("TELNETGLOBALS\n SMFINIT TYPE119\n SMFTERM TYPE119\nENDTELNETGLOBALS\n"
                + "TELNETPARMS\n PORT 23\nENDTELNETPARMS\nTELNETPARMS\n PORT 24\n SMFTERM NOTYPE119\n SMFINIT STD\n"
                + "ENDTELNETPARMS\n", "P").config().ports();
        assertThat(ports).extracting(TelnetPort::smf).containsExactly(new TelnetSmf(true, true),
                new TelnetSmf(true, false));
    }

    @Test
    void typeOneEighteenRecordsAreAcceptedWithAWarning() {
        var result = ProfileParser.parse("TELNETPARMS\n PORT 23\n SMFINIT STD TYPE119\n SMFTERM 21\nENDTELNETPARMS\n", "P");
        assertThat(result.config().ports().get(0).smf()).isEqualTo(new TelnetSmf(true, false));
        assertThat(result.warnings()).containsExactly(
                "OCST119W SMFINIT STD on line 3 of P asks for SMF type 118 records, which OpenCS does not write; code "
                        + "TYPE119 for type 119 records",
                "OCST119W SMFTERM 21 on line 4 of P asks for SMF type 118 records, which OpenCS does not write; code "
                        + "TYPE119 for type 119 records");
    }

    @Test
    void anUnknownOrMissingValueIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> smf(" SMFINIT YES")).hasMessageContaining("EZZ0318I").hasMessageContaining("LINE 3")
                .hasMessageContaining("SMFINIT YES is not 0, STD, a subtype (1-255), TYPE119 or NOTYPE119");
        assertThatThrownBy(() -> smf(" SMFTERM")).hasMessageContaining("LINE 3")
                .hasMessageContaining("SMFTERM needs 0, STD, a subtype (1-255), TYPE119 or NOTYPE119");
        assertThatThrownBy(() -> smf(" SMFTERM 256")).hasMessageContaining("SMFTERM 256 is not");
        assertThatThrownBy(() -> smf(" SMFTERM TYPE118")).hasMessageContaining("SMFTERM TYPE118 is not");
    }

    /** The last TYPE119 or NOTYPE119 of a statement decides; 0, STD and subtypes never change it. */
    @Property(tries = 200)
    void theLastType119KeywordDecides(@ForAll("values") List<String> values) {
        String line = String.join(" ", values);
        boolean expected = false;
        for (String v : values) {
            if (v.equalsIgnoreCase("TYPE119")) {
                expected = true;
            } else if (v.equalsIgnoreCase("NOTYPE119")) {
                expected = false;
            }
        }
        assertThat(smf(" SMFINIT " + line).init()).isEqualTo(expected);
        assertThat(smf(" SMFTERM " + line).term()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<String>> values() {
        return Arbitraries.of("0", "STD", "1", "255", "TYPE119", "NOTYPE119", "type119", "NoType119").list()
                .ofMinSize(1).ofMaxSize(5);
    }
}

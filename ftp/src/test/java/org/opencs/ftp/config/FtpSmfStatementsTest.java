package org.opencs.ftp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * FTP.DATA's SMF statements decide the server's SMF 119 records (IBM IP Configuration Reference, "SMF (FTP server)
 * statement" and SMFAPPE, SMFDEL, SMFJES, SMFLOGN, SMFREN, SMFRETR, SMFSQL, SMFSTOR; IP Configuration Guide,
 * "Configure the FTP server for SMF").
 */
class FtpSmfStatementsTest {
    private static FtpDataParser.Result parse(String text) {
        return FtpDataParser.parse(text, "FTP.DATA");
    }

    @Test
    void noSmfStatementNoRecord() {
        assertThat(parse("").config().smf()).isEqualTo(FtpSmf.NONE);
        assertThat(FtpSmf.NONE.writes(FtpSmf.Operation.STORE, "SEQ")).isFalse();
    }

    @Test
    void smfType119AsksForEveryRecordOfSequentialRequests() {
        var result = parse("SMF TYPE119");
        FtpSmf smf = result.config().smf();
        assertThat(smf.type119()).containsExactlyInAnyOrder(FtpSmf.Operation.APPEND, FtpSmf.Operation.DELETE,
                FtpSmf.Operation.LOGON_FAILURE, FtpSmf.Operation.RENAME, FtpSmf.Operation.RETRIEVE,
                FtpSmf.Operation.STORE);
        assertThat(smf.writes(FtpSmf.Operation.DAEMON_CONFIG, "SEQ")).as("SMFDCFG is its own statement").isFalse();
        assertThat(smf.writes(FtpSmf.Operation.RETRIEVE, "SEQ")).isTrue();
        assertThat(smf.writes(FtpSmf.Operation.RETRIEVE, "JES")).as("SMFJES not coded").isFalse();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void theSpecificStatementsAskForTheirOwnRecords() {
        FtpSmf smf = parse("SMFRETR TYPE119\nSMFLOGN type119\nSMFJES").config().smf();
        assertThat(smf.type119()).containsExactlyInAnyOrder(FtpSmf.Operation.RETRIEVE, FtpSmf.Operation.LOGON_FAILURE);
        assertThat(smf.writes(FtpSmf.Operation.RETRIEVE, "JES")).isTrue();
        assertThat(smf.writes(FtpSmf.Operation.STORE, "SEQ")).isFalse();
    }

    @Test
    void typeOneEighteenRequestsAreWarnedAndTurnTheRecordOff() {
        var result = parse("SMF TYPE119\nSMFSTOR 71\nSMFDEL");
        assertThat(result.config().smf().type119()).doesNotContain(FtpSmf.Operation.STORE, FtpSmf.Operation.DELETE)
                .contains(FtpSmf.Operation.RETRIEVE);
        assertThat(result.warnings()).containsExactly(
                "OCSF119W SMFSTOR 71 on line 2 of FTP.DATA asks for SMF type 118 records, which OpenCS does not write; "
                        + "code TYPE119 for type 119 records.",
                "OCSF119W SMFDEL on line 3 of FTP.DATA asks for SMF type 118 records, which OpenCS does not write; "
                        + "code TYPE119 for type 119 records.");
    }

    @Test
    void smfExitRemainsWithoutEffect() {
        assertThat(parse("SMFEXIT").warnings()).singleElement().asString().startsWith("OCSF012W");
    }

    @Test
    void smfDcfgType119AsksForTheDaemonConfigurationRecordAndNoType119TurnsItOff() {
        var on = parse("SMFDCFG TYPE119");
        assertThat(on.warnings()).isEmpty();
        assertThat(on.config().smf().writes(FtpSmf.Operation.DAEMON_CONFIG, "SEQ")).isTrue();
        assertThat(parse("SMFDCFG type119\nSMFDCFG NOTYPE119").config().smf().type119()).isEmpty();
        assertThatThrownBy(() -> parse("SMFDCFG STD")).hasMessageContaining("EZYFT46E")
                .hasMessageContaining("line 1 near column 9").hasMessageContaining("SMFDCFG must be TYPE119 or NOTYPE119, not STD");
        assertThatThrownBy(() -> parse("SMFDCFG")).hasMessageContaining("EZYFT46E")
                .hasMessageContaining("line 1 near column 8").hasMessageContaining("SMFDCFG must be TYPE119 or NOTYPE119.");
    }

    @Test
    void aBadValueIsAnErrorWithItsLineAndColumn() {
        assertThatThrownBy(() -> parse("\nSMF   YES")).hasMessageContaining("EZYFT46E")
                .hasMessageContaining("line 2 near column 7").hasMessageContaining("SMF must be STD or TYPE119, not YES");
        assertThatThrownBy(() -> parse("SMFRETR 300")).hasMessageContaining(
                "SMFRETR must be STD, TYPE119 or a subtype from 1 to 255, not 300");
        assertThatThrownBy(() -> parse("SMF TYPE119 STD")).hasMessageContaining("SMF takes one value");
    }

    /** Statements apply in order: the last one naming an operation decides whether its type 119 record is written. */
    @Property(tries = 200)
    void theLastStatementForAnOperationDecides(@ForAll("statements") List<String> lines) {
        Set<FtpSmf.Operation> expected = EnumSet.noneOf(FtpSmf.Operation.class);
        for (String line : lines) {
            String[] parts = line.split(" ");
            Set<FtpSmf.Operation> ops = parts[0].equals("SMF")
                    ? EnumSet.complementOf(EnumSet.of(FtpSmf.Operation.DAEMON_CONFIG)) // SMFDCFG is not set by SMF
                    : EnumSet.of(List.of(FtpSmf.Operation.values()).stream()
                            .filter(o -> o.statement().equals(parts[0])).findFirst().orElseThrow());
            if (parts.length > 1 && parts[1].equals("TYPE119")) {
                expected.addAll(ops);
            } else {
                expected.removeAll(ops);
            }
        }
        assertThat(parse(String.join("\n", lines)).config().smf().type119()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<String>> statements() {
        Arbitrary<String> name = Arbitraries.of("SMF", "SMFAPPE", "SMFDEL", "SMFLOGN", "SMFREN", "SMFRETR", "SMFSTOR");
        Arbitrary<String> value = Arbitraries.of("", " TYPE119", " STD");
        return net.jqwik.api.Combinators.combine(name, value).as((n, v) -> n + v).list().ofMaxSize(8);
    }
}

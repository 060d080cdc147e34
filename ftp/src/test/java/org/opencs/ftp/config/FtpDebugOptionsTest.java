package org.opencs.ftp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;
import org.opencs.testkit.HostileText;

/**
 * FTP.DATA DEBUG and SITE DEBUG='s operands (z/OS Communications Server IP Configuration Reference, "DEBUG (FTP client
 * and server) statement"; IP User's Guide and Commands, "Interpreting FTP client output" for the order z/OS lists
 * active traces in: {@code FLO CMD PAR INT ACC UTL SEC FSC(1) SOC(1) SQL}).
 */
class FtpDebugOptionsTest {
    private static DebugOption parse(String operand) throws DebugOptionException {
        return DebugOptionParser.parse(operand, false);
    }

    @Test
    void everyTraceTypeAndTheGroupsParseInAnyCase() throws Exception {
        for (TraceType type : TraceType.values()) {
            assertThat(parse(type.name().toLowerCase())).isEqualTo(new DebugOption.Trace(type, 1));
        }
        assertThat(parse("FSC(3)")).isEqualTo(new DebugOption.Trace(TraceType.FSC, 3));
        assertThat(parse("soc(8)")).isEqualTo(new DebugOption.Trace(TraceType.SOC, 8));
        assertThat(parse("ALL")).isEqualTo(new DebugOption.All());
        assertThat(parse("bas")).isEqualTo(new DebugOption.Basic());
        assertThat(parse("NONE")).isEqualTo(new DebugOption.None());
        assertThat(DebugOptionParser.parse("?", true)).isEqualTo(new DebugOption.Query());
    }

    @Test
    void badOperandsSayWhyInWords() {
        assertThatThrownBy(() -> parse("FOO")).isInstanceOf(DebugOptionException.class)
                .hasMessage("'FOO' is not a trace type; use FLO, CMD, PAR, INT, ACC, UTL, SEC, FSC(n), SOC(n), JES, SQL,"
                        + " XLA, ALL, BAS or NONE");
        assertThatThrownBy(() -> parse("FSC(9)")).hasMessage("FSC level must be from 1 to 8, not 9");
        assertThatThrownBy(() -> parse("SOC(0)")).hasMessage("SOC level must be from 1 to 8, not 0");
        assertThatThrownBy(() -> parse("CMD(2)")).hasMessage("CMD takes no level: 'CMD(2)'; only FSC and SOC take one");
        assertThatThrownBy(() -> parse("ALL(1)")).hasMessage("ALL takes no level: 'ALL(1)'");
        assertThatThrownBy(() -> parse("?")).hasMessageStartingWith("'?' is not a trace type");
        assertThatThrownBy(() -> parse("FSC(")).hasMessageStartingWith("'FSC(' is not a trace type");
    }

    @Test
    void siteListsTakeParenthesesAndCommas() throws Exception {
        assertThat(DebugOptionParser.parseList("(CMD,ACC)")).containsExactly(new DebugOption.Trace(TraceType.CMD, 1),
                new DebugOption.Trace(TraceType.ACC, 1));
        assertThat(DebugOptionParser.parseList("JES")).containsExactly(new DebugOption.Trace(TraceType.JES, 1));
        assertThat(DebugOptionParser.parseList("")).containsExactly(new DebugOption.Query());
        assertThat(DebugOptionParser.parseList("()")).containsExactly(new DebugOption.Query());
        assertThat(DebugOptionParser.parseList("(?)")).containsExactly(new DebugOption.Query());
        assertThatThrownBy(() -> DebugOptionParser.parseList("(CMD,,ACC)")).hasMessage("the list '(CMD,,ACC)' has an empty operand");
        assertThatThrownBy(() -> DebugOptionParser.parseList("(CMD")).hasMessage("the list '(CMD' has no closing parenthesis");
    }

    @Test
    void activeTracesAreListedAsZosListsThem() throws Exception {
        TraceSet set = TraceSet.NONE.withAll(List.of(parse("ACC"), parse("INT"), parse("FSC")));
        assertThat(set).hasToString("INT ACC FSC(1)"); // IBM's example for DEBUG=(ACC,INT,FSC)
        assertThat(TraceSet.NONE.with(parse("BAS"))).hasToString("CMD INT FSC(1) SOC(1)");
        assertThat(TraceSet.NONE.with(parse("ALL"))).hasToString("FLO CMD PAR INT ACC UTL SEC FSC(1) SOC(1) JES SQL XLA");
        assertThat(TraceSet.NONE.with(parse("ALL")).with(parse("FSC(4)"))).hasToString(
                "FLO CMD PAR INT ACC UTL SEC FSC(4) SOC(1) JES SQL XLA");
        assertThat(set.with(parse("NONE"))).isEqualTo(TraceSet.NONE).hasToString("NONE");
        assertThat(set.with(parse("SEC")).on(TraceType.SEC)).isTrue();
        assertThat(set.on(TraceType.CMD)).isFalse();
        assertThat(set.on(TraceType.FSC, 2)).isFalse();
        assertThat(set.with(parse("FSC(2)")).on(TraceType.FSC, 2)).isTrue();
    }

    @Test
    void ftpDataDebugStatementsAddUpAndNoneResets() {
        FtpDataParser.Result result = FtpDataParser.parse("DEBUG SEC\nDEBUG ACC\n", "FTP.DATA");
        assertThat(result.config().debug()).hasToString("ACC SEC");
        assertThat(result.warnings()).isEmpty(); // DEBUG has an effect now: no OCSF012W
        assertThat(FtpDataParser.parse("DEBUG ACC PAR SEC\n", "F").config().debug()).hasToString("PAR ACC SEC");
        assertThat(FtpDataParser.parse("DEBUG ALL\nDEBUG NONE\nDEBUG CMD\n", "F").config().debug()).hasToString("CMD");
        assertThat(FtpDataParser.parse("DEBUG FSC(2)\nDEBUG SOC(3)\n", "F").config().debug()).hasToString("FSC(2) SOC(3)");
        assertThat(FtpDataParser.parse("EXTENSIONS AUTH_TLS\n", "F").config().debug()).isEqualTo(TraceSet.NONE);
        assertThat(FtpDataParser.parse("DEBUGONSITE TRUE\n", "F").config().debugOnSite()).isTrue();
        assertThat(FtpDataParser.parse("DEBUGONSITE TRUE\n", "F").warnings()).isEmpty();
        assertThat(FtpDataParser.parse("INACTIVE 0\n", "F").config().debugOnSite()).isFalse(); // IBM's default
    }

    @Test
    void badDebugStatementsAreErrorsWithTheirLineAndColumn() {
        assertThatThrownBy(() -> FtpDataParser.parse("INACTIVE 0\n  DEBUG   FOO ; trace\n", "FTP.DATA"))
                .isInstanceOf(ZosException.class)
                .hasMessage("EZYFT46E Error in 'FTP.DATA' file: line 2 near column 11: DEBUG 'FOO' is not a trace type;"
                        + " use FLO, CMD, PAR, INT, ACC, UTL, SEC, FSC(n), SOC(n), JES, SQL, XLA, ALL, BAS or NONE.");
        assertThatThrownBy(() -> FtpDataParser.parse("DEBUG CMD FSC(9)\n", "FTP.DATA"))
                .hasMessage("EZYFT46E Error in 'FTP.DATA' file: line 1 near column 11: DEBUG FSC level must be from 1 to 8,"
                        + " not 9.");
        assertThatThrownBy(() -> FtpDataParser.parse("\nDEBUG\n", "FTP.DATA"))
                .hasMessage("EZYFT46E Error in 'FTP.DATA' file: line 2 near column 6: DEBUG needs a value.");
        assertThatThrownBy(() -> FtpDataParser.parse("DEBUGONSITE MAYBE\n", "FTP.DATA"))
                .hasMessageContaining("line 1 near column 13: DEBUGONSITE must be one of TRUE, FALSE");
    }

    @Test
    void theBatchClientSaysItWritesNoTrace() {
        assertThat(FtpDataParser.parseClient("DEBUG CMD\n", "FTPUSER1").warnings()).containsExactly(
                "OCSF012W Statement DEBUG on line 1 of FTPUSER1 is accepted but has no effect in OpenCS.");
    }

    @Provide
    Arbitrary<DebugOption> options() {
        Arbitrary<DebugOption> plain = Arbitraries.of(TraceType.values()).filter(t -> !t.leveled())
                .map(t -> (DebugOption) new DebugOption.Trace(t, 1));
        Arbitrary<DebugOption> leveled = Combinators.combine(Arbitraries.of(TraceType.FSC, TraceType.SOC),
                Arbitraries.integers().between(1, TraceType.MAX_LEVEL)).as((t, n) -> (DebugOption) new DebugOption.Trace(t, n));
        Arbitrary<DebugOption> groups = Arbitraries.of(new DebugOption.All(), new DebugOption.Basic(),
                new DebugOption.None(), new DebugOption.Query());
        return Arbitraries.oneOf(plain, leveled, groups);
    }

    @Property(tries = 300)
    void siteListsRoundTrip(@ForAll("optionLists") List<DebugOption> options) throws Exception {
        assertThat(DebugOptionParser.parseList(DebugOptionParser.format(options))).isEqualTo(options);
    }

    @Provide
    Arbitrary<List<DebugOption>> optionLists() {
        return options().list().ofMinSize(1).ofMaxSize(8);
    }

    /** The list z/OS shows is itself a DEBUG list that sets the same traces. */
    @Property(tries = 300)
    void activeTracesReadBackAsTheSameSet(@ForAll("optionLists") List<DebugOption> options) throws Exception {
        TraceSet set = TraceSet.NONE.withAll(options);
        List<DebugOption> shown = new ArrayList<>();
        for (String operand : set.toString().split(" ")) {
            shown.add(DebugOptionParser.parse(operand, false));
        }
        assertThat(TraceSet.NONE.withAll(shown)).isEqualTo(set);
    }

    /** NONE anywhere leaves only what follows it; ? changes nothing. */
    @Property(tries = 300)
    void noneResetsAndQueryKeeps(@ForAll("optionLists") List<DebugOption> before, @ForAll("optionLists") List<DebugOption> after) {
        List<DebugOption> all = new ArrayList<>(before);
        all.add(new DebugOption.None());
        all.addAll(after);
        assertThat(TraceSet.NONE.withAll(all)).isEqualTo(TraceSet.NONE.withAll(after));
        TraceSet set = TraceSet.NONE.withAll(before);
        assertThat(set.with(new DebugOption.Query())).isEqualTo(set);
    }

    /** Any text: an operand, or DebugOptionException with a clean message; never another exception. */
    @Property(tries = 500)
    void anyTextParsesOrFailsCleanly(@ForAll("operands") String text) {
        for (boolean list : new boolean[] {false, true}) {
            try {
                if (list) {
                    DebugOptionParser.parseList(text);
                } else {
                    DebugOptionParser.parse(text, true);
                }
            } catch (DebugOptionException e) {
                // The reason goes into an EZYFT46E message or a 200- reply: words only, one line, bounded.
                assertThat(org.opencs.testkit.OperatorLog.violations(List.of(e.getMessage()))).isEmpty();
                assertThat(e.getMessage()).doesNotContainPattern("\\p{Cntrl}").hasSizeLessThanOrEqualTo(300);
            }
        }
    }

    @Provide
    Arbitrary<String> operands() {
        return Arbitraries.oneOf(HostileText.mutationsOf("(CMD,FSC(2),SOC(8),ALL)"), Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("ACDFILMNOPQRSTUX(),?0123456789 ").ofMaxLength(20));
    }
}

package org.opencs.tn3270.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencs.tn3270.config.TelnetDebug.Destination;
import org.opencs.tn3270.config.TelnetDebug.Level;

/**
 * TELNETGLOBALS / TELNETPARMS DEBUG as IBM's IP Configuration Reference ("DEBUG statement", TN3270E Telnet server)
 * has it: DEBUG [CONN] {EXCEPTION|SUMMARY|DETAIL|TRACE} [CONSOLE|JOBLOG|CTRACE], DEBUG TASK / CONFIG in TELNETGLOBALS
 * only, DEBUG OFF; the default is EXCEPTION CONSOLE, TRACE's default destination CTRACE; FULLDATATRACE.
 */
class TelnetDebugStatementTest {
    private static TelnetPort port(String... statements) {
        String profile = "TELNETPARMS\n PORT 23\n " + String.join("\n ", statements) + "\nENDTELNETPARMS\n";
        return ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0);
    }

    @Test
    void theSeedsDebugDetailConsoleIsEveryBlocksSetting() throws Exception {
        String seed;
        try (var in = getClass().getResourceAsStream("/seed/PROFILE.TCPIP.blocks")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ProfileParser.Result result = ProfileParser.parse(seed, "PROFILE.TCPIP");
        assertThat(result.config().ports()).hasSize(3).allSatisfy(p ->
                assertThat(p.debug()).isEqualTo(new TelnetDebug(Level.DETAIL, Destination.CONSOLE, false)));
        // DEBUG is no longer an accepted-without-effect statement, and nothing about it is a warning.
        assertThat(result.warnings()).noneMatch(w -> w.contains("DEBUG"));
    }

    @Test
    void withoutDebugAPortHasIbmsInitialSettingExceptionConsole() {
        assertThat(port().debug()).isEqualTo(TelnetDebug.DEFAULT);
        assertThat(TelnetDebug.DEFAULT.level()).isEqualTo(Level.EXCEPTION);
        assertThat(TelnetDebug.DEFAULT.destination()).isEqualTo(Destination.CONSOLE);
    }

    @Test
    void eachLevelAndDestinationAsWrittenInAnyCase() {
        assertThat(port("Debug detail console").debug()).isEqualTo(new TelnetDebug(Level.DETAIL, Destination.CONSOLE, false));
        assertThat(port("DEBUG CONN SUMMARY JOBLOG").debug().destination()).isEqualTo(Destination.JOBLOG);
        assertThat(port("debug exception").debug()).isEqualTo(TelnetDebug.DEFAULT);
        assertThat(port("DEBUG SUMMARY").debug().destination()).isEqualTo(Destination.CONSOLE);
        // TRACE's default destination is CTRACE (IBM's syntax diagram).
        assertThat(port("DEBUG TRACE").debug()).isEqualTo(new TelnetDebug(Level.TRACE, Destination.CTRACE, false));
        assertThat(port("DEBUG TRACE CONSOLE").debug().destination()).isEqualTo(Destination.CONSOLE);
        assertThat(port("DEBUG OFF").debug().level()).isEqualTo(Level.OFF);
        assertThat(port("DEBUG CONN OFF").debug().level()).isEqualTo(Level.OFF);
        assertThat(port("DEBUG TRACE", "FULLDATATRACE").debug().fullDataTrace()).isTrue();
    }

    @Test
    void levelsIncludeTheOnesBeforeThemAndOffReportsNothing() {
        TelnetDebug detail = new TelnetDebug(Level.DETAIL, Destination.JOBLOG, false);
        assertThat(detail.reports(Level.EXCEPTION)).isTrue();
        assertThat(detail.reports(Level.SUMMARY)).isTrue();
        assertThat(detail.reports(Level.DETAIL)).isTrue();
        assertThat(detail.reports(Level.TRACE)).isFalse();
        TelnetDebug off = new TelnetDebug(Level.OFF, Destination.CONSOLE, false);
        for (Level level : Level.values()) {
            assertThat(off.reports(level)).as("OFF reports %s", level).isFalse();
        }
        assertThat(detail.console()).isFalse();
        assertThat(new TelnetDebug(Level.TRACE, Destination.CTRACE, true).console()).isFalse();
    }

    @Test
    void telnetGlobalsSetsEveryPortAndTelnetParmsOverrides() {
        String profile = String.join("\n", "TELNETGLOBALS", " DEBUG SUMMARY JOBLOG", " DEBUG TASK DETAIL",
                " DEBUG CONFIG TRACE,LUMAP", " FULLDATATRACE", "ENDTELNETGLOBALS", "TELNETPARMS", " PORT 23",
                "ENDTELNETPARMS", "TELNETPARMS", " PORT 992", " DEBUG DETAIL", "ENDTELNETPARMS", "");
        List<TelnetPort> ports = ProfileParser.parse(profile, "P").config().ports();
        assertThat(ports.get(0).debug()).isEqualTo(new TelnetDebug(Level.SUMMARY, Destination.JOBLOG, true));
        assertThat(ports.get(1).debug()).isEqualTo(new TelnetDebug(Level.DETAIL, Destination.CONSOLE, true));
    }

    @Test
    void badDebugStatementsAreErrorsNamingTheirLine() {
        assertThatThrownBy(() -> port("DEBUG")).hasMessageContaining("EZZ0318I").hasMessageContaining("LINE 3")
                .hasMessageContaining("needs a level");
        assertThatThrownBy(() -> port("DEBUG LOUD")).hasMessageContaining("LINE 3")
                .hasMessageContaining("DEBUG level LOUD is not one of EXCEPTION, SUMMARY, DETAIL, TRACE, OFF");
        assertThatThrownBy(() -> port("DEBUG DETAIL PRINTER")).hasMessageContaining("LINE 3")
                .hasMessageContaining("destination PRINTER is not one of CONSOLE, JOBLOG, CTRACE");
        assertThatThrownBy(() -> port("DEBUG DETAIL CONSOLE NOW")).hasMessageContaining("a value too many: NOW");
        assertThatThrownBy(() -> port("DEBUG OFF CONSOLE")).hasMessageContaining("DEBUG OFF takes no destination");
        assertThatThrownBy(() -> port("DEBUG TASK TRACE")).hasMessageContaining("DEBUG TASK level TRACE is not one of "
                + "EXCEPTION, DETAIL, OFF");
        assertThatThrownBy(() -> port("DEBUG CONFIG SUMMARY")).hasMessageContaining("DEBUG CONFIG level SUMMARY");
        // IBM: DEBUG TASK and DEBUG CONFIG can be coded only in TELNETGLOBALS.
        assertThatThrownBy(() -> port("DEBUG TASK DETAIL")).hasMessageContaining("LINE 3")
                .hasMessageContaining("DEBUG TASK may be coded in TELNETGLOBALS only");
    }
}

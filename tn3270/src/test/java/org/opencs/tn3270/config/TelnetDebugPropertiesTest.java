package org.opencs.tn3270.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencs.core.ZosException;

/** Properties of the DEBUG statement parser: a written statement reads back as itself; any other text is an error. */
class TelnetDebugPropertiesTest {
    @Provide
    Arbitrary<DebugStatement> statements() {
        return Arbitraries.of(TelnetDebug.Level.values()).flatMap(level -> Arbitraries.of(TelnetDebug.Destination.values())
                .map(destination -> new DebugStatement(DebugStatement.Type.CONN, level,
                        level == TelnetDebug.Level.OFF ? TelnetDebug.Destination.CTRACE : destination)));
    }

    /** DEBUG [CONN] level destination, in any case, reads back as written; OFF with IBM's default for its level. */
    @Property
    void aWrittenStatementReadsBackAsItself(@ForAll("statements") DebugStatement statement, @ForAll boolean withConn,
                                            @ForAll boolean lower) {
        List<String> words = new ArrayList<>(List.of(statement.text().split(" ")));
        if (!withConn) {
            words.remove(0);
        }
        List<String> written = words.stream().map(w -> lower ? w.toLowerCase(Locale.ROOT) : w).toList();
        DebugStatement read = DebugStatement.parse(written);
        assertThat(read.type()).isEqualTo(DebugStatement.Type.CONN);
        assertThat(read.level()).isEqualTo(statement.level());
        if (statement.level() != TelnetDebug.Level.OFF) {
            assertThat(read.destination()).isEqualTo(statement.destination());
            // In a profile, the port gets exactly this setting.
            TelnetPort port = ProfileParser.parse("TELNETPARMS\n PORT 23\n DEBUG " + String.join(" ", written)
                    + "\nENDTELNETPARMS\n", "P").config().ports().get(0);
            assertThat(port.debug()).isEqualTo(new TelnetDebug(statement.level(), statement.destination(), false));
        }
    }

    /** Whatever follows DEBUG, the profile parser answers with a port or with EZZ0318I naming the line: nothing else. */
    @Property
    void anyValuesGiveASettingOrAnErrorNamingTheLine(@ForAll("words") List<String> values) {
        String profile = "TELNETPARMS\n PORT 23\n DEBUG " + String.join(" ", values) + "\nENDTELNETPARMS\n";
        try {
            TelnetPort port = ProfileParser.parse(profile, "P").config().ports().get(0);
            assertThat(port.debug().level()).isNotNull();
        } catch (ZosException e) {
            assertThat(e.getMessage()).contains("EZZ0318I").contains("LINE 3");
        }
    }

    @Provide
    Arbitrary<List<String>> words() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("CONN", "TASK", "CONFIG", "EXCEPTION", "SUMMARY", "DETAIL", "TRACE", "OFF", "CONSOLE",
                        "JOBLOG", "CTRACE", "trace,lumap", "detail", "Console"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80)
                        .filter(s -> !s.contains(";")));
        return word.list().ofMaxSize(5);
    }
}

package org.opencs.tn3270.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.Ebcdic;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;
import org.opencs.tn3270.client.TerminalBuffer;
import org.opencs.tn3270.datastream.Color;
import org.opencs.tn3270.datastream.DataStream;
import org.opencs.tn3270.datastream.Highlight;
import org.opencs.tn3270.datastream.ScreenSize;

/**
 * The TSO/E logon panel and the primary menu in ISPF's CUA colours (docs/tn3270.md, "Colours of the host
 * applications"), as a colour terminal (SFE) shows them through the client's screen model; a basic terminal's text is
 * the same row for row.
 */
class HostPanelColoursTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final DataStream host = new DataStream(Ebcdic.IBM_1047);
    private final Terminal terminal = new Terminal(new ScreenSize(43, 80));
    private Registry registry;
    private User user1;

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        registry.users().add(User.define("USER1", "USER1", "IBMUSER", registry.passwordHasher().hash("pw".toCharArray()),
                false, false, null, "/u/user1", clock.instant()));
        user1 = registry.users().find("USER1").orElseThrow();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private TerminalBuffer shown(Transaction t, boolean extended) {
        TerminalBuffer screen = new TerminalBuffer(new ScreenSize(43, 80), Ebcdic.IBM_1047);
        screen.write(host.eraseWrite(t.screen(), extended));
        return screen;
    }

    @Test
    void thePrimaryMenuHasIspfsCuaColoursAndTheSameText() {
        PrimaryMenu menu = new PrimaryMenu(HostServices.of(registry), user1, null, terminal);
        TerminalBuffer colour = shown(menu, true);
        TerminalBuffer basic = shown(menu, false);
        assertThat(colour.text()).containsExactly(basic.text());
        assertThat(colour.text()[4]).startsWith("   1  Browse        Data set lists and contents");
        assertThat(colour.text()[12]).startsWith(" User ID . : USER1");
        assertThat(colour.cell(2).color()).as("title").isEqualTo(Color.TURQUOISE);
        assertThat(colour.cell(2 * 80 + 1).color()).as("Option ===>").isEqualTo(Color.GREEN);
        TerminalBuffer.Cell option = colour.cell(2 * 80 + 13);
        assertThat(option.protectedField()).isFalse();
        assertThat(option.color()).isEqualTo(Color.TURQUOISE);
        assertThat(option.highlight()).isEqualTo(Highlight.UNDERSCORE);
        assertThat(colour.cell(4 * 80 + 4).color()).as("choice 1").isEqualTo(Color.WHITE);
        assertThat(colour.cell(4 * 80 + 21).color()).as("its description").isEqualTo(Color.BLUE);
        assertThat(colour.cell(12 * 80 + 13).color()).as("the user ID shown").isEqualTo(Color.TURQUOISE);
        assertThat(basic.cell(2 * 80 + 13).highlight()).as("a basic terminal gets no highlighting")
                .isEqualTo(Highlight.DEFAULT);
    }

    @Test
    void theLogonPanelsEntryFieldsAreTurquoiseAndUnderscored() {
        TsoLogon logon = new TsoLogon(HostServices.of(registry), "TSO", "", null, terminal);
        TerminalBuffer colour = shown(logon, true);
        assertThat(colour.text()).containsExactly(shown(logon, false).text());
        assertThat(colour.text()[5]).startsWith(" Userid    ===>");
        assertThat(colour.cell(5 * 80 + 2).color()).isEqualTo(Color.GREEN);
        for (int address : new int[] {5 * 80 + 16, 7 * 80 + 16, 9 * 80 + 19}) {
            TerminalBuffer.Cell entry = colour.cell(address);
            assertThat(entry.protectedField()).isFalse();
            assertThat(entry.color()).isEqualTo(Color.TURQUOISE);
            assertThat(entry.highlight()).isEqualTo(Highlight.UNDERSCORE);
        }
        assertThat(colour.cell(7 * 80 + 16).hidden()).as("the password stays non-display").isTrue();
        assertThat(colour.cell(22 * 80 + 2).color()).as("PF key line").isEqualTo(Color.BLUE);
    }
}

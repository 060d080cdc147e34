package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;

/** The web terminal's model parameter: 2..5, 2 when absent, OCSW039E (never another exception) otherwise. */
class TerminalModelTest {
    @Test
    void modelsTwoToFiveAndTwoByDefault() {
        assertThat(TerminalModel.parse(null)).isEqualTo(2);
        assertThat(TerminalModel.parse(List.of())).isEqualTo(2);
        assertThat(TerminalModel.parse(List.of(""))).isEqualTo(2);
        assertThat(TerminalModel.parse(List.of("3"))).isEqualTo(3);
        assertThat(TerminalModel.parse(List.of("4"))).isEqualTo(4);
        assertThat(TerminalModel.parse(List.of("5"))).isEqualTo(5);
    }

    @Test
    void otherValuesAreRefusedWithOcsw039e() {
        assertThatThrownBy(() -> TerminalModel.parse(List.of("6"))).hasMessage(
                "OCSW039E The terminal model 6 is not valid: give 2 (24x80), 3 (32x80), 4 (43x80) or 5 (27x132).");
        assertThatThrownBy(() -> TerminalModel.parse(List.of("4", "5"))).hasMessageStartingWith(
                "OCSW039E The terminal model 4,5 is not valid");
        assertThatThrownBy(() -> TerminalModel.parse(List.of("<script>alert(1)</script>xxxxxxxxxxxx")))
                .hasMessageContaining("...");
    }

    @Property(tries = 300)
    void anyValueGivesAModelOrOcsw039e(@ForAll List<String> values) {
        try {
            assertThat(TerminalModel.parse(values)).isBetween(2, 5);
        } catch (ZosException e) {
            assertThat(e.messageId()).isEqualTo("OCSW039E");
        }
    }
}

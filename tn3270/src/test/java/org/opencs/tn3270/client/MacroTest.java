package org.opencs.tn3270.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The PCOMM-style macro file: what a recorded Express Logon macro looks like, and that it reads back the same. */
class MacroTest {
    private static final String SEED_STYLE = String.join("\n", "Description=express logon to TSO", "ElfApplid=tso3090",
            "; recorded by opencs tn3270 --record", "[wait inp inh]", "[home]\")USR.ID([tab]\")PSS.WD([enter]",
            "\"6[enter]", "\"LISTUSER  [enter]", "[pf3]", "");

    @Test
    void aMacroFileReadsIntoStepsAndWritesBackTheSame() {
        Macro macro = Macro.parse(SEED_STYLE);
        assertThat(macro.description()).isEqualTo("express logon to TSO");
        assertThat(macro.elfApplid()).isEqualTo("TSO3090");
        assertThat(macro.steps()).containsExactly(new Macro.WaitInput(), new Macro.Key("home"),
                new Macro.Type(Macro.USER_TOKEN), new Macro.Key("tab"), new Macro.Type(Macro.PASSWORD_TOKEN),
                new Macro.Key("enter"), new Macro.Type("6"), new Macro.Key("enter"), new Macro.Type("LISTUSER  "),
                new Macro.Key("enter"), new Macro.Key("pf3"));
        assertThat(Macro.parse(macro.format())).isEqualTo(macro);
        assertThat(macro.format()).isEqualTo(SEED_STYLE.replace("tso3090", "TSO3090")
                .replace("; recorded by opencs tn3270 --record\n", ""));
    }

    @Test
    void mistakesNameTheirLine() {
        assertThatThrownBy(() -> Macro.parse("Description=x\n[enter]\n[pf25]\n")).hasMessage("macro line 3: unknown key [pf25]");
        assertThatThrownBy(() -> Macro.parse("\"abc[enter\n")).hasMessageContaining("macro line 1: unclosed or unknown");
        assertThatThrownBy(() -> Macro.parse("LOGON TSO\n")).hasMessage("macro line 1: text must start with \" (column 1)");
        assertThat(Macro.parse("").steps()).isEqualTo(List.of());
    }
}

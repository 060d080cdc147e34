package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** IDCAMS's SYSIN: columns 2-72, comments, '-' and '+' continuation, ';', IF/THEN/ELSE and DO/END. */
class IdcamsParserTest {
    @Test
    void continuationCommentsAndSemicolons() {
        List<IdcamsCommand> commands = IdcamsParser.parse(List.of(
                " DELETE (USER1.A -   /* first */",
                "         USER1.B) PURGE; LISTCAT LVL(USER1) ALL",
                "XREPRO IFILE(IN) -",
                "   OFILE(OUT)  SKIP(2) COUNT(3)                                         IGNORED"));
        assertThat(commands).hasSize(3);
        assertThat(commands.get(0)).isEqualTo(new IdcamsCommand.Delete(List.of("USER1.A", "USER1.B"), true,
                List.of(" DELETE (USER1.A -   /* first */", "         USER1.B) PURGE; LISTCAT LVL(USER1) ALL")));
        assertThat(commands.get(1)).isInstanceOf(IdcamsCommand.Listcat.class)
                .extracting(c -> ((IdcamsCommand.Listcat) c).level()).isEqualTo("USER1");
        IdcamsCommand.Repro repro = (IdcamsCommand.Repro) commands.get(2);
        assertThat(repro.in()).isEqualTo(new IdcamsCommand.Source("IN", true));
        assertThat(repro.out()).isEqualTo(new IdcamsCommand.Source("OUT", true));
        assertThat(repro.skip()).isEqualTo(2);
        assertThat(repro.count()).isEqualTo(3);
    }

    @Test
    void ifThenElseAndDoGroups() {
        List<IdcamsCommand> commands = IdcamsParser.parse(List.of(
                " IF MAXCC >= 8 THEN DO",
                "   SET MAXCC = 0",
                "   DELETE X.Y",
                " END",
                " ELSE -",
                "   PRINT INDATASET('A.B(MEM)') CHAR"));
        assertThat(commands).hasSize(1);
        IdcamsCommand.If test = (IdcamsCommand.If) commands.get(0);
        assertThat(test.condition()).isEqualTo(new IdcamsCommand.Condition(true, ">=", 8));
        assertThat(test.then()).hasSize(2);
        assertThat(test.otherwise()).singleElement().isEqualTo(new IdcamsCommand.Print(
                new IdcamsCommand.Source("A.B(MEM)", false), IdcamsCommand.Format.CHARACTER, 0, Integer.MAX_VALUE, List.of()));
    }

    @Test
    void refusals() {
        assertThat(IdcamsParser.parse(List.of(" PRINT INFILE(A) SKIP(X)", " IF LASTCC THEN SET MAXCC=0", " END")))
                .allMatch(c -> c instanceof IdcamsCommand.Invalid);
    }

    /** However the words are split across continued records, the command reads the same. */
    @Property
    void continuationDoesNotChangeTheCommand(@ForAll @IntRange(min = 1, max = 3) int perLine,
                                             @ForAll @StringLength(min = 1, max = 8) @net.jqwik.api.constraints.AlphaChars String suffix) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            names.add("USER1.N" + i + ".A" + suffix.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "X"));
        }
        List<String> records = new ArrayList<>();
        StringBuilder line = new StringBuilder(" DELETE (");
        for (int i = 0; i < names.size(); i++) {
            line.append(names.get(i)).append(' ');
            if ((i + 1) % perLine == 0 && i < names.size() - 1) {
                records.add(line.append('-').toString());
                line = new StringBuilder("   ");
            }
        }
        records.add(line.append(") PURGE").toString());
        IdcamsCommand.Delete delete = (IdcamsCommand.Delete) IdcamsParser.parse(records).get(0);
        assertThat(delete.entries()).isEqualTo(names);
        assertThat(delete.purge()).isTrue();
    }
}

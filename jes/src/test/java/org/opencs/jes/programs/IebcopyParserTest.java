package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencs.jes.programs.IebcopyStatement.Input;
import org.opencs.jes.programs.IebcopyStatement.MemberSpec;

/** IEBCOPY's SYSIN (z/OS DFSMSdfp Utilities, "IEBCOPY Program", COPY, SELECT, EXCLUDE and continuation rules). */
class IebcopyParserTest {
    private static String col72(String text) {
        return String.format("%-71sX", text);
    }

    @Test
    void copyWithSeveralInputsReplaceAndSelect() {
        List<IebcopyStatement> statements = IebcopyParser.parse(List.of(
                "COPY1    COPY  OUTDD=OUT,INDD=(IN1,(IN2,R))     MERGE TWO LIBRARIES",
                "         SELECT MEMBER=(A,(B,C),(D,,R),(E,F,R))",
                "* a comment",
                "         INDD=IN3",
                "         E M=X",
                "         MEMBER=(Y,Z)"));
        assertThat(statements).hasSize(5);
        assertThat(statements.get(0)).isEqualTo(new IebcopyStatement.Copy("OUT",
                List.of(new Input("IN1", false), new Input("IN2", true)),
                List.of("COPY1    COPY  OUTDD=OUT,INDD=(IN1,(IN2,R))     MERGE TWO LIBRARIES")));
        assertThat(((IebcopyStatement.Select) statements.get(1)).members()).containsExactly(
                new MemberSpec("A", null, false), new MemberSpec("B", "C", false), new MemberSpec("D", null, true),
                new MemberSpec("E", "F", true));
        assertThat(statements.get(2)).isEqualTo(new IebcopyStatement.InputDds(List.of(new Input("IN3", false)),
                List.of("* a comment", "         INDD=IN3")));
        assertThat(((IebcopyStatement.Exclude) statements.get(3)).members()).containsExactly("X");
        assertThat(((IebcopyStatement.Exclude) statements.get(4)).members()).containsExactly("Y", "Z");
    }

    @Test
    void generatedStatementFormsAndAbbreviations() {
        assertThat(IebcopyParser.parse(List.of(" COPY OUTDD=SYSUT2,INDD=(SYSUT1,R)")).get(0))
                .isEqualTo(new IebcopyStatement.Copy("SYSUT2", List.of(new Input("SYSUT1", true)),
                        List.of(" COPY OUTDD=SYSUT2,INDD=(SYSUT1,R)")));
        assertThat(IebcopyParser.parse(List.of(" C O=B,I=A,LIST=NO")).get(0))
                .isEqualTo(new IebcopyStatement.Copy("B", List.of(new Input("A", false)), List.of(" C O=B,I=A,LIST=NO")));
    }

    @Test
    void continuationInColumn72AndAfterAComma() {
        List<IebcopyStatement> statements = IebcopyParser.parse(List.of(
                col72("  COPY OUTDD=OUT,"),
                "               INDD=IN                                                         00010000",
                "  SELECT MEMBER=(A,",
                "                 B)"));
        assertThat(statements.get(0)).isInstanceOf(IebcopyStatement.Copy.class)
                .extracting(s -> ((IebcopyStatement.Copy) s).inputs()).isEqualTo(List.of(new Input("IN", false)));
        assertThat(statements.get(0).echo()).hasSize(2);
        assertThat(((IebcopyStatement.Select) statements.get(1)).members()).extracting(MemberSpec::name)
                .containsExactly("A", "B");
    }

    @Test
    void refusals() {
        assertThat(IebcopyParser.parse(List.of(
                " COPY INDD=IN",
                " COPY OUTDD=OUT,INDD=(IN",
                " SELECT MEMBER=(TOOLONGNAME)",
                " MEMBER=A",
                " COPYMOD OUTDD=X,INDD=Y",
                " FROB X=Y",
                " SELECT MEMBER=((A*,B))")))
                .allSatisfy(s -> assertThat(s).isInstanceOf(IebcopyStatement.Invalid.class)
                        .extracting(i -> ((IebcopyStatement.Invalid) i).message()).asString().startsWith("OCS0510E"));
    }

    @Test
    void wildcards() {
        MemberSpec spec = ((IebcopyStatement.Select) IebcopyParser.parse(List.of(" S M=(PAY*,A%C)")).get(0)).members().get(0);
        assertThat(spec.matches("PAYROLL")).isTrue();
        assertThat(spec.matches("XPAY")).isFalse();
    }

    /** However the member list is split over records continued in column 72, the SELECT reads the same. */
    @Property
    void continuationDoesNotChangeTheSelection(@ForAll @IntRange(min = 1, max = 4) int perRecord,
                                               @ForAll @IntRange(min = 1, max = 12) int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("MEM" + i);
        }
        List<String> records = new ArrayList<>();
        StringBuilder line = new StringBuilder("  SELECT MEMBER=(");
        for (int i = 0; i < count; i++) {
            line.append(names.get(i)).append(i < count - 1 ? "," : ")");
            if ((i + 1) % perRecord == 0 && i < count - 1) {
                records.add(col72(line.toString()));
                line = new StringBuilder("                ");
            }
        }
        records.add(line.toString());
        List<IebcopyStatement> statements = IebcopyParser.parse(records);
        assertThat(statements).hasSize(1);
        assertThat(((IebcopyStatement.Select) statements.get(0)).members()).extracting(MemberSpec::name).isEqualTo(names);
    }
}

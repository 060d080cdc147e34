package org.opencs.tso.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.opencs.core.ZosException;

class CommandParserTest {
    static final String SEED_JOB = String.join("\n",
            "//ALFREDCI JOB 1,ALFRED,CLASS=A,MSGCLASS=X,NOTIFY=USER1",
            "/**",
            "//IEFPROC EXEC PGM=IKJEFT01,REGION=4M,DYNAMNBR=10",
            "//SYSTSIN DD *",
            "RACDCERT CERTAUTH GENCERT +",
            "  SUBJECTSDN(CN('ABC CA')) +",
            "  OU('CS Z/OS CA') +",
            "  O('IBM') +",
            "  C('US')) +",
            "  NOTBEFORE(DATE(2004-01-01)) +",
            "  NOTAFTER(DATE(2010-12-31)) +",
            "  WITHLABEL('ABC CA')",
            "RACDCERT ID(TCPSC) CONNECT(LABEL('ABC TCPSEV')) +",
            "  RING(TCPRING) DEFAULT)",
            "/* a comment line */",
            "SETROPTS CLASSACT(PTKTDATA) /* trailing comment */",
            "/**");

    @Test
    void readsTheSeedsJobWithContinuationsCommentsAndJcl() {
        List<SystsinReader.Line> lines = SystsinReader.commands(SEED_JOB);
        assertThat(lines).extracting(SystsinReader.Line::text).containsExactly(
                "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('ABC CA')) OU('CS Z/OS CA') O('IBM') C('US')) "
                        + "NOTBEFORE(DATE(2004-01-01)) NOTAFTER(DATE(2010-12-31)) WITHLABEL('ABC CA')",
                "RACDCERT ID(TCPSC) CONNECT(LABEL('ABC TCPSEV')) RING(TCPRING) DEFAULT)",
                "SETROPTS CLASSACT(PTKTDATA)");
        assertThat(lines.get(0).number()).isEqualTo(5);
    }

    @Test
    void minusContinuationKeepsLeadingBlanks() {
        assertThat(SystsinReader.commands("ALU X NAME('A -\n  B')").get(0).text()).isEqualTo("ALU X NAME('A   B')");
        assertThat(SystsinReader.commands("ALU X NAME('AB+\n   CD')").get(0).text()).isEqualTo("ALU X NAME('ABCD')");
    }

    @Test
    void parsesKeywordsNestingQuotesAndStrayParentheses() {
        TsoCommand command = CommandParser.parse(SystsinReader.commands(SEED_JOB).get(0).text());
        assertThat(command.name()).isEqualTo("RACDCERT");
        assertThat(command.operands().get(0)).isEqualTo(new Operand.Word("CERTAUTH", false));
        assertThat(command.operands().get(2)).isEqualTo(new Operand.Keyword("SUBJECTSDN",
                List.of(new Operand.Keyword("CN", List.of(new Operand.Word("ABC CA", true))))));
        assertThat(command.warnings()).hasSize(1).first().asString().contains("closes nothing");
        TsoCommand quoted = CommandParser.parse("ALU X NAME('O''Brien, Pat'),SPECIAL EXPORT (LABEL('A'))");
        assertThat(quoted.operands()).containsExactly(new Operand.Word("X", false),
                new Operand.Keyword("NAME", List.of(new Operand.Word("O'Brien, Pat", true))),
                new Operand.Word("SPECIAL", false),
                new Operand.Keyword("EXPORT", List.of(new Operand.Keyword("LABEL", List.of(new Operand.Word("A", true))))));
    }

    @Test
    void malformedCommandsGiveTsoMessages() {
        assertThatThrownBy(() -> CommandParser.parse("ALU X NAME('abc")).hasMessageContaining("IKJ56702I").hasMessageContaining("QUOTE");
        assertThat(CommandParser.parse("ALU X NAME(abc").operands().get(1))
                .as("TSO supplies right parentheses missing at the end")
                .isEqualTo(new Operand.Keyword("NAME", List.of(new Operand.Word("abc", false))));
        assertThatThrownBy(() -> CommandParser.parse("   ")).hasMessageContaining("IKJ56500I");
    }

    @Test
    void keywordsMayBeAbbreviatedToAUniquePrefix() {
        Operands operands = Operands.of(CommandParser.parse("AU USER1 NA('X') PASSW(abc12345) SPEC").operands(),
                Set.of("NAME", "PASSWORD", "NOPASSWORD", "SPECIAL", "NOSPECIAL"), 1);
        assertThat(operands.positionalWords()).containsExactly("USER1");
        assertThat(operands.value("NAME")).hasValue("X");
        assertThat(operands.value("PASSWORD")).hasValue("abc12345");
        assertThat(operands.has("SPECIAL")).isTrue();
        assertThat(org.opencs.tso.SecretMasker.mask("AU USER1 PASSW(abc12345) SSIGNON(KEYMASKED(E001193519561977)) NAME('x')"))
                .isEqualTo("AU USER1 PASSW(********) SSIGNON(KEYMASKED(********)) NAME('x')");
        assertThatThrownBy(() -> Operands.of(CommandParser.parse("AU U NO").operands(),
                Set.of("NOPASSWORD", "NOSPECIAL"), 1)).hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> Operands.of(CommandParser.parse("AU U BOGUS(1)").operands(), Set.of("NAME"), 1))
                .hasMessageContaining("IKJ56712I INVALID KEYWORD, BOGUS");
        assertThatThrownBy(() -> Operands.of(CommandParser.parse("AU U NAME(A) NAME(B)").operands(), Set.of("NAME"), 1))
                .hasMessageContaining("DUPLICATE KEYWORD NAME");
    }

    @Provide
    Arbitrary<String> commandish() {
        return Arbitraries.strings().withChars("ABCXYZ()',+-/* \t\n=.019").ofMaxLength(80)
                .map(s -> "RDEFINE " + s);
    }

    @Property(tries = 500)
    void noInputCrashesTheParser(@ForAll("commandish") String input) {
        for (SystsinReader.Line line : SystsinReader.commands(input)) {
            try {
                TsoCommand command = CommandParser.parse(line.text());
                Operands.of(command.operands(), Set.of("UACC", "APPLDATA", "SSIGNON"), 2);
            } catch (ZosException expected) {
                assertThat(expected.messageId()).startsWith("IKJ");
            }
        }
    }
}

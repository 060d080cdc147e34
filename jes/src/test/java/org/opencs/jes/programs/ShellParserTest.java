package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.opencs.jes.programs.ShellScript.Connector;
import org.opencs.jes.programs.ShellScript.Part;
import org.opencs.jes.programs.ShellScript.Redirect;
import org.opencs.jes.programs.ShellScript.RedirectKind;
import org.opencs.jes.programs.ShellScript.Simple;
import org.opencs.jes.programs.ShellScript.Step;
import org.opencs.jes.programs.ShellScript.Word;

/** The BPXBATCH shell's grammar: lists, quoting, redirections and what it refuses (z/OS UNIX Command Reference, sh). */
class ShellParserTest {
    private static Word plain(String text) {
        return new Word(List.of(new Part(text, true)));
    }

    @Test
    void listsQuotingAndRedirections() {
        ShellScript script = ShellParser.parse("echo 'a $b' \"c $HOME\"x >> out.txt && cat <in ; ls -l\nfalse || exit 3");
        assertThat(script).isEqualTo(new ShellScript.Commands(List.of(
                new Step(Connector.SEQUENCE, new Simple(List.of(plain("echo"), new Word(List.of(new Part("a $b", false))),
                        new Word(List.of(new Part("c $HOME", true), new Part("x", true)))),
                        List.of(new Redirect(RedirectKind.APPEND, plain("out.txt"))))),
                new Step(Connector.AND, new Simple(List.of(plain("cat")), List.of(new Redirect(RedirectKind.INPUT, plain("in"))))),
                new Step(Connector.SEQUENCE, new Simple(List.of(plain("ls"), plain("-l")), List.of())),
                new Step(Connector.SEQUENCE, new Simple(List.of(plain("false")), List.of())),
                new Step(Connector.OR, new Simple(List.of(plain("exit"), plain("3")), List.of())))));
    }

    @Test
    void commentsEscapesAndEmptyWords() {
        ShellScript script = ShellParser.parse("# nothing\necho \\$x \"\" # trailing");
        Simple echo = ((ShellScript.Commands) script).steps().get(0).command();
        assertThat(echo.words()).hasSize(3);
        assertThat(echo.words().get(1)).isEqualTo(new Word(List.of(new Part("$", false), new Part("x", true))));
        assertThat(echo.words().get(2).parts()).extracting(Part::text).containsExactly("", "");
    }

    @Test
    void refusals() {
        for (String line : List.of("echo a | wc", "sleep 5 &", "echo $(id)", "echo `id`", "if true; then echo; fi", "; ls",
                "ls &&", "echo 'open", "echo \"open", "> x", "ls && && ls", "(ls)")) {
            assertThat(ShellParser.parse(line)).as(line).isInstanceOfSatisfying(ShellScript.SyntaxError.class,
                    e -> assertThat(e.message()).startsWith("FSUM7332 syntax error"));
        }
    }

    /** A word of letters in single quotes is read back as exactly that text, unexpanded. */
    @Property
    void singleQuotesKeepTheirText(@ForAll @StringLength(min = 0, max = 20) String text) {
        String quoted = text.replace("'", "");
        ShellScript script = ShellParser.parse("echo '" + quoted + "'");
        Simple echo = ((ShellScript.Commands) script).steps().get(0).command();
        assertThat(echo.words().get(1)).isEqualTo(new Word(List.of(new Part(quoted, false))));
    }

    /** Commands joined by ';' keep their number and order. */
    @Property
    void sequencesKeepTheirCommands(@ForAll List<@AlphaChars @StringLength(min = 1, max = 6) String> names) {
        // "cmd" first: never a reserved word (a bare "c" prefix made "case" from "ase", jqwik seed 3748048558428988961)
        names = names.stream().map(n -> "cmd" + n).toList();
        ShellScript script = ShellParser.parse(String.join(" ; ", names));
        assertThat(((ShellScript.Commands) script).steps()).extracting(s -> s.command().words().get(0).parts().get(0).text())
                .isEqualTo(names);
    }
}

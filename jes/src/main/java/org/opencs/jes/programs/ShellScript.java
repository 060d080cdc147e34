package org.opencs.jes.programs;

import java.util.List;

/**
 * A command line of the BPXBATCH shell as {@link ShellParser} reads it: a list of simple commands joined by
 * {@code ;} (or a new line), {@code &&} and {@code ||}, each with its words and redirections; or the syntax error that
 * kept it from being read. Words keep their quoting so that {@code $VAR} is expanded only where sh expands it.
 */
public sealed interface ShellScript {
    /** A piece of a word: text from outside quotes or inside double quotes ({@code expand}), or single-quoted text. */
    record Part(String text, boolean expand) {
    }

    /** One word: its parts as written, e.g. {@code a"$HOME"'$x'} is three parts. */
    record Word(List<Part> parts) {
    }

    /** The redirections the shell supports. */
    enum RedirectKind { OUTPUT, APPEND, INPUT }

    /** {@code > word}, {@code >> word}, {@code < word}. */
    record Redirect(RedirectKind kind, Word target) {
    }

    /** A command name with its arguments, and its redirections. */
    record Simple(List<Word> words, List<Redirect> redirects) {
    }

    /** How a command joins the one before it: always ({@code ;}), only after success ({@code &&}) or failure ({@code ||}). */
    enum Connector { SEQUENCE, AND, OR }

    /** A command and its connector to the previous one (SEQUENCE for the first). */
    record Step(Connector connector, Simple command) {
    }

    /** The commands, in order. */
    record Commands(List<Step> steps) implements ShellScript {
    }

    /** A line the shell cannot read: the message (sh prints it, and the exit status is 2). */
    record SyntaxError(String message) implements ShellScript {
    }
}

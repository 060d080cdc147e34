package org.opencs.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A z/OS UNIX file tag as {@code chtag} sets it and {@code ls -T} shows it: the coded character set of the file's text
 * ({@code IBM-1047}, {@code ISO8859-1} ...) and whether the file is text ({@code t ISO8859-1 T=on}) or binary
 * ({@code b binary T=off}). An untagged file has no tag at all (z/OS UNIX System Services Command Reference, chtag
 * and ls -T).
 *
 * @param codeSet the code set name in z/OS spelling, or {@code binary}
 * @param text    the text flag (T=on): the file holds text in {@code codeSet}
 */
public record FileTag(String codeSet, boolean text) {
    /** A text tag: {@code t <codeSet> T=on}. */
    public static FileTag text(String codeSet) {
        return new FileTag(codeSet.toUpperCase(Locale.ROOT), true);
    }

    /** The {@code ls -T} form: {@code t ISO8859-1 T=on}, {@code b binary T=off}. */
    public String format() {
        return (text ? "t " : "b ") + codeSet + (text ? " T=on" : " T=off");
    }

    /** Reads the {@link #format()} form back; anything else is no tag. */
    public static Optional<FileTag> parse(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 3 || !(parts[0].equals("t") || parts[0].equals("b") || parts[0].equals("m"))) {
            return Optional.empty();
        }
        return Optional.of(new FileTag(parts[1], parts[2].equalsIgnoreCase("T=on")));
    }

    /** The code page of a text tag, when Java knows it as a single-byte code page. */
    public Optional<CodePage> codePage() {
        return text ? CodePage.find(codeSet) : Optional.empty();
    }
}

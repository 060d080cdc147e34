package org.opencs.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import java.util.Optional;

/**
 * A single-byte code page by its z/OS name ({@code IBM-1047}, {@code ISO8859-1}, {@code IBM-037} ...), as SBDATACONN,
 * file tags and iconv name them, with the two things text conversion needs: what each byte means inside a line, and
 * the byte that ends a line in a file of this code page.
 *
 * <p>Lines: in EBCDIC files the new-line character NL x'15' ends a line (z/OS UNIX text files, TYPE E records); in
 * ASCII files LF x'0A' does. Inside a line EBCDIC x'25' is LF and x'15' is NEL, as CCSID 1047 defines them, so a bare
 * LF taken from the network stays a character in its line (x'25') instead of ending it. (Java's own IBM1047 charset
 * swaps the two, as z/OS UNIX's iconv does; only the line end is taken from that convention.)
 */
public final class CodePage {
    /** z/OS UNIX's and the data sets' EBCDIC code page. */
    public static final CodePage IBM_1047 = find("IBM-1047").orElseThrow();
    /** z/OS's default network transfer code page for SBCS data (SBDATACONN). */
    public static final CodePage ISO8859_1 = find("ISO8859-1").orElseThrow();

    private static final byte EBCDIC_NL = 0x15;
    private static final byte EBCDIC_LF = 0x25;

    private final String name;
    private final boolean ebcdic;
    private final char[] decode = new char[256];
    private final java.util.Map<Character, Byte> encode = new java.util.HashMap<>();

    private CodePage(String name, Charset charset) {
        this.name = name;
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\uFFFD");
        for (int b = 255; b >= 0; b--) {
            char c;
            try {
                CharBuffer one = decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                c = one.length() == 1 ? one.charAt(0) : '\uFFFD';
            } catch (CharacterCodingException e) {
                c = '\uFFFD';
            }
            decode[b] = c;
        }
        this.ebcdic = decode[0xC1] == 'A';
        if (ebcdic) {
            decode[EBCDIC_LF] = '\n';
            decode[EBCDIC_NL] = '\u0085';
        }
        for (int b = 255; b >= 0; b--) {
            if (decode[b] != '\uFFFD') {
                encode.put(decode[b], (byte) b);
            }
        }
    }

    /**
     * The code page a z/OS name (or a Java charset name) stands for, when Java knows it and it is single-byte; empty
     * otherwise (SBDATACONN and file tags name single-byte code pages).
     */
    public static Optional<CodePage> find(String zosName) {
        String n = zosName.trim().toUpperCase(Locale.ROOT);
        String java = n.startsWith("ISO8859-") ? "ISO-8859-" + n.substring(8)
                : n.matches("IBM-0*\\d+") ? "IBM" + n.substring(4).replaceFirst("^0+(?=\\d{3})", "") : n;
        try {
            Charset charset = Charset.forName(java);
            if (charset.newEncoder().maxBytesPerChar() != 1.0f) {
                return Optional.empty();
            }
            return Optional.of(new CodePage(n, charset));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The z/OS name, as given ({@code IBM-1047}). */
    public String name() {
        return name;
    }

    public boolean ebcdic() {
        return ebcdic;
    }

    /** The byte that ends a line in a file of this code page: NL x'15' in EBCDIC, LF x'0A' in ASCII. */
    public byte newLine() {
        return ebcdic ? EBCDIC_NL : (byte) '\n';
    }

    /** The byte put for a character this code page lacks (SUB: x'3F' in EBCDIC, x'1A' in ASCII). */
    public byte substitute() {
        return ebcdic ? (byte) 0x3F : (byte) 0x1A;
    }

    /** The character a byte stands for inside a line. */
    public char decode(byte b) {
        return decode[b & 0xFF];
    }

    /** The byte for a character inside a line, or {@link #substitute()}. */
    public byte encode(char c) {
        Byte b = encode.get(c);
        return b == null ? substitute() : b;
    }

    /** 256 bytes: what each byte of {@code from} becomes in {@code to}, character for character (not line ends). */
    public static byte[] translation(CodePage from, CodePage to) {
        byte[] table = new byte[256];
        for (int b = 0; b < 256; b++) {
            table[b] = to.encode(from.decode((byte) b));
        }
        return table;
    }

    /** Text with '\n' line ends as a file of this code page (each '\n' the code page's line end). */
    public byte[] encodeText(String text) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out[i] = c == '\n' ? newLine() : encode(c);
        }
        return out;
    }

    /** A file of this code page as text with '\n' line ends. */
    public String decodeText(byte[] bytes) {
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] == newLine() ? '\n' : decode(bytes[i]);
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodePage other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}

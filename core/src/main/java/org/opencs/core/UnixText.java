package org.opencs.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one rule for text in z/OS UNIX files, used by every OpenCS component that reads or writes them (the FTP server,
 * TSO OGET/OPUT, gskkyman, the batch FTP client): a file tagged as text ({@link FileTag}, {@code chtag -tc}) holds text
 * in its tag's code page; an untagged file holds IBM-1047 (EBCDIC) with NL x'15' ending each line, as z/OS stores text
 * (IBM z/OS IP Configuration Guide, "ASCII file transfers"; z/OS UNIX files are EBCDIC unless tagged otherwise).
 */
public final class UnixText {
    private UnixText() {
    }

    /** The code page of a file's text: its tag's, or IBM-1047 when untagged (or tagged with a code page unknown here). */
    public static CodePage codePage(Path file) {
        return UnixFileTags.read(file).flatMap(FileTag::codePage).orElse(CodePage.IBM_1047);
    }

    /** A text file as a string with '\n' line ends, decoded by its tag (IBM-1047 when untagged). */
    public static String read(Path file) throws IOException {
        return codePage(file).decodeText(java.nio.file.Files.readAllBytes(file));
    }

    /** Writes text ('\n' line ends) as an untagged IBM-1047 file, the way z/OS programs write text by default. */
    public static void write(Path file, String text) throws IOException {
        AtomicFiles.write(file, CodePage.IBM_1047.encodeText(text), false);
        UnixFileTags.remove(file);
    }

    /**
     * The bytes of a file that may hold Base64 text (PEM certificates, requests) or binary DER, for a reader that takes
     * either: text by the file's tag, or, untagged, as what it is (an EBCDIC PEM file is recognised by its
     * {@code -----BEGIN} line in IBM-1047), returned in ASCII; binary content as it is.
     */
    public static byte[] readPemOrBinary(Path file) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        Optional<CodePage> tagged = UnixFileTags.read(file).flatMap(FileTag::codePage);
        if (tagged.isPresent()) {
            return tagged.get().decodeText(bytes).getBytes(StandardCharsets.ISO_8859_1);
        }
        return ebcdicPem(bytes) ? CodePage.IBM_1047.decodeText(bytes).getBytes(StandardCharsets.ISO_8859_1) : bytes;
    }

    /**
     * Text that may have been written on z/OS's terms or edited on the host (a BANNER or LOGINMSG file, a local file
     * of the batch FTP client): by its tag when tagged; untagged, as IBM-1047 when it reads as EBCDIC text (no byte
     * below x'40' but HT x'05', CR x'0D', NL x'15' and LF x'25'), else as the host's UTF-8.
     */
    public static String readAnyText(Path file) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        Optional<CodePage> tagged = UnixFileTags.read(file).flatMap(FileTag::codePage);
        if (tagged.isPresent()) {
            return tagged.get().decodeText(bytes);
        }
        return !asciiText(bytes) && ebcdicText(bytes) ? CodePage.IBM_1047.decodeText(bytes)
                : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether the bytes read as EBCDIC text: no byte below x'40' but HT, CR, NL and LF. */
    static boolean ebcdicText(byte[] data) {
        for (byte b : data) {
            int u = b & 0xFF;
            if (u < 0x40 && u != 0x05 && u != 0x0D && u != 0x15 && u != 0x25) {
                return false;
            }
        }
        return data.length > 0;
    }

    /** Whether the bytes are PEM text in EBCDIC: they hold "-----BEGIN" encoded in IBM-1047. */
    public static boolean ebcdicPem(byte[] bytes) {
        byte[] begin = CodePage.IBM_1047.encodeText("-----BEGIN");
        outer:
        for (int i = 0; i + begin.length <= Math.min(bytes.length, 4096); i++) {
            for (int j = 0; j < begin.length; j++) {
                if (bytes[i + j] != begin[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Writes an export (a certificate, request or key file) as its producer made it: Base64 text stays ASCII and is
     * tagged {@code t ISO8859-1} so z/OS readers (FTP TYPE A, OPUT TEXT) convert it by its tag, as z/OS does for a
     * tagged file; binary content (DER, PKCS #12) is written untagged, byte for byte.
     */
    public static void writeExport(Path file, byte[] data, boolean ownerOnly) throws IOException {
        AtomicFiles.write(file, data, ownerOnly);
        if (asciiText(data)) {
            UnixFileTags.write(file, FileTag.text("ISO8859-1"));
        }
    }

    /** Whether the bytes are printable ASCII lines (tab, CR, LF and x'20'-x'7E' only). */
    static boolean asciiText(byte[] data) {
        for (byte b : data) {
            if (!(b == '\t' || b == '\n' || b == '\r' || (b >= 0x20 && b < 0x7F))) {
                return false;
            }
        }
        return data.length > 0;
    }
}

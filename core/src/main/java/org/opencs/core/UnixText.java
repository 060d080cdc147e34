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

    /** Writes ASCII text (a PEM export) as it is and tags it {@code t ISO8859-1}, so z/OS readers convert it by tag. */
    public static void writeTaggedAscii(Path file, byte[] ascii, boolean ownerOnly) throws IOException {
        AtomicFiles.write(file, ascii, ownerOnly);
        UnixFileTags.write(file, FileTag.text("ISO8859-1"));
    }
}

package org.opencs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code pages, file tags and the rule for z/OS UNIX text files (untagged = IBM-1047, NL x'15' ending each line). */
class UnixTextTest {
    @TempDir
    Path dir;

    @Test
    void ibm1047TextEndsLinesWithNlAndKeepsLfInsideALineAsX25() {
        assertThat(HexFormat.of().formatHex(CodePage.IBM_1047.encodeText("Hello\n"))).isEqualTo("c88593939615");
        assertThat(CodePage.IBM_1047.encode('\n')).isEqualTo((byte) 0x25);
        assertThat(CodePage.IBM_1047.decode((byte) 0x25)).isEqualTo('\n');
        assertThat(CodePage.IBM_1047.newLine()).isEqualTo((byte) 0x15);
        assertThat(CodePage.ISO8859_1.newLine()).isEqualTo((byte) '\n');
        assertThat(CodePage.find("IBM-037")).map(CodePage::ebcdic).contains(true);
        assertThat(CodePage.find("iso8859-15")).map(CodePage::name).contains("ISO8859-15");
        assertThat(CodePage.find("UTF-8")).isEmpty();
        assertThat(CodePage.find("NO-SUCH-PAGE")).isEmpty();
        byte[] table = CodePage.translation(CodePage.ISO8859_1, CodePage.IBM_1047);
        assertThat(table['A']).isEqualTo((byte) 0xC1);
        assertThat(table['\n']).isEqualTo((byte) 0x25);
        assertThat(table['[']).isEqualTo((byte) 0xAD);
    }

    @Property(tries = 200)
    void textRoundTripsThroughEveryCodePage(@ForAll @CharRange(from = 0, to = 0x84) String low,
                                            @ForAll @CharRange(from = 0x86, to = 0xFF) String high) {
        String text = low + high;
        for (CodePage page : new CodePage[] {CodePage.IBM_1047, CodePage.ISO8859_1, CodePage.find("IBM-037").orElseThrow()}) {
            assertThat(page.decodeText(page.encodeText(text))).isEqualTo(text);
        }
    }

    @Test
    void tagsAreKeptWithTheFileAndReadBack() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "x");
        assertThat(UnixFileTags.read(file)).isEmpty();
        assertThat(UnixFileTags.write(file, FileTag.text("iso8859-1"))).isTrue();
        assertThat(UnixFileTags.read(file)).contains(FileTag.text("ISO8859-1"));
        assertThat(FileTag.text("ISO8859-1").format()).isEqualTo("t ISO8859-1 T=on");
        Path moved = dir.resolve("b.txt");
        Files.move(file, moved);
        assertThat(UnixFileTags.read(moved)).contains(FileTag.text("ISO8859-1"));
        UnixFileTags.remove(moved);
        assertThat(UnixFileTags.read(moved)).isEmpty();
        assertThat(FileTag.parse("garbage")).isEmpty();
    }

    @Test
    void textFilesAreReadByTagOrAsIbm1047() throws Exception {
        Path untagged = dir.resolve("e.txt");
        UnixText.write(untagged, "line [one]\nline two\n");
        assertThat(Files.readAllBytes(untagged)).isEqualTo(CodePage.IBM_1047.encodeText("line [one]\nline two\n"));
        assertThat(UnixText.read(untagged)).isEqualTo("line [one]\nline two\n");
        Path ascii = dir.resolve("a.pem");
        UnixText.writeExport(ascii, "-----BEGIN CERTIFICATE-----\nMIIB\n".getBytes(StandardCharsets.US_ASCII), false);
        assertThat(UnixFileTags.read(ascii)).contains(FileTag.text("ISO8859-1"));
        assertThat(UnixText.read(ascii)).isEqualTo("-----BEGIN CERTIFICATE-----\nMIIB\n");
        Path binary = dir.resolve("c.der");
        UnixText.writeExport(binary, new byte[] {0x30, (byte) 0x82, 0x01}, false);
        assertThat(UnixFileTags.read(binary)).isEmpty();
    }

    @Test
    void pemIsRecognisedInEbcdicAndBinaryIsLeftAlone() throws Exception {
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
        Path ebcdic = dir.resolve("req.arm");
        Files.write(ebcdic, CodePage.IBM_1047.encodeText(pem));
        assertThat(new String(UnixText.readPemOrBinary(ebcdic), StandardCharsets.US_ASCII)).isEqualTo(pem);
        Path ascii = dir.resolve("req2.arm");
        Files.writeString(ascii, pem);
        assertThat(new String(UnixText.readPemOrBinary(ascii), StandardCharsets.US_ASCII)).isEqualTo(pem);
        Path der = dir.resolve("c.der");
        byte[] bytes = {0x30, (byte) 0x82, 0x60, 0x60};
        Files.write(der, bytes);
        assertThat(UnixText.readPemOrBinary(der)).isEqualTo(bytes);
    }

    @Test
    void hostEditedTextIsRecognised() throws Exception {
        Path host = dir.resolve("banner");
        Files.writeString(host, "* Welcome to %L\n");
        assertThat(UnixText.readAnyText(host)).isEqualTo("* Welcome to %L\n");
        Path zos = dir.resolve("banner2");
        Files.write(zos, CodePage.IBM_1047.encodeText("* Welcome to %L\n"));
        assertThat(UnixText.readAnyText(zos)).isEqualTo("* Welcome to %L\n");
    }
}

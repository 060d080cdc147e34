package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.opencs.core.CodePage;

/** TYPE A and E text between the network and a z/OS UNIX file, chunk by chunk: only CRLF (or x'15') ends a line. */
class HfsTextConverterTest {
    private static byte[] run(ChunkConverter converter, byte[] input, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < input.length; i += chunk) {
            out.writeBytes(converter.convert(input, i, Math.min(chunk, input.length - i), false));
        }
        out.writeBytes(converter.convert(new byte[0], 0, 0, true));
        return out.toByteArray();
    }

    @Test
    void crlfIsTheOnlyLineEnd() {
        byte[] wire = "a\nb\r\nc\rd\r".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] file = run(HfsTextConverter.asciiToFile(CodePage.ISO8859_1, CodePage.IBM_1047), wire, 4);
        assertThat(HexFormat.of().formatHex(file)).isEqualTo("812582" + "15" + "830d84" + "0d");
        assertThat(run(HfsTextConverter.fileToAscii(CodePage.IBM_1047, CodePage.ISO8859_1, new byte[] {13, 10}), file, 1)).isEqualTo(wire);
    }

    /** Any network text (but NEL x'85', which is IBM-1047's new line) comes back byte for byte, however it is cut. */
    @Property(tries = 300)
    void asciiRoundTripsInAnyChunking(@ForAll @Size(max = 300) byte[] wire, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        for (int i = 0; i < wire.length; i++) {
            if ((wire[i] & 0xFF) == 0x85) {
                wire[i] = 'x';
            }
        }
        byte[] file = run(HfsTextConverter.asciiToFile(CodePage.ISO8859_1, CodePage.IBM_1047), wire, chunk);
        assertThat(run(HfsTextConverter.fileToAscii(CodePage.IBM_1047, CodePage.ISO8859_1, new byte[] {13, 10}), file, chunk)).isEqualTo(wire);
    }

    @Property(tries = 200)
    void ebcdicRoundTripsIntoAnAsciiFile(@ForAll @Size(max = 200) byte[] wire, @ForAll @IntRange(min = 1, max = 9) int chunk) {
        for (int i = 0; i < wire.length; i++) {
            if (wire[i] == 0x25) {
                wire[i] = 0x40; // x'25' (LF) would be the ASCII file's line end, as x'15' is
            }
        }
        byte[] file = run(HfsTextConverter.ebcdicToFile(CodePage.ISO8859_1), wire, chunk);
        assertThat(run(HfsTextConverter.fileToEbcdic(CodePage.ISO8859_1), file, chunk)).isEqualTo(wire);
    }
}

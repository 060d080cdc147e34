package org.opencs.ftp.server;

import java.io.ByteArrayOutputStream;
import org.opencs.core.CodePage;

/**
 * Text between the data connection and a z/OS UNIX file, as z/OS's FTP server converts it (TYPE A and TYPE E).
 *
 * <p>Lines: on the network in TYPE A each line ends with CRLF, and that is the only line end the server accepts
 * ("The z/OS server and client can receive ASCII data only in this format", IBM z/OS IP and SNA Codes, reply
 * 211 ftp211-11); in TYPE E the EBCDIC new line x'15' ends a line; in the file the file code page's new line does
 * (NL x'15' in EBCDIC, LF in ASCII: {@link CodePage#newLine()}). Every other byte is a character of its line and is
 * translated code page to code page: a bare LF or CR inside an uploaded line stays in that line (x'25' and x'0D' in
 * an EBCDIC file) and goes back as itself.
 */
final class HfsTextConverter implements ChunkConverter {
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final boolean toFile;
    private final byte[] table;
    private final byte[] networkEnd;
    private final byte fileEnd;
    private boolean previousCr;

    private HfsTextConverter(boolean toFile, byte[] table, byte[] networkEnd, byte fileEnd) {
        this.toFile = toFile;
        this.table = table;
        this.networkEnd = networkEnd;
        this.fileEnd = fileEnd;
    }

    /** TYPE A upload: network text in {@code network} with CRLF line ends into a file of {@code file}. */
    static HfsTextConverter asciiToFile(CodePage network, CodePage file) {
        return new HfsTextConverter(true, CodePage.translation(network, file), new byte[] {CR, LF}, file.newLine());
    }

    /**
     * TYPE A download: a file of {@code file} to network text in {@code network}, each line ended by {@code lineEnd}
     * (CRLF, or what SITE SBSENDEOL chose: LF, CR or nothing).
     */
    static HfsTextConverter fileToAscii(CodePage file, CodePage network, byte[] lineEnd) {
        return new HfsTextConverter(false, CodePage.translation(file, network), lineEnd, file.newLine());
    }

    /** TYPE E upload: IBM-1047 lines ended by x'15' into a file of {@code file}. */
    static HfsTextConverter ebcdicToFile(CodePage file) {
        return new HfsTextConverter(true, CodePage.translation(CodePage.IBM_1047, file),
                new byte[] {CodePage.IBM_1047.newLine()}, file.newLine());
    }

    /** TYPE E download: a file of {@code file} as IBM-1047 lines ended by x'15'. */
    static HfsTextConverter fileToEbcdic(CodePage file) {
        return new HfsTextConverter(false, CodePage.translation(file, CodePage.IBM_1047),
                new byte[] {CodePage.IBM_1047.newLine()}, file.newLine());
    }

    @Override
    public byte[] convert(byte[] chunk, int offset, int length, boolean last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + length / 16 + 2);
        for (int i = offset; i < offset + length; i++) {
            byte b = chunk[i];
            if (!toFile) {
                if (b == fileEnd) {
                    out.writeBytes(networkEnd);
                } else {
                    out.write(table[b & 0xFF]);
                }
                continue;
            }
            if (networkEnd.length == 1) {
                out.write(b == networkEnd[0] ? fileEnd : table[b & 0xFF]);
                continue;
            }
            if (previousCr) {
                previousCr = false;
                if (b == LF) {
                    out.write(fileEnd);
                    continue;
                }
                out.write(table[CR]);
            }
            if (b == CR) {
                previousCr = true;
            } else {
                out.write(table[b & 0xFF]);
            }
        }
        if (last && previousCr) {
            out.write(table[CR]);
            previousCr = false;
        }
        return out.toByteArray();
    }
}

package org.opencs.tn3270.server;

import java.nio.charset.Charset;
import org.opencs.tn3270.datastream.ScreenSize;

/**
 * The SNA BIND an application session starts with, as TN3270E's BIND-IMAGE carries it to the client (RFC 2355 10.3):
 * an LU type 2 session whose presentation-space bytes give the default (24x80) and alternate screen sizes, and the
 * primary LU (application) name, which emulators show (s3270's Query(BindPluName)). UNBIND ends the session.
 */
final class BindImage {
    static final int BIND = 0x31;
    /** UNBIND RU, type x'01': normal end of session. */
    static final byte[] UNBIND = {0x32, 0x01};
    /** Screen size byte: default 24x80, alternate as the terminal's own maximum (IBM-DYNAMIC: not known yet). */
    private static final int SIZE_TERMINAL_MAXIMUM = 0x03;
    /** Screen size byte: default and alternate rows and columns as given in bytes 20-23. */
    private static final int SIZE_EXPLICIT = 0x7F;

    private BindImage() {
    }

    /** SCS New Line: ends each line of a print job. */
    static final int SCS_NEW_LINE = 0x15;

    /** A printer's BIND: LU type 1, SCS data. */
    static byte[] printer(String pluName, Charset codePage) {
        byte[] bind = of(pluName, null, codePage);
        bind[14] = 0x01;
        bind[24] = 0x00;
        return bind;
    }

    /** {@code alternate} null: leave the alternate size to the terminal (for IBM-DYNAMIC before its query reply). */
    static byte[] of(String pluName, ScreenSize alternate, Charset codePage) {
        byte[] name = pluName.getBytes(codePage);
        int nameLength = Math.min(8, name.length);
        // The PLU name is followed by the user data length (0): emulators read the name only when more follows it.
        byte[] bind = new byte[28 + nameLength + 1];
        bind[0] = BIND;
        bind[1] = 0x01; // format 0, negotiable
        bind[2] = 0x03; // FM profile 3
        bind[3] = 0x03; // TS profile 3
        bind[4] = (byte) 0xB1; // primary LU protocols: multiple-RU chains, immediate request mode, definite response
        bind[5] = (byte) 0x90; // secondary LU protocols
        bind[6] = 0x30; // common protocols: brackets, half-duplex flip-flop
        bind[7] = (byte) 0x80;
        bind[10] = (byte) 0x87; // maximum RU sizes 1024 (8 x 2^7) both ways
        bind[11] = (byte) 0x87;
        bind[14] = 0x02; // LU type 2: a 3270 display
        bind[15] = (byte) 0x80;
        bind[20] = 24;
        bind[21] = 80;
        if (alternate == null || alternate.rows() > 255 || alternate.columns() > 255) {
            bind[24] = SIZE_TERMINAL_MAXIMUM;
        } else {
            bind[22] = (byte) alternate.rows();
            bind[23] = (byte) alternate.columns();
            bind[24] = SIZE_EXPLICIT;
        }
        bind[27] = (byte) nameLength;
        System.arraycopy(name, 0, bind, 28, nameLength);
        return bind;
    }
}

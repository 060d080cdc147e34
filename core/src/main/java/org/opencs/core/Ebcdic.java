package org.opencs.core;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Locale;

/** EBCDIC code page IBM-1047 (z/OS UNIX and the default for data sets) and the 8-byte blank-padded names RACF uses. */
public final class Ebcdic {
    public static final Charset IBM_1047 = Charset.forName("IBM1047");
    public static final byte BLANK = 0x40;

    private Ebcdic() {
    }

    public static byte[] encode(String text) {
        return text.getBytes(IBM_1047);
    }

    public static String decode(byte[] data) {
        return new String(data, IBM_1047);
    }

    /** Upper-cases a user ID or application name, encodes it in EBCDIC and pads it with blanks to 8 bytes. */
    public static byte[] name8(String name) {
        byte[] encoded = encode(name.toUpperCase(Locale.ROOT));
        if (encoded.length > 8) {
            throw new IllegalArgumentException("'" + name + "' is longer than 8 characters");
        }
        byte[] padded = Arrays.copyOf(encoded, 8);
        Arrays.fill(padded, encoded.length, 8, BLANK);
        return padded;
    }
}

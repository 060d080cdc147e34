package org.opencs.tn3270.datastream;

/**
 * 3270 buffer addresses: 12-bit (each 6-bit half through the code table, for buffers up to 4096 positions) and 14-bit
 * (top two bits 00) as the 3270 Data Stream Programmer's Reference defines them.
 */
public final class BufferAddress {
    /** The 64 graphic codes a 6-bit value is sent as (12-bit addresses and field attributes). */
    static final int[] CODES = {
        0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
        0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
        0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
        0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F};

    private BufferAddress() {
    }

    /** The graphic code a 6-bit value (half an address, or a field attribute) is sent as. */
    public static int code(int sixBits) {
        return CODES[sixBits & 0x3F];
    }

    /** Two bytes: 12-bit coded below 4096, 14-bit binary above. */
    public static byte[] encode(int address) {
        if (address < 0 || address >= 16384) {
            throw new IllegalArgumentException("buffer address " + address + " is outside 0..16383");
        }
        if (address < 4096) {
            return new byte[] {(byte) CODES[(address >> 6) & 0x3F], (byte) CODES[address & 0x3F]};
        }
        return new byte[] {(byte) (address >> 8), (byte) address};
    }

    public static int decode(int first, int second) {
        if ((first & 0xC0) == 0) {
            return ((first & 0x3F) << 8) | (second & 0xFF);
        }
        return ((first & 0x3F) << 6) | (second & 0x3F);
    }
}

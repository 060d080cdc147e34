package org.opencs.tn3270.datastream;

/** Attention identifiers: the key that sent an inbound record. */
public enum Aid {
    NONE(0x60), ENTER(0x7D), CLEAR(0x6D), PA1(0x6C), PA2(0x6E), PA3(0x6B), SYSREQ(0xF0), STRUCTURED_FIELD(0x88),
    PF1(0xF1), PF2(0xF2), PF3(0xF3), PF4(0xF4), PF5(0xF5), PF6(0xF6), PF7(0xF7), PF8(0xF8), PF9(0xF9),
    PF10(0x7A), PF11(0x7B), PF12(0x7C), PF13(0xC1), PF14(0xC2), PF15(0xC3), PF16(0xC4), PF17(0xC5), PF18(0xC6),
    PF19(0xC7), PF20(0xC8), PF21(0xC9), PF22(0x4A), PF23(0x4B), PF24(0x4C);

    public final int code;

    Aid(int code) {
        this.code = code;
    }

    public static Aid of(int code) {
        for (Aid aid : values()) {
            if (aid.code == (code & 0xFF)) {
                return aid;
            }
        }
        throw new IllegalArgumentException(String.format("unknown AID x'%02X'", code & 0xFF));
    }

    /** Short reads (Clear, PA keys) carry no cursor address and no fields. */
    public boolean shortRead() {
        return this == CLEAR || this == PA1 || this == PA2 || this == PA3;
    }
}

package org.opencs.pki.kdb;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.DERBitString;

/**
 * The flags BIT STRING at the end of a record: bit 0 trusted, bit 1 default. GSKit writes {@code 03 02 07 80}
 * (trusted) on every record; the default key gets {@code 03 02 06 C0}.
 */
public record KdbFlags(boolean trusted, boolean isDefault) {
    public static final KdbFlags TRUSTED = new KdbFlags(true, false);

    static KdbFlags decode(ASN1BitString bits) {
        byte[] bytes = bits.getBytes();
        boolean trusted = bytes.length > 0 && (bytes[0] & 0x80) != 0;
        boolean isDefault = bytes.length > 0 && (bytes[0] & 0x40) != 0;
        return new KdbFlags(trusted, isDefault);
    }

    /** DER's shortest form: trailing zero bits are trimmed. */
    DERBitString encode() {
        if (isDefault) {
            return new DERBitString(new byte[] {(byte) (trusted ? 0xC0 : 0x40)}, 6);
        }
        if (trusted) {
            return new DERBitString(new byte[] {(byte) 0x80}, 7);
        }
        return new DERBitString(new byte[0], 0);
    }

    public KdbFlags withDefault(boolean value) {
        return new KdbFlags(trusted, value);
    }

    public KdbFlags withTrusted(boolean value) {
        return new KdbFlags(value, isDefault);
    }
}

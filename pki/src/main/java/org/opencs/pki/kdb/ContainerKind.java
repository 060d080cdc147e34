package org.opencs.pki.kdb;

import java.nio.charset.StandardCharsets;

/** The container kind byte at 0x03 and the type tag at 0x08 of a CMS key database header. */
public enum ContainerKind {
    KEY(2, "X509KEY"),
    REQUEST(1, "X509KYP"),
    CRL(1, "X509CRL");

    private final int kindByte;
    private final String tag;

    ContainerKind(int kindByte, String tag) {
        this.kindByte = kindByte;
        this.tag = tag;
    }

    int kindByte() {
        return kindByte;
    }

    /** The eight tag bytes: ASCII name and a NUL. */
    byte[] tagBytes() {
        byte[] bytes = new byte[8];
        byte[] name = tag.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, bytes, 0, name.length);
        return bytes;
    }

    static ContainerKind fromTag(byte[] file, int offset) {
        for (ContainerKind kind : values()) {
            byte[] expected = kind.tagBytes();
            boolean match = true;
            for (int i = 0; i < 8 && match; i++) {
                match = file[offset + i] == expected[i];
            }
            if (match) {
                return kind;
            }
        }
        return null;
    }
}

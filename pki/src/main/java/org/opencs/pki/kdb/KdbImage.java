package org.opencs.pki.kdb;

import java.security.SecureRandom;
import java.util.List;

/**
 * The decoded content of a .kdb/.rdb file: format version, kind, slot size, the header salt (kept across saves so an
 * unchanged database is rewritten byte for byte) and the records in slot order.
 */
public record KdbImage(int version, ContainerKind kind, int slotSize, byte[] salt, List<KdbRecord> records) {
    public static final int VERSION_6 = 6;
    public static final int VERSION_4 = 4;
    public static final int DEFAULT_SLOT_SIZE = 5000;
    public static final int SALT_LENGTH = 24;

    public KdbImage {
        records = List.copyOf(records);
    }

    /** A new empty database as GSKit creates it: version 6, a fresh salt of 23 non-zero random bytes and a NUL. */
    public static KdbImage empty(ContainerKind kind, int slotSize, SecureRandom random) {
        return new KdbImage(VERSION_6, kind, slotSize, newSalt(random), List.of());
    }

    public KdbImage withRecords(List<KdbRecord> newRecords) {
        return new KdbImage(version, kind, slotSize, salt, newRecords);
    }

    public KdbImage withSlotSize(int newSlotSize) {
        return new KdbImage(version, kind, newSlotSize, salt, records);
    }

    static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        for (int i = 0; i < SALT_LENGTH - 1; i++) {
            int b;
            do {
                b = random.nextInt(256);
            } while (b == 0);
            salt[i] = (byte) b;
        }
        return salt;
    }
}

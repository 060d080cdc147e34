package org.opencs.pki.kdb;

/**
 * What a key database record holds, chosen by the context tag of its DER: {@code [0]} request, {@code [1]} signer
 * (certificate only), {@code [2]} personal (certificate and key), {@code [3]} secret key. Byte arrays are DER.
 */
public sealed interface RecordContent {
    int tag();

    record Request(byte[] certificationRequest, byte[] encryptedPrivateKey) implements RecordContent {
        public int tag() {
            return 0;
        }
    }

    record Signer(byte[] certificate) implements RecordContent {
        public int tag() {
            return 1;
        }
    }

    record Personal(byte[] certificate, byte[] encryptedPrivateKey) implements RecordContent {
        public int tag() {
            return 2;
        }
    }

    record Secret(byte[] encryptedKey) implements RecordContent {
        public int tag() {
            return 3;
        }
    }
}

package org.opencs.pki.kdb;

/**
 * What a key database record holds, chosen by the context tag of its DER: {@code [0]} request, {@code [1]} signer
 * (certificate only), {@code [2]} personal (certificate and key), {@code [3]} secret key. Byte arrays are DER.
 */
public sealed interface RecordContent {
    int tag();

    /** The certificate DER, or null for requests and secret keys. */
    default byte[] certificateOrNull() {
        return null;
    }

    /** The EncryptedPrivateKeyInfo DER, or null for certificate-only records. */
    default byte[] encryptedKeyOrNull() {
        return null;
    }

    /** The same content with its key re-encrypted (a new password); certificate-only content is returned as is. */
    default RecordContent withEncryptedKey(byte[] encryptedKey) {
        return this;
    }

    record Request(byte[] certificationRequest, byte[] encryptedPrivateKey) implements RecordContent {
        public int tag() {
            return 0;
        }

        @Override
        public byte[] encryptedKeyOrNull() {
            return encryptedPrivateKey;
        }

        @Override
        public RecordContent withEncryptedKey(byte[] encryptedKey) {
            return new Request(certificationRequest, encryptedKey);
        }
    }

    record Signer(byte[] certificate) implements RecordContent {
        public int tag() {
            return 1;
        }

        @Override
        public byte[] certificateOrNull() {
            return certificate;
        }
    }

    record Personal(byte[] certificate, byte[] encryptedPrivateKey) implements RecordContent {
        public int tag() {
            return 2;
        }

        @Override
        public byte[] certificateOrNull() {
            return certificate;
        }

        @Override
        public byte[] encryptedKeyOrNull() {
            return encryptedPrivateKey;
        }

        @Override
        public RecordContent withEncryptedKey(byte[] encryptedKey) {
            return new Personal(certificate, encryptedKey);
        }
    }

    record Secret(byte[] encryptedKey) implements RecordContent {
        public int tag() {
            return 3;
        }

        @Override
        public byte[] encryptedKeyOrNull() {
            return encryptedKey;
        }

        @Override
        public RecordContent withEncryptedKey(byte[] newKey) {
            return new Secret(newKey);
        }
    }
}

package org.opencs.pki.cert;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/**
 * The key pair types gskkyman offers. 1024-bit RSA and DSA remain for the seed's menus but are weak; callers warn.
 */
public enum KeyType {
    RSA_1024("RSA", 1024, "1024-bit RSA", "SHA256withRSA"),
    RSA_2048("RSA", 2048, "2048-bit RSA", "SHA256withRSA"),
    RSA_3072("RSA", 3072, "3072-bit RSA", "SHA256withRSA"),
    RSA_4096("RSA", 4096, "4096-bit RSA", "SHA384withRSA"),
    DSA_1024("DSA", 1024, "1024-bit DSA", "SHA256withDSA"),
    DSA_2048("DSA", 2048, "2048-bit DSA", "SHA256withDSA"),
    EC_P256("EC", 256, "256-bit ECC (secp256r1)", "SHA256withECDSA"),
    EC_P384("EC", 384, "384-bit ECC (secp384r1)", "SHA384withECDSA"),
    EC_P521("EC", 521, "521-bit ECC (secp521r1)", "SHA512withECDSA");

    private final String algorithm;
    private final int bits;
    private final String description;
    private final String signatureAlgorithm;

    KeyType(String algorithm, int bits, String description, String signatureAlgorithm) {
        this.algorithm = algorithm;
        this.bits = bits;
        this.description = description;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String description() {
        return description;
    }

    public boolean weak() {
        return bits == 1024;
    }

    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp" + bits + "r1"), random);
            } else {
                generator.initialize(bits, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(description + " keys cannot be generated in this JVM", e);
        }
    }

    /** Parses names such as {@code rsa2048}, {@code RSA-4096}, {@code ec256}, {@code p384}, {@code dsa2048}. */
    public static KeyType parse(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (KeyType type : values()) {
            String family = type.algorithm.toLowerCase(Locale.ROOT);
            if (t.equals(family + type.bits) || (type.algorithm.equals("EC")
                    && (t.equals("p" + type.bits) || t.equals("ecc" + type.bits) || t.equals("secp" + type.bits + "r1")))) {
                return type;
            }
        }
        throw new IllegalArgumentException("key type '" + text
                + "' is not one of rsa2048, rsa3072, rsa4096, ec256, ec384, ec521, dsa2048 (rsa1024, dsa1024: weak)");
    }

    /** The signature algorithm a key of this kind signs certificates with. */
    public static String signatureAlgorithmFor(PublicKey signingKey) {
        int bits = Keys.bits(signingKey);
        switch (signingKey.getAlgorithm()) {
            case "EC":
                return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
            case "DSA":
                return "SHA256withDSA";
            default:
                return bits >= 4096 ? "SHA384withRSA" : "SHA256withRSA";
        }
    }

    String signatureAlgorithm() {
        return signatureAlgorithm;
    }
}

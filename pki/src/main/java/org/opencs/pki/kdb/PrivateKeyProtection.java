package org.opencs.pki.kdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.opencs.pki.cert.Keys;

/**
 * Private keys inside key database records: encrypted with the database password as GSKit does (PBES2, PBKDF2 with
 * HMAC-SHA-384, 5 iterations, 8-byte salt, AES-256-CBC; reference section 6.1), and decrypted from whatever scheme
 * the record's parameters name (PBES2 with any PRF, PKCS#12 PBE, PBES1).
 */
public final class PrivateKeyProtection {
    /** GSKit writes 5 iterations; other values are accepted on read. Kept for fidelity with GSKit readers. */
    static final int GSKIT_ITERATIONS = 5;
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private PrivateKeyProtection() {
    }

    public static byte[] encrypt(PrivateKey key, char[] password, SecureRandom random) {
        return encrypt(key.getEncoded(), password, random);
    }

    /** Encrypts a PKCS#8 PrivateKeyInfo with GSKit's exact parameter layout. */
    public static byte[] encrypt(byte[] privateKeyInfo, char[] password, SecureRandom random) {
        byte[] salt = new byte[8];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA384Digest());
        generator.init(new String(password).getBytes(StandardCharsets.UTF_8), salt, GSKIT_ITERATIONS);
        byte[] key = ((KeyParameter) generator.generateDerivedParameters(256)).getKey();
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(privateKeyInfo);
            PBKDF2Params kdf = new PBKDF2Params(salt, GSKIT_ITERATIONS, 32,
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA384));
            PBES2Parameters parameters = new PBES2Parameters(
                    new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, kdf),
                    new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, parameters);
            return new EncryptedPrivateKeyInfo(algorithm, encrypted).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JVM", e);
        }
    }

    /** Decrypts to a PKCS#8 PrivateKeyInfo; a wrong password or damaged record gives {@link GeneralSecurityException}. */
    public static PrivateKeyInfo decryptInfo(byte[] encryptedPrivateKeyInfo, char[] password)
            throws GeneralSecurityException {
        try {
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(PROVIDER).build(password);
            return new PKCS8EncryptedPrivateKeyInfo(encryptedPrivateKeyInfo).decryptPrivateKeyInfo(decryptor);
        } catch (IOException | PKCSException | OperatorCreationException | RuntimeException e) {
            throw new GeneralSecurityException("private key cannot be decrypted: " + e.getMessage(), e);
        }
    }

    public static PrivateKey decrypt(byte[] encryptedPrivateKeyInfo, char[] password) throws GeneralSecurityException {
        return Keys.toPrivateKey(decryptInfo(encryptedPrivateKeyInfo, password));
    }
}

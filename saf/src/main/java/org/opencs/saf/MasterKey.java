package org.opencs.saf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.opencs.core.AtomicFiles;
import org.opencs.core.ZosException;

/**
 * The system's master key: seals the registry's secrets (PassTicket keys, private keys) with AES-256-GCM, the role
 * ICSF's master key plays on z/OS. It lives in a 0600 file, or comes from OPENCS_MASTER_KEY (Base64) so that shared
 * deployments can keep it out of the file system.
 */
public final class MasterKey {
    public static final String ENVIRONMENT_VARIABLE = "OPENCS_MASTER_KEY";
    private static final int NONCE = 12;
    private static final byte VERSION = 1;

    private final SecretKeySpec key;
    private final SecureRandom random;

    private MasterKey(byte[] bytes, SecureRandom random) {
        if (bytes.length != 32) {
            throw new ZosException("OCS0010E", "The master key must be 32 bytes (256 bits), it is " + bytes.length + ".");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.random = random;
    }

    /** Creates a new random key file with mode 0600; refuses to replace an existing one. */
    public static MasterKey create(Path file, SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            throw new ZosException("OCS0011E", "The master key file " + file + " already exists.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        AtomicFiles.write(file, Base64.getEncoder().encode(bytes), true);
        return new MasterKey(bytes, random);
    }

    public static MasterKey load(Path file, SecureRandom random) {
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        try {
            byte[] encoded = fromEnvironment != null && !fromEnvironment.isBlank()
                    ? fromEnvironment.trim().getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                    : Files.readAllBytes(file);
            return new MasterKey(Base64.getDecoder().decode(new String(encoded, java.nio.charset.StandardCharsets.US_ASCII).trim()),
                    random);
        } catch (NoSuchFileException e) {
            throw new ZosException("OCS0012E", "The master key file " + file + " does not exist; set "
                    + ENVIRONMENT_VARIABLE + " or restore the file.");
        } catch (IOException | IllegalArgumentException e) {
            throw new ZosException("OCS0013E", "The master key cannot be read: " + e.getMessage());
        }
    }

    /** version ‖ nonce ‖ AES-GCM(ciphertext ‖ tag); {@code context} binds the value to its place (e.g. "PTKTDATA:TSO"). */
    public byte[] seal(byte[] plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[1 + NONCE + sealed.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(sealed, 0, out, 1 + NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public byte[] unseal(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE + 16 || sealed[0] != VERSION) {
            throw new ZosException("OCS0014E", "A sealed registry value (" + context + ") is damaged.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOfRange(sealed, 1, 1 + NONCE)));
            cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            throw new ZosException("OCS0014E", "A sealed registry value (" + context
                    + ") cannot be opened: wrong master key or damaged value.");
        }
    }
}

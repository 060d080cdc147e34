package org.opencs.pki.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.cert.Keys;

/**
 * PKCS #12 files. Writing uses the JDK's PKCS12 store (PBES2 with AES-256 and an HMAC-SHA-256 MAC: what openssl 3 and
 * keytool read); reading accepts that and legacy files (3DES / RC2-40, as openssl -legacy and older tools write), with
 * Bouncy Castle's reader as the fallback for variants the JDK refuses.
 */
public final class Pkcs12 {
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private Pkcs12() {
    }

    /** An entry of a PKCS #12 file: a key with its chain, or a trusted certificate (key is null). */
    public record Entry(String alias, PrivateKey key, List<X509Certificate> chain) {
        public Entry {
            chain = List.copyOf(chain);
        }
    }

    /**
     * The file's entries. Failures say what is wrong with the file ({@link Pkcs12Check}): OCSK008E for a wrong PKCS #12
     * password, OCSK006E for a file that is not PKCS #12, is truncated or damaged, or uses an algorithm no provider
     * supports (named).
     */
    public static List<Entry> read(byte[] data, char[] password, String source) {
        Pkcs12Check.check(data, password, source);
        KeyStore store = load(data, password, source);
        try {
            List<Entry> entries = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = toJdkKey((PrivateKey) store.getKey(alias, password));
                    List<X509Certificate> chain = x509(store.getCertificateChain(alias));
                    if (chain.isEmpty()) {
                        throw KeyDbException.badInput(org.opencs.core.Values.quoteForMessage(source)
                                + " holds a private key without its certificate.");
                    }
                    entries.add(new Entry(alias, key, chain));
                } else if (store.isCertificateEntry(alias)) {
                    entries.add(new Entry(alias, null, List.of((X509Certificate) store.getCertificate(alias))));
                }
            }
            // Key entries first, in file order: the first key is the file's default.
            entries.sort((a, b) -> Boolean.compare(b.key() != null, a.key() != null));
            return entries;
        } catch (UnrecoverableKeyException e) {
            throw Pkcs12Check.wrongPassword(source);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw KeyDbException.badInput(org.opencs.core.Values.quoteForMessage(source)
                    + " holds an entry that cannot be read: " + reason(e) + ".");
        }
    }

    /** A failure's reason without Java class names: the algorithm a provider lacks, or the message, or "damaged". */
    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.security.NoSuchAlgorithmException) {
                String text = String.valueOf(cause.getMessage());
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+(\\.[0-9]+)+|[A-Za-z0-9-]+With[A-Za-z0-9-]+"
                        + "|PBE[A-Za-z0-9-]*|Hmac[A-Za-z0-9-]+|AES[A-Za-z0-9/-]*|RC2[A-Za-z0-9-]*|DES[A-Za-z0-9-]*)").matcher(text);
                return "it uses an unsupported algorithm" + (m.find() ? " " + m.group(1) : "");
            }
        }
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.equals("null")
                || message.matches(".*\\b(java|javax|org)\\.[a-z].*") || message.contains("Index ")) {
            return "the file is damaged";
        }
        return org.opencs.core.Values.quoteForMessage(message);
    }

    private static KeyStore load(byte[] data, char[] password, String source) {
        GeneralSecurityException failure = null;
        for (String provider : new String[] {"JDK", "BC"}) {
            try {
                KeyStore store = provider.equals("JDK") ? KeyStore.getInstance("PKCS12")
                        : KeyStore.getInstance("PKCS12", PROVIDER);
                store.load(new ByteArrayInputStream(data), password);
                return store;
            } catch (IOException e) {
                if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                    throw Pkcs12Check.wrongPassword(source);
                }
                failure = new GeneralSecurityException(e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new GeneralSecurityException(e.getMessage(), e);
            }
        }
        throw KeyDbException.badInput(org.opencs.core.Values.quoteForMessage(source)
                + " is not a valid PKCS #12 file: " + reason(failure) + ".");
    }

    /** Writes the entries; the first key entry becomes the file's default. Keys are never written unencrypted. */
    public static byte[] write(List<Entry> entries, char[] password) {
        if (password == null || password.length == 0) {
            throw KeyDbException.badInput("A PKCS #12 file needs a password: its private keys are never written unencrypted.");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Entry entry : entries) {
                if (entry.key() != null) {
                    store.setKeyEntry(entry.alias(), entry.key(), password, entry.chain().toArray(new Certificate[0]));
                } else {
                    store.setCertificateEntry(entry.alias(), entry.chain().get(0));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyDbException("OCSK012E", "The PKCS #12 file cannot be written: " + e.getMessage(), e);
        }
    }

    private static PrivateKey toJdkKey(PrivateKey key) throws GeneralSecurityException {
        return Keys.toPrivateKey(PrivateKeyInfo.getInstance(key.getEncoded()));
    }

    private static List<X509Certificate> x509(Certificate[] chain) {
        List<X509Certificate> result = new ArrayList<>();
        if (chain != null) {
            for (Certificate certificate : chain) {
                result.add((X509Certificate) certificate);
            }
        }
        return result;
    }
}

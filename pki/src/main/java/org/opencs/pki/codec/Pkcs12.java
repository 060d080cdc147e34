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

    public static List<Entry> read(byte[] data, char[] password, String source) {
        KeyStore store = load(data, password, source);
        try {
            List<Entry> entries = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = toJdkKey((PrivateKey) store.getKey(alias, password));
                    entries.add(new Entry(alias, key, x509(store.getCertificateChain(alias))));
                } else if (store.isCertificateEntry(alias)) {
                    entries.add(new Entry(alias, null, List.of((X509Certificate) store.getCertificate(alias))));
                }
            }
            // Key entries first, in file order: the first key is the file's default.
            entries.sort((a, b) -> Boolean.compare(b.key() != null, a.key() != null));
            return entries;
        } catch (UnrecoverableKeyException e) {
            throw KeyDbException.wrongPassword(source);
        } catch (GeneralSecurityException e) {
            throw KeyDbException.badInput(source + " holds an entry that cannot be read: " + e.getMessage());
        }
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
                    throw KeyDbException.wrongPassword(source);
                }
                failure = new GeneralSecurityException(e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                failure = e;
            }
        }
        throw KeyDbException.badInput(source + " is not a valid PKCS #12 file: " + failure.getMessage());
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

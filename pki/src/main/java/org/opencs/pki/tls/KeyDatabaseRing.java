package org.opencs.pki.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbEntry;

/** An HFS key database (or PKCS #12) as a key ring: its default key (or a label) and its trusted CA entries. */
public final class KeyDatabaseRing implements KeyRing {
    private final KeyDatabase db;
    private final String label;

    public KeyDatabaseRing(KeyDatabase db, String label) {
        this.db = db;
        this.label = label != null ? label : db.defaultKey().map(KeyDbEntry::label).orElseThrow(() ->
                new KeyDbException("OCSK031E", "Key database " + db.path()
                        + " has no default key: set one with gskkyman or 'keydb default'."));
        KeyDbEntry entry = db.get(this.label);
        if (!entry.hasPrivateKey() || entry.certificate() == null) {
            throw KeyDbException.badInput("The entry '" + this.label + "' in " + db.path()
                    + " has no certificate with a private key.");
        }
    }

    @Override
    public String description() {
        return db.path().toString();
    }

    @Override
    public PrivateKey identityKey() {
        return db.privateKey(label);
    }

    @Override
    public List<X509Certificate> identityChain() {
        return db.chain(label);
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return db.trustedCertificates();
    }
}

package org.opencs.pki.keydb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * gskkyman's option 1 creates a database "with several initial CA certificates" (option 1b leaves it empty). GSKit
 * ships IBM's list; OpenCS takes the JVM's own trusted roots (lib/security/cacerts), skipping expired ones.
 */
public final class InitialCaCertificates {
    private InitialCaCertificates() {
    }

    /** Adds the roots as trusted CA entries labelled by their cacerts alias; returns how many were added. */
    public static int addTo(KeyDatabase db, Instant now) {
        int added = 0;
        for (var entry : load()) {
            X509Certificate certificate = entry.getValue();
            if (certificate.getNotAfter().before(Date.from(now)) || db.find(entry.getKey()).isPresent()) {
                continue;
            }
            try {
                db.addCertificate(entry.getKey(), certificate, true);
                added++;
            } catch (org.opencs.pki.KeyDbException e) {
                // A duplicate certificate under another alias: one copy is enough.
            }
        }
        return added;
    }

    private static List<java.util.Map.Entry<String, X509Certificate>> load() {
        Path cacerts = Paths.get(System.getProperty("java.home"), "lib", "security", "cacerts");
        List<java.util.Map.Entry<String, X509Certificate>> result = new ArrayList<>();
        if (!Files.isReadable(cacerts)) {
            return result;
        }
        try (InputStream in = Files.newInputStream(cacerts)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, null);
            List<String> aliases = Collections.list(store.aliases());
            Collections.sort(aliases);
            for (String alias : aliases) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    result.add(java.util.Map.entry(alias, certificate));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            // Without readable JVM roots the database is simply created empty.
        }
        return result;
    }
}

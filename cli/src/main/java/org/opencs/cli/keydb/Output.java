package org.opencs.cli.keydb;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencs.core.AtomicFiles;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.cert.Keys;
import org.opencs.pki.keydb.KeyDbEntry;

/** Shared output helpers: entry descriptions (text and JSON) and atomic file writes. */
final class Output {
    private Output() {
    }

    static Map<String, Object> describe(KeyDbEntry entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", entry.label());
        map.put("type", entry.type().name());
        map.put("trusted", entry.trusted());
        map.put("default", entry.isDefault());
        X509Certificate cert = entry.certificate();
        if (cert != null) {
            map.put("subject", cert.getSubjectX500Principal().getName());
            map.put("issuer", cert.getIssuerX500Principal().getName());
            map.put("serial", cert.getSerialNumber().toString(16));
            map.put("notBefore", DateTimeFormatter.ISO_INSTANT.format(cert.getNotBefore().toInstant()));
            map.put("notAfter", DateTimeFormatter.ISO_INSTANT.format(cert.getNotAfter().toInstant()));
            map.put("ca", cert.getBasicConstraints() >= 0);
            map.put("signatureAlgorithm", cert.getSigAlgName());
        } else if (entry.request() != null) {
            map.put("subject", entry.request().getSubject().toString());
        }
        map.put("key", Keys.describe(entry.publicKey()));
        return map;
    }

    /** Writes atomically; "-" means standard output. */
    static void write(Path file, byte[] data, boolean ownerOnly) {
        if (file.toString().equals("-")) {
            System.out.write(data, 0, data.length);
            System.out.flush();
            return;
        }
        try {
            AtomicFiles.write(file, data, ownerOnly);
        } catch (IOException e) {
            throw KeyDbException.io(file.toString(), e);
        }
    }

    static byte[] read(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (IOException e) {
            throw KeyDbException.notFound("The file " + file);
        }
    }
}

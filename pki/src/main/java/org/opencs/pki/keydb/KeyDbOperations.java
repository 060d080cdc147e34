package org.opencs.pki.keydb;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.cert.CertificateIssuer;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.CertificateRequests;
import org.opencs.pki.cert.CertificateSpec;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.Pem;
import org.opencs.pki.codec.CertificateReader;
import org.opencs.pki.codec.CertificateWriter;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.codec.Pkcs12;

/**
 * The key database actions that gskkyman's menus, its command-line mode and {@code opencs keydb} share. Each action
 * changes the in-memory database only; the caller saves, so a failure part-way leaves the files untouched.
 */
public final class KeyDbOperations {
    private final SecureRandom random;
    private final Clock clock;

    public KeyDbOperations(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Creates a key pair and a self-signed certificate for it. */
    public X509Certificate createSelfSigned(KeyDatabase db, String label, KeyType keyType, CertificateProfile profile,
                                            X500Name subject, int days, List<GeneralName> altNames) {
        requireFreeLabel(db, label);
        CertificateSpec spec = new CertificateSpec(subject, profile, clock.instant(), days, altNames);
        KeyPair pair = keyType.generate(random);
        X509Certificate certificate = new CertificateIssuer(random).selfSigned(pair, spec);
        db.addPersonal(label, certificate, pair.getPrivate());
        return certificate;
    }

    /** Creates a key pair and a certificate signed by the CA entry {@code caLabel} of the same database. */
    public X509Certificate createSigned(KeyDatabase db, String caLabel, String label, KeyType keyType,
                                        CertificateProfile profile, X500Name subject, int days,
                                        List<GeneralName> altNames) {
        requireFreeLabel(db, label);
        CertificateIssuer.Issuer issuer = issuer(db, caLabel);
        CertificateSpec spec = new CertificateSpec(subject, profile, clock.instant(), days, altNames);
        KeyPair pair = keyType.generate(random);
        X509Certificate certificate = new CertificateIssuer(random).signed(pair.getPublic(), spec, issuer);
        db.addPersonal(label, certificate, pair.getPrivate());
        return certificate;
    }

    /** Signs a PKCS#10 request with the CA entry {@code caLabel} (gskkyman -g). The database is not changed. */
    public X509Certificate signRequest(KeyDatabase db, String caLabel, PKCS10CertificationRequest request,
                                       CertificateProfile profile, int days) {
        CertificateIssuer.Issuer issuer = issuer(db, caLabel);
        try {
            PublicKey key = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(request).getPublicKey();
            CertificateSpec spec = new CertificateSpec(request.getSubject(), profile, clock.instant(), days,
                    requestedAltNames(request));
            return new CertificateIssuer(random).signed(key, spec, issuer);
        } catch (java.security.GeneralSecurityException e) {
            throw KeyDbException.badInput("The certificate request holds an unsupported public key.");
        }
    }

    /** Creates a key pair and a PKCS#10 request; the key waits in the .rdb. Returns the request PEM text. */
    public String createRequest(KeyDatabase db, String label, KeyType keyType, X500Name subject,
                                List<GeneralName> altNames) {
        requireFreeLabel(db, label);
        KeyPair pair = keyType.generate(random);
        PKCS10CertificationRequest request = CertificateRequests.create(pair, subject, altNames);
        db.addRequest(label, request, pair.getPrivate());
        return CertificateRequests.toPem(request);
    }

    /** A renewal request: same subject, same key as an existing personal certificate. */
    public String createRenewalRequest(KeyDatabase db, String label) {
        KeyDbEntry entry = db.get(label);
        PrivateKey key = db.privateKey(label);
        X500Name subject = X500Name.getInstance(entry.certificate().getSubjectX500Principal().getEncoded());
        PKCS10CertificationRequest request = CertificateRequests.create(
                new KeyPair(entry.certificate().getPublicKey(), key), subject, List.of());
        return CertificateRequests.toPem(request);
    }

    /** Receives the certificate file issued for a request; returns the label it was stored under. */
    public String receive(KeyDatabase db, byte[] certificateFile, String source) {
        List<X509Certificate> certificates = CertificateReader.read(certificateFile, source);
        return db.receive(certificates.get(0));
    }

    /** Imports a certificate (CA or otherwise) without a key. A PKCS#7 chain adds its first certificate. */
    public X509Certificate importCertificate(KeyDatabase db, String label, byte[] file, String source, boolean trusted) {
        X509Certificate certificate = CertificateReader.read(file, source).get(0);
        db.addCertificate(label, certificate, trusted);
        return certificate;
    }

    /**
     * Imports a certificate and its private key from a PKCS#12 file (binary or Base64). Issuer certificates in the
     * file that the database lacks are added as trusted CA entries. Returns the label of the key entry.
     */
    public String importPkcs12(KeyDatabase db, String label, byte[] file, char[] filePassword, String source) {
        List<Pkcs12.Entry> entries = Pkcs12.read(decodeBase64IfText(file, source), filePassword, source);
        Pkcs12.Entry keyEntry = entries.stream().filter(e -> e.key() != null).findFirst()
                .orElseThrow(() -> KeyDbException.badInput(source + " holds no private key."));
        String target = label == null || label.isEmpty() ? keyEntry.alias() : label;
        db.addPersonal(target, keyEntry.chain().get(0), keyEntry.key());
        List<X509Certificate> known = new ArrayList<>();
        db.entries().forEach(e -> known.add(e.certificate()));
        for (X509Certificate issuer : keyEntry.chain().subList(1, keyEntry.chain().size())) {
            if (!known.contains(issuer)) {
                db.addCertificate(freeLabel(db, issuer.getSubjectX500Principal().getName()), issuer, true);
                known.add(issuer);
            }
        }
        return target;
    }

    public byte[] exportCertificate(KeyDatabase db, String label, ExportFormat format) {
        return CertificateWriter.encode(format, db.chain(label));
    }

    /** The certificate, its chain and its private key as PKCS#12, binary or Base64. */
    public byte[] exportWithKey(KeyDatabase db, String label, ExportFormat format, char[] filePassword) {
        KeyDbEntry entry = db.get(label);
        if (entry.type() != EntryType.PERSONAL) {
            throw KeyDbException.badInput("The entry '" + label + "' has no private key to export.");
        }
        byte[] p12 = Pkcs12.write(List.of(new Pkcs12.Entry(label, db.privateKey(label), db.chain(label))), filePassword);
        return format == ExportFormat.BASE64_PKCS12 ? Pem.base64Lines(p12).getBytes(StandardCharsets.US_ASCII) : p12;
    }

    /** Copies a certificate (and its key) into another open database under the same label. */
    public void copy(KeyDatabase from, String label, KeyDatabase to) {
        KeyDbEntry entry = from.get(label);
        if (entry.type() == EntryType.PERSONAL) {
            to.addPersonal(label, entry.certificate(), from.privateKey(label));
        } else if (entry.type() == EntryType.CA) {
            to.addCertificate(label, entry.certificate(), entry.trusted());
        } else {
            throw KeyDbException.badInput("A certificate request cannot be copied.");
        }
    }

    private CertificateIssuer.Issuer issuer(KeyDatabase db, String caLabel) {
        KeyDbEntry ca = db.get(caLabel);
        if (ca.type() != EntryType.PERSONAL || !ca.isCaCertificate()) {
            throw KeyDbException.badInput("The entry '" + caLabel + "' is not a CA certificate with a private key.");
        }
        return new CertificateIssuer.Issuer(ca.certificate(), db.privateKey(caLabel));
    }

    private static List<GeneralName> requestedAltNames(PKCS10CertificationRequest request) {
        var attributes = request.getAttributes(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        List<GeneralName> names = new ArrayList<>();
        for (var attribute : attributes) {
            var extensions = org.bouncycastle.asn1.x509.Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            var general = org.bouncycastle.asn1.x509.GeneralNames.fromExtensions(extensions,
                    org.bouncycastle.asn1.x509.Extension.subjectAlternativeName);
            if (general != null) {
                names.addAll(List.of(general.getNames()));
            }
        }
        return names;
    }

    private static void requireFreeLabel(KeyDatabase db, String label) {
        if (db.find(label).isPresent()) {
            throw KeyDbException.duplicateLabel(label);
        }
    }

    private static String freeLabel(KeyDatabase db, String wanted) {
        String label = wanted.length() > 120 ? wanted.substring(0, 120) : wanted;
        String candidate = label;
        for (int n = 2; db.find(candidate).isPresent(); n++) {
            candidate = label + " (" + n + ")";
        }
        return candidate;
    }

    /** gskkyman accepts PKCS#12 files in Base64; binary files start with a SEQUENCE tag. */
    private static byte[] decodeBase64IfText(byte[] file, String source) {
        if (file.length > 0 && file[0] == 0x30) {
            return file;
        }
        String text = new String(file, StandardCharsets.US_ASCII);
        return Pem.isPem(file) ? Pem.decodeFirst(text, source) : Pem.decodeBase64(text, source);
    }
}

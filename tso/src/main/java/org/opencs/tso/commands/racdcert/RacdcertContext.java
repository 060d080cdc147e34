package org.opencs.tso.commands.racdcert;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.CertificateStore;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.Authorization;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;

/**
 * What every RACDCERT function needs: the certificate owner the command names (CERTAUTH, SITE, ID(user), or the
 * issuer), IBM's authority check on IRR.DIGTCERT.function, the certificate store, and data set input and output.
 */
final class RacdcertContext {
    final TsoSession session;
    final Operands operands;
    final String owner;
    final Registry registry;

    RacdcertContext(TsoSession session, Operands operands, String owner) {
        this.session = session;
        this.operands = operands;
        this.owner = owner;
        this.registry = session.registry();
    }

    CertificateStore store() {
        return registry.certificates();
    }

    /** SPECIAL, or FACILITY IRR.DIGTCERT.function: READ for one's own, UPDATE for another user's, CONTROL for CERTAUTH/SITE. */
    void authorize(String function, String certificateOwner) {
        AccessLevel needed = certificateOwner.equals(session.user().userid()) ? AccessLevel.READ
                : certificateOwner.equals(DigitalCertificate.CERTAUTH) || certificateOwner.equals(DigitalCertificate.SITE)
                ? AccessLevel.CONTROL : AccessLevel.UPDATE;
        new Authorization(registry).requireAdministrative(session.user(), "FACILITY", "IRR.DIGTCERT." + function, needed);
    }

    /** The certificate LABEL('x') names under the command's owner. */
    DigitalCertificate certificate(String ownerName, String label) {
        return store().find(ownerName, label).orElseThrow(() -> new ZosException("IRRD107I",
                "No certificate information was found for " + DigitalCertificate.displayOwner(ownerName)
                        + " with label '" + label + "'."));
    }

    PrivateKey privateKey(DigitalCertificate certificate) {
        byte[] sealed = store().sealedKey(certificate.owner(), certificate.label()).orElseThrow(() ->
                new ZosException("IRRD175I", "The certificate '" + certificate.label() + "' has no private key."));
        byte[] pkcs8 = registry.masterKey().unseal(sealed, sealContext(certificate.owner()));
        try {
            String algorithm = certificate.x509().getPublicKey().getAlgorithm();
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new ZosException("IRRD175I", "The private key of '" + certificate.label() + "' cannot be used.");
        }
    }

    static String sealContext(String owner) {
        return "DIGTCERT:" + owner;
    }

    /** The certificate and the CA certificates above it that the registry holds (subject/issuer matching). */
    List<X509Certificate> chain(X509Certificate leaf) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal()) && chain.size() < 10) {
            X509Certificate issuer = null;
            for (DigitalCertificate candidate : store().list(DigitalCertificate.CERTAUTH)) {
                X509Certificate x = candidate.x509();
                if (x.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = x;
                    break;
                }
            }
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }


    /** DSN operands come quoted from the parser (quotes removed): a name without quotes gets the user's prefix. */
    DatasetName datasetOperand(String keyword) {
        String value = operands.value(keyword).orElseThrow(() -> new ZosException("IKJ56700A", "ENTER " + keyword + " -"));
        boolean quotedInCommand = operands.keyword(keyword).map(k -> k.operands().get(0))
                .map(o -> o instanceof org.opencs.tso.parse.Operand.Word w && w.quoted()).orElse(false);
        return DatasetName.resolve(quotedInCommand ? "'" + value + "'" : value, session.user().userid());
    }

    /** Reads a data set as RACDCERT does: Base64 text (stored in EBCDIC) comes back as ASCII, binary as is. */
    byte[] readDataset(DatasetName name) {
        Catalog catalog = catalog();
        new DatasetAccess(registry).check(session.user(), name, AccessLevel.READ);
        byte[] raw = catalog.readBinary(name);
        String asText = catalog.readText(name);
        boolean text = asText.contains("-----BEGIN") || asText.strip().matches("[A-Za-z0-9+/=\\s]+");
        return text ? asText.getBytes(java.nio.charset.StandardCharsets.US_ASCII) : raw;
    }

    /** Writes a data set (RECFM=VB LRECL=84 when new): text formats as EBCDIC lines, binary ones byte for byte. */
    void writeDataset(DatasetName name, byte[] content, boolean text) {
        Catalog catalog = catalog();
        new DatasetAccess(registry).check(session.user(), name, AccessLevel.UPDATE);
        catalog.ensure(name, DatasetAttributes.textDefaults(java.time.LocalDate.ofInstant(registry.clock().instant(),
                java.time.ZoneOffset.UTC)));
        if (text) {
            catalog.writeText(name, new String(content, java.nio.charset.StandardCharsets.US_ASCII));
        } else {
            catalog.writeBinary(name, content);
        }
    }

    Catalog catalog() {
        return new Catalog(registry.home(), registry.clock());
    }

    static String label(String text) {
        if (text.isEmpty() || text.length() > 32) {
            throw new ZosException("IRRD102I", "The label '" + text + "' is not valid: 1 to 32 characters are allowed.");
        }
        return text;
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

}

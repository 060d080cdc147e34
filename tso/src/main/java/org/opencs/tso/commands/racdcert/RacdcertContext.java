package org.opencs.tso.commands.racdcert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
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
import org.opencs.saf.certs.RegistryCertificates;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.Authorization;
import org.opencs.tso.TsoSession;
import org.opencs.tso.commands.DatasetCommands;
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
                        + " with label '" + org.opencs.core.Values.quoteForMessage(label) + "'."));
    }

    PrivateKey privateKey(DigitalCertificate certificate) {
        return RegistryCertificates.privateKey(registry, certificate);
    }

    static String sealContext(String owner) {
        return RegistryCertificates.sealContext(owner);
    }

    /** The certificate and the CA certificates above it that the registry holds. */
    List<X509Certificate> chain(X509Certificate leaf) {
        return RegistryCertificates.chain(registry, leaf);
    }

    /** The data set a keyword names: 'QUOTED' is complete, otherwise the user's prefix goes in front. */
    DatasetName datasetOperand(String keyword) {
        return operands.keyword(keyword).filter(k -> k.operands().size() == 1)
                .map(k -> DatasetCommands.name(k.operands().get(0), session))
                .orElseThrow(() -> new ZosException("IKJ56700A", "ENTER " + keyword + " DATA SET NAME -"));
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
            throw new ZosException("IRRD102I", "The label '" + org.opencs.core.Values.quoteForMessage(text) + "' is not valid: 1 to 32 characters are allowed.");
        }
        return text;
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

}

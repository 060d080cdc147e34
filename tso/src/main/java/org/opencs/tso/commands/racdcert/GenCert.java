package org.opencs.tso.commands.racdcert;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.opencs.core.ZosException;
import org.opencs.pki.cert.CertificateIssuer;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.CertificateRequests;
import org.opencs.pki.cert.CertificateSpec;
import org.opencs.pki.cert.KeyType;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.tso.parse.Operands;

/**
 * RACDCERT GENCERT: a new key pair and certificate (self-signed, or signed by SIGNWITH), or, with GENCERT('dsn'),
 * a certificate for the PKCS #10 request in that data set (no private key: it stays with the requester).
 */
final class GenCert {
    static final Set<String> SUBJECT_PARTS = Set.of("CN", "T", "OU", "O", "L", "SP", "C");
    private static final Set<String> DATE_TIME = Set.of("DATE", "TIME");
    private static final Set<String> SIGNWITH = Set.of("CERTAUTH", "SITE", "ID", "LABEL");
    private static final Set<String> ALTNAME = Set.of("IP", "DOMAIN", "EMAIL", "URI");
    private static final Set<String> KEYUSAGE = Set.of("HANDSHAKE", "DATAENCRYPT", "DOCSIGN", "CERTSIGN");

    private GenCert() {
    }

    static void run(RacdcertContext context) {
        Operands operands = context.operands;
        context.authorize("GENCERT", context.owner);
        String label = RacdcertContext.label(operands.value("WITHLABEL").orElseGet(() -> defaultLabel(context)));
        if (context.store().find(context.owner, label).isPresent()) {
            throw new ZosException("IRRD109I", "The label '" + org.opencs.core.Values.quoteForMessage(label) + "' is already in use for "
                    + DigitalCertificate.displayOwner(context.owner) + ".");
        }
        Instant notBefore = dateTime(operands, "NOTBEFORE", LocalTime.MIDNIGHT)
                .orElse(context.registry.clock().instant());
        Instant notAfter = dateTime(operands, "NOTAFTER", LocalTime.of(23, 59, 59))
                .orElse(notBefore.atZone(ZoneOffset.UTC).plusYears(1).toInstant());
        List<GeneralName> altNames = altNames(operands);
        CertificateProfile profile = context.owner.equals(DigitalCertificate.CERTAUTH)
                || operands.nested("KEYUSAGE", KEYUSAGE).map(k -> k.has("CERTSIGN")).orElse(false)
                ? CertificateProfile.CA : CertificateProfile.END_ENTITY;
        CertificateIssuer issuer = new CertificateIssuer(context.registry.random());
        CertificateIssuer.Issuer signer = signer(context);

        List<String> requestDsn = operands.values("GENCERT");
        KeyPair pair = null;
        PublicKey publicKey;
        X500Name subject;
        if (!requestDsn.isEmpty()) {
            var dsn = context.datasetOperand("GENCERT");
            PKCS10CertificationRequest request = CertificateRequests.read(context.readDataset(dsn), dsn.toString());
            try {
                publicKey = new JcaPKCS10CertificationRequest(request).getPublicKey();
            } catch (GeneralSecurityException e) {
                throw new ZosException("IRRD114I", "The certificate request in " + dsn + " has an unsupported key.");
            }
            subject = hasSubject(operands) ? subject(operands, label) : request.getSubject();
        } else {
            pair = keyType(operands).generate(context.registry.random());
            publicKey = pair.getPublic();
            subject = subject(operands, label);
        }
        CertificateSpec spec = new CertificateSpec(subject, profile, notBefore, notAfter, altNames);
        Integer usage = keyUsage(operands, publicKey);
        if (usage != null) {
            spec = spec.withKeyUsage(usage);
        }
        X509Certificate certificate = signer == null
                ? selfSigned(issuer, pair, spec)
                : issuer.signed(publicKey, spec, signer);
        byte[] sealed = pair == null ? null
                : context.registry.masterKey().seal(pair.getPrivate().getEncoded(), RacdcertContext.sealContext(context.owner));
        try {
            context.store().add(new DigitalCertificate(context.owner, label, certificate.getEncoded(), sealed != null, "TRUST"),
                    sealed, certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                    certificate.getSerialNumber().toString(16), context.registry.clock().instant());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * KEYUSAGE(HANDSHAKE DATAENCRYPT DOCSIGN CERTSIGN) as IBM defines them: HANDSHAKE is digitalSignature plus
     * keyEncipherment (RSA) or keyAgreement (ECC), DATAENCRYPT dataEncipherment, DOCSIGN nonRepudiation, CERTSIGN
     * keyCertSign and cRLSign.
     */
    private static Integer keyUsage(Operands operands, PublicKey key) {
        var usage = operands.nested("KEYUSAGE", KEYUSAGE);
        if (usage.isEmpty()) {
            return null;
        }
        int bits = 0;
        if (usage.get().has("HANDSHAKE")) {
            bits |= org.bouncycastle.asn1.x509.KeyUsage.digitalSignature | (key.getAlgorithm().equals("EC")
                    ? org.bouncycastle.asn1.x509.KeyUsage.keyAgreement : org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment);
        }
        if (usage.get().has("DATAENCRYPT")) {
            bits |= org.bouncycastle.asn1.x509.KeyUsage.dataEncipherment;
        }
        if (usage.get().has("DOCSIGN")) {
            bits |= org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation;
        }
        if (usage.get().has("CERTSIGN")) {
            bits |= org.bouncycastle.asn1.x509.KeyUsage.keyCertSign | org.bouncycastle.asn1.x509.KeyUsage.cRLSign;
        }
        if (bits == 0) {
            throw new ZosException("IRRD117I", "KEYUSAGE needs HANDSHAKE, DATAENCRYPT, DOCSIGN or CERTSIGN.");
        }
        return bits;
    }

    private static X509Certificate selfSigned(CertificateIssuer issuer, KeyPair pair, CertificateSpec spec) {
        if (pair == null) {
            throw new ZosException("IRRD113I", "GENCERT with a request data set needs SIGNWITH: the requester's key "
                    + "cannot sign here.");
        }
        return issuer.selfSigned(pair, spec);
    }

    private static CertificateIssuer.Issuer signer(RacdcertContext context) {
        var signWith = context.operands.nested("SIGNWITH", SIGNWITH);
        if (signWith.isEmpty()) {
            return null;
        }
        Operands s = signWith.get();
        String owner = s.has("CERTAUTH") ? DigitalCertificate.CERTAUTH : s.has("SITE") ? DigitalCertificate.SITE
                : s.value("ID").map(RacdcertContext::upper).orElse(context.session.user().userid());
        String label = s.value("LABEL").orElseThrow(() -> new ZosException("IKJ56700A", "ENTER SIGNWITH LABEL -"));
        DigitalCertificate ca = context.certificate(owner, label);
        if (!ca.hasPrivateKey()) {
            throw new ZosException("IRRD113I", "The signing certificate '" + org.opencs.core.Values.quoteForMessage(label) + "' has no private key.");
        }
        return new CertificateIssuer.Issuer(ca.x509(), context.privateKey(ca));
    }

    private static KeyType keyType(Operands operands) {
        String size = operands.value("SIZE").orElse(null);
        String family = operands.has("NISTECC") ? "ec" : operands.has("DSA") ? "dsa" : "rsa";
        String bits = size != null ? size : family.equals("ec") ? "256" : "2048";
        try {
            return KeyType.parse(family + bits);
        } catch (IllegalArgumentException e) {
            throw new ZosException("IRRD115I", "SIZE(" + org.opencs.core.Values.quoteForMessage(bits) + ") is not valid for " + family.toUpperCase()
                    + " keys (RSA 1024-4096, NISTECC 256/384/521, DSA 1024/2048).");
        }
    }

    private static boolean hasSubject(Operands operands) {
        return operands.has("SUBJECTSDN") || SUBJECT_PARTS.stream().anyMatch(operands::has);
    }

    /**
     * SUBJECTSDN(CN() T() OU() O() L() SP() C()). Parts written after a SUBJECTSDN closed too early (the seed's
     * "SUBJECTSDN(CN('ABC CA')) OU(...) O(...) C(...))") are taken as part of the subject, as its author meant.
     */
    static X500Name subject(Operands operands, String label) {
        Operands sdn = operands.nested("SUBJECTSDN", SUBJECT_PARTS).orElse(null);
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        String country = part(sdn, operands, "C");
        if (country != null) {
            if (!country.matches("[A-Za-z]{2}")) {
                throw new ZosException("IRRD116I", "The country C('" + org.opencs.core.Values.quoteForMessage(country) + "') must be 2 letters.");
            }
            builder.addRDN(BCStyle.C, country.toUpperCase());
        }
        add(builder, BCStyle.ST, part(sdn, operands, "SP"));
        add(builder, BCStyle.L, part(sdn, operands, "L"));
        add(builder, BCStyle.O, part(sdn, operands, "O"));
        for (String ou : parts(sdn, operands, "OU")) {
            add(builder, BCStyle.OU, ou);
        }
        add(builder, BCStyle.T, part(sdn, operands, "T"));
        String cn = part(sdn, operands, "CN");
        add(builder, BCStyle.CN, cn != null ? cn : label);
        return builder.build();
    }

    private static String part(Operands sdn, Operands top, String name) {
        List<String> values = parts(sdn, top, name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> parts(Operands sdn, Operands top, String name) {
        List<String> values = new ArrayList<>();
        if (sdn != null) {
            values.addAll(sdn.values(name));
        }
        values.addAll(top.values(name));
        for (String value : values) {
            if (value.length() > 64) {
                throw new ZosException("IRRD116I", "The subject name part " + name + "('" + org.opencs.core.Values.quoteForMessage(value) + "') is longer than 64 characters.");
            }
        }
        return values;
    }

    private static void add(X500NameBuilder builder, org.bouncycastle.asn1.ASN1ObjectIdentifier type, String value) {
        if (value != null && !value.isEmpty()) {
            builder.addRDN(type, value);
        }
    }

    static java.util.Optional<Instant> dateTime(Operands operands, String keyword, LocalTime defaultTime) {
        var nested = operands.nested(keyword, DATE_TIME);
        if (nested.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(nested.get().value("DATE").orElseThrow(() ->
                    new ZosException("IKJ56700A", "ENTER " + keyword + " DATE -")));
            LocalTime time = nested.get().value("TIME").map(LocalTime::parse).orElse(defaultTime);
            return java.util.Optional.of(date.atTime(time).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new ZosException("IRRD103I", "The " + keyword + " date or time is not valid: " + e.getParsedString()
                    + " (DATE(yyyy-mm-dd) TIME(hh:mm:ss)).");
        }
    }

    private static List<GeneralName> altNames(Operands operands) {
        List<GeneralName> names = new ArrayList<>();
        operands.nested("ALTNAME", ALTNAME).ifPresent(alt -> {
            try {
                alt.values("IP").forEach(v -> names.add(new GeneralName(GeneralName.iPAddress, v)));
                alt.values("DOMAIN").forEach(v -> names.add(new GeneralName(GeneralName.dNSName, v)));
                alt.values("EMAIL").forEach(v -> names.add(new GeneralName(GeneralName.rfc822Name, v)));
                alt.values("URI").forEach(v -> names.add(new GeneralName(GeneralName.uniformResourceIdentifier, v)));
            } catch (IllegalArgumentException e) {
                throw new ZosException("IRRD117I", "An ALTNAME value is not valid: " + e.getMessage());
            }
        });
        return names;
    }

    private static String defaultLabel(RacdcertContext context) {
        int n = context.store().list(context.owner).size() + 1;
        String label;
        do {
            label = String.format("LABEL%08d", n++);
        } while (context.store().find(context.owner, label).isPresent());
        return label;
    }

}

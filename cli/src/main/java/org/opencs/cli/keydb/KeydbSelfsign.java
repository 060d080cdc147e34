package org.opencs.cli.keydb;

import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import org.opencs.pki.cert.AltNames;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.keydb.KeyDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "selfsign", mixinStandardHelpOptions = true,
        description = {"Create a key pair and a certificate: self-signed, or signed by a CA entry (--signed-by).",
                "--ca makes a CA certificate; otherwise an end-entity certificate for TLS servers and clients."})
final class KeydbSelfsign implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Mixin
    CertificateOptions cert;

    @Option(names = "--ca", description = "Make a CA certificate (basicConstraints CA:true, keyCertSign, cRLSign)")
    boolean ca;

    @Option(names = "--profile", defaultValue = "END_ENTITY",
            description = "For end-entity certificates: END_ENTITY (server and client, default), SERVER, CLIENT")
    CertificateProfile profile;

    @Option(names = "--days", defaultValue = "365", description = "Days of validity, 1-9999 (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--signed-by", paramLabel = "CA-LABEL", description = "Sign with this CA entry instead of self-signing")
    String signedBy;

    @Option(names = "--default", description = "Make the new key the database's default key")
    boolean makeDefault;

    @Override
    public Integer call() {
        KeyDatabase database = db.open();
        CertificateProfile effective = ca ? CertificateProfile.CA : profile;
        var subject = SubjectName.parse(cert.dn);
        var alt = AltNames.parse(cert.altNames);
        X509Certificate created = signedBy == null
                ? db.operations().createSelfSigned(database, cert.label, cert.keyType(), effective, subject, days, alt)
                : db.operations().createSigned(database, signedBy, cert.label, cert.keyType(), effective, subject, days, alt);
        if (makeDefault) {
            database.setDefault(cert.label);
        }
        database.save();
        System.out.println("Certificate created: " + cert.label + " (" + created.getSubjectX500Principal().getName() + ")");
        return 0;
    }
}

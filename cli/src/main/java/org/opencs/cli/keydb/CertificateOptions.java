package org.opencs.cli.keydb;

import java.util.ArrayList;
import java.util.List;
import org.opencs.pki.cert.KeyType;
import picocli.CommandLine.Option;

/** Options shared by the verbs that make a key pair: label, subject, key type, alternative names. */
final class CertificateOptions {
    @Option(names = "--label", required = true, description = "Label of the new entry")
    String label;

    @Option(names = "--dn", required = true, paramLabel = "DN",
            description = "Subject name, e.g. \"CN=ftp.example.com,OU=Dev,O=Example,L=Raleigh,ST=NC,C=US\"")
    String dn;

    @Option(names = "--key-type", defaultValue = "rsa2048",
            description = "rsa2048 (default), rsa3072, rsa4096, ec256, ec384, ec521, dsa2048")
    String keyType;

    @Option(names = "--san", paramLabel = "TYPE:VALUE",
            description = "Subject alternative name(s): DNS:host, IP:addr, EMAIL:addr, URI:uri (repeat or comma-separate)")
    List<String> altNames = new ArrayList<>();

    KeyType keyType() {
        try {
            return KeyType.parse(keyType);
        } catch (IllegalArgumentException e) {
            throw org.opencs.pki.KeyDbException.badInput(e.getMessage());
        }
    }
}

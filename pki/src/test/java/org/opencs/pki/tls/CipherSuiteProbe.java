package org.opencs.pki.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.testkit.ExternalCommand;

/**
 * What a TLS port accepts, asked the way testssl.sh asks: one {@code openssl s_client} handshake per suite that
 * openssl knows (all of them, at security level 0; PSK and SRP suites aside, as they need a shared secret).
 */
public final class CipherSuiteProbe {
    /** The TLS 1.2 suites (OpenSSL names) the ports must accept with an RSA key: ECDHE with AES-GCM or ChaCha20-Poly1305. */
    public static final Set<String> RSA_TLS12 = Set.of("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384",
            "ECDHE-RSA-CHACHA20-POLY1305");
    /** The TLS 1.3 suites the ports must accept (not the two CCM ones). */
    public static final Set<String> TLS13 = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");
    /** Every TLS 1.3 suite openssl can offer. */
    private static final List<String> ALL_TLS13 = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256");

    private CipherSuiteProbe() {
    }

    /** Adds an RSA-2048 server certificate signed by "ABC CA" and makes it the default (servers usually have RSA). */
    public static void useRsaServerKey(KeyDatabase db) {
        TestPki.operations().createSigned(db, "ABC CA", "rsa server", KeyType.RSA_2048, CertificateProfile.SERVER,
                new SubjectName("localhost", null, "ABC", null, null, "US").toX500Name(), 365,
                org.opencs.pki.cert.AltNames.parse(List.of("DNS:localhost,IP:127.0.0.1")));
        db.setDefault("rsa server");
        db.save();
    }

    /** openssl's TLS 1.2 (and older) suites, PSK and SRP ones left out. */
    public static List<String> opensslTls12Suites(Path dir) {
        var run = ExternalCommand.run(dir, "openssl", "ciphers", "-v", "-tls1_2", "ALL:COMPLEMENTOFALL:@SECLEVEL=0");
        List<String> suites = new ArrayList<>();
        for (String line : run.stdout().lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 1 && !fields[1].equals("TLSv1.3") && !fields[0].contains("PSK") && !fields[0].contains("SRP")) {
                suites.add(fields[0]);
            }
        }
        return suites;
    }

    /** The TLS 1.2 suites of {@code candidates} that a handshake with the port completes with. */
    public static Set<String> acceptedTls12(Path dir, int port, List<String> candidates, String... startTls) {
        Set<String> accepted = new TreeSet<>();
        for (String suite : candidates) {
            if (handshake(dir, port, List.of("-tls1_2", "-cipher", suite + ":@SECLEVEL=0"), startTls)
                    .contains("Ciphersuite: " + suite)) {
                accepted.add(suite);
            }
        }
        return accepted;
    }

    /** The TLS 1.3 suites a handshake with the port completes with, each offered alone. */
    public static Set<String> acceptedTls13(Path dir, int port, String... startTls) {
        Set<String> accepted = new TreeSet<>();
        for (String suite : ALL_TLS13) {
            if (handshake(dir, port, List.of("-tls1_3", "-ciphersuites", suite), startTls).contains("Ciphersuite: " + suite)) {
                accepted.add(suite);
            }
        }
        return accepted;
    }

    /** One {@code openssl s_client -brief} handshake; its output (stdout and stderr). */
    public static String handshake(Path dir, int port, List<String> options, String... startTls) {
        List<String> command = new ArrayList<>(List.of("timeout", "20", "openssl", "s_client", "-connect",
                "127.0.0.1:" + port, "-brief"));
        command.addAll(List.of(startTls));
        command.addAll(options);
        return ExternalCommand.run(dir, new byte[0], command).all();
    }
}

package org.opencs.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencs.testkit.ExternalCommand;

/**
 * Makes Debian's Chromium present a client certificate without a dialog, for the browser tests of certificate logon.
 * Chromium on Linux takes client certificates from the NSS database {@code $HOME/.pki/nssdb} (Chromium's
 * docs/linux/cert_management.md): one is made in a directory of the test's own, with {@code certutil -N} and the
 * PKCS#12 file imported by {@code pk12util} (Debian's libnss3-tools, installed by .ci/run), and the browser runs with
 * HOME pointing there ({@link #environment()}). Without a choice made for it, Chromium asks the user which
 * certificate to send (a dialog a headless browser never answers: the page load hangs); the enterprise policy
 * AutoSelectCertificateForUrls makes the choice, and Chromium on Linux reads policies only from
 * {@code /etc/chromium/policies/managed/*.json} (there is no per-user place, and the {@code --policy} switch is ignored
 * by release builds). So this writes a uniquely named file there (the test runs as root in CI), naming only the test
 * server's URL with its port and the test CA as issuer, and removes it on {@link #close()} - other Chromium processes
 * on the machine read it too, but no other server listens on that port.
 */
final class ChromiumClientCertificate implements AutoCloseable {
    static final Path POLICIES = Path.of("/etc/chromium/policies/managed");
    static final String INSTALL_HINT = "certutil and pk12util are needed for the browser's client certificate: "
            + "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libnss3-tools";

    private final Path home;
    private final Path policy;

    private ChromiumClientCertificate(Path home, Path policy) {
        this.home = home;
        this.policy = policy;
    }

    /**
     * An NSS database in {@code home}/.pki/nssdb holding the key and certificate of {@code p12} (password
     * {@code password}), and a policy that selects the certificate issued by CN={@code issuerCn} for {@code url}
     * (scheme, host and port: {@code https://127.0.0.1:40123}).
     */
    static ChromiumClientCertificate install(Path home, Path p12, String password, String url, String issuerCn)
            throws IOException {
        Path nssdb = home.resolve(".pki").resolve("nssdb");
        Files.createDirectories(nssdb);
        run(home, "certutil", "-N", "-d", "sql:" + nssdb, "--empty-password");
        run(home, "pk12util", "-i", p12.toString(), "-d", "sql:" + nssdb, "-W", password);
        if (!Files.isWritable(POLICIES) && !canCreate(POLICIES)) {
            throw new AssertionError("Chromium reads the AutoSelectCertificateForUrls policy only from " + POLICIES
                    + ", which this user cannot write: run the browser tests as root, as .ci/run does.");
        }
        sweepStale(POLICIES, java.time.Instant.now());
        String rule = "{\"pattern\":\"" + url + "\",\"filter\":{\"ISSUER\":{\"CN\":\"" + issuerCn + "\"}}}";
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Map.of("AutoSelectCertificateForUrls", List.of(rule)));
        Path policy = POLICIES.resolve("opencs-test-" + UUID.randomUUID() + ".json");
        Files.writeString(policy, json);
        policy.toFile().deleteOnExit(); // also when the test's JVM ends without close()
        return new ChromiumClientCertificate(home, policy);
    }

    /**
     * Deletes the {@code opencs-test-*.json} policy files in {@code dir} last modified more than an hour before
     * {@code now}: those a killed test JVM left behind (neither {@link #close()} nor deleteOnExit ran). Newer ones may
     * belong to a test running now in another JVM and stay. Answers how many were deleted.
     */
    static int sweepStale(Path dir, java.time.Instant now) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (var stale = Files.newDirectoryStream(dir, "opencs-test-*.json")) {
            for (Path file : stale) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(java.time.Duration.ofHours(1)))
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** The environment Chromium needs: HOME with the NSS database. */
    Map<String, String> environment() {
        return Map.of("HOME", home.toString());
    }

    /** The policy file written under {@link #POLICIES} (removed by {@link #close()}). */
    Path policy() {
        return policy;
    }

    private static boolean canCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(Path dir, String... command) {
        ExternalCommand.Result result;
        try {
            result = ExternalCommand.run(dir, null, List.of(command));
        } catch (RuntimeException e) {
            throw new AssertionError(command[0] + " could not be run (" + e.getMessage() + "). " + INSTALL_HINT, e);
        }
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + result.all() + "\n" + INSTALL_HINT);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(policy);
    }
}

package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetDebug;
import org.opencs.tn3270.config.TelnetPort;

/**
 * The seed's first TelnetParms block as printed (SecurePort 2024, Conntype secure, Keyring HFS
 * /u/user1/SSLcase1/abckey.kdb, {@code Debug detail console}, SMFinit/SMFterm), served on a free port: s3270's secure
 * session shows its negotiation, TLS included, in DEBUG lines marked for the console.
 */
class Tn3270DebugSeedTest {
    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server server;

    @BeforeEach
    void start() throws Exception {
        registry = TestHost.open(dir, clock);
        // The seed's key database, where its KEYRING statement says (created with gskkyman in the seed).
        KeyDatabase kdb = TestPki.caAndServer(registry.home().hfsPath("/u/user1/SSLcase1/abckey.kdb"));
        kdb.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(kdb, "ABC CA", ExportFormat.BASE64_DER));
        String seed;
        try (var in = getClass().getResourceAsStream("/seed/PROFILE.TCPIP.blocks")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ProfileParser.Result parsed = ProfileParser.parse(seed, "PROFILE.TCPIP");
        TelnetPort first = parsed.config().ports().get(0);
        assertThat(first.port()).isEqualTo(2024);
        assertThat(first.debug()).isEqualTo(new TelnetDebug(TelnetDebug.Level.DETAIL, TelnetDebug.Destination.CONSOLE,
                false));
        server = log.serve(first, registry); // on a free port rather than 2024
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void debugDetailConsoleShowsASecureSessionsNegotiationOnTheConsole() throws Exception {
        var result = ExternalCommand.run(dir, (String.join("\n", "Connect(L:localhost:" + server.port() + ")",
                "Wait(20,InputField)", "Ascii()", "Quit()") + "\n").getBytes(StandardCharsets.US_ASCII),
                List.of("timeout", "60", "s3270", "-cafile", dir.resolve("ca.pem").toString(), "-model", "3278-2"));
        assertThat(result.all()).contains("TSO/E LOGON");
        assertThat(log.debug.await("CONN DROP", Duration.ofSeconds(10))).isNotNull();
        List<String> console = log.debug.consoleLines();
        assertThat(console).as("every DEBUG line goes to the console").containsExactlyElementsOf(log.debug.messages());
        assertThat(console).anyMatch(l -> l.contains("ACCEPTED"))
                .anyMatch(l -> l.contains("MOD: OCSTTLS TLS handshake complete: TLSv1.3 TLS_"))
                .anyMatch(l -> l.contains("MOD: OCSTTLS CLIENTAUTH NONE: no client certificate asked for"))
                .anyMatch(l -> l.contains("MOD: OCSTNEGO OUT DO TN3270E"))
                .anyMatch(l -> l.contains("MOD: OCSTNEGO IN SB TN3270E DEVICE-TYPE REQUEST IBM-3278-2-E"))
                .anyMatch(l -> l.contains("MOD: OCSTNEGO OUT SB TN3270E DEVICE-TYPE IS IBM-3278-2-E CONNECT TCP00001"))
                .anyMatch(l -> l.contains("MOD: OCSTNEGO OUT SB TN3270E FUNCTIONS IS"))
                .anyMatch(l -> l.matches("EZZ6034I TN3270E CONN [0-9A-F]{8} LU TCP00001 NEGOTIATED TN3270E IP\\.\\.PORT: "
                        + "127\\.0\\.0\\.1\\.\\.\\d+ TLS: TLSv1\\.3 TLS_\\S+"))
                .anyMatch(l -> l.contains("IN SESSION TSO"))
                .noneMatch(l -> l.contains(" DEBUG CONN TRACE "));
        // In order: TLS first, then TN3270E, then the device.
        int tls = indexOf(console, "TLS handshake complete");
        int tn3270e = indexOf(console, "OUT DO TN3270E");
        int device = indexOf(console, "DEVICE-TYPE IS");
        assertThat(tls).isLessThan(tn3270e);
        assertThat(tn3270e).isLessThan(device);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " in " + lines);
    }
}

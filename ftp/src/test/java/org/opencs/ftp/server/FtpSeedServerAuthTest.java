package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.pki.gskkyman.GskkymanSession;
import org.opencs.testkit.ExternalCommand;

/**
 * The seed's server-authentication scenario end to end: the seed's gskkyman session builds abckey.kdb in USER1's
 * SSLcase1 directory, the seed's server FTP.DATA names it as KEYRING, and a client that trusts the exported
 * mvs098_self_signed.crt logs on over TLS and retrieves a file.
 */
class FtpSeedServerAuthTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    @Test
    void theSeedsGskkymanKeyDatabaseServesTheSeedsFtpData() throws Exception {
        try (FtpTestSystem system = new FtpTestSystem(dir, "/etc/unused/server.kdb")) {
            system.user("USER1");
            // The seed's FTP.DATA spells the directory SSLCasel (OCR of SSLcase1); the key database goes where it points.
            String ftpData = new String(getClass().getResourceAsStream("/seed/FTP.DATA.serverauth").readAllBytes(),
                    StandardCharsets.UTF_8) + "\nSTARTDIRECTORY HFS\n";
            String keyring = FtpDataParser.parse(ftpData, "FTP.DATA").config().keyring();
            Path kdbDir = Files.createDirectories(system.registry.home().hfsPath(keyring).getParent());
            var session = GskkymanSession.interactive(kdbDir, GskkymanSession.SEED_SESSION.toArray(new String[0]));
            assertThat(session.exitCode()).as(session.transcript()).isZero();
            Files.writeString(system.registry.home().hfsPath("/u/user1/filed2.txt"), "from the seed\n");
            FtpServer server = log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), system.registry);
            try {
                var result = ExternalCommand.run(dir, "USER USER1\r\nPASS user1pw\r\nSIZE filed2.txt\r\nQUIT\r\n"
                        .getBytes(StandardCharsets.US_ASCII), List.of("openssl", "s_client", "-starttls", "ftp", "-connect",
                        "127.0.0.1:" + server.port(), "-CAfile", kdbDir.resolve("mvs098_self_signed.crt").toString(),
                        "-verify_return_error", "-crlf", "-ign_eof", "-brief"));
                assertThat(result.all()).contains("Verification: OK")
                        .contains("CN = MVS098 self signed server certificate")
                        .contains("230 USER1 is logged on.  Working directory is \"/u/user1\".").contains("213 14");
            } finally {
                server.close();
            }
            String activity = Files.readString(system.registry.home().logs().resolve("ftp-activity.log"));
            assertThat(activity).contains("EZYFS54I").contains("SECURE OK Mechanism=TLS-P").contains("ACCESS OK USERID=USER1");
        }
    }
}

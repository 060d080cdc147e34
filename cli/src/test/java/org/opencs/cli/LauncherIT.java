package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/** The two things a new user runs: the help and quickstart, and the seed's gskkyman session piped in. */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void helpListsEverySubcommand() throws Exception {
        var help = OpenCsProcess.run(dir, Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("quickstart").contains("gskkyman").contains("keydb");
    }

    @Test
    void passticketGeneratesTheReferenceTicketAndEvaluatesIt() throws Exception {
        var generated = OpenCsProcess.run(dir, Map.of(), "passticket", "generate", "--user", "IBMUSER", "--appl", "TSOR001",
                "--key", "E001193519561977", "--time", "1700000000");
        assertThat(generated.stdout()).isEqualTo("ZVQLMCAN\n");
        var valid = OpenCsProcess.run(dir, Map.of(), "passticket", "evaluate", "--user", "IBMUSER", "--appl", "TSOR001",
                "--key", "E001193519561977", "--time", "1700000599", "--ticket", "ZVQLMCAN");
        assertThat(valid.exitCode()).isZero();
        var late = OpenCsProcess.run(dir, Map.of(), "passticket", "evaluate", "--user", "IBMUSER", "--appl", "TSOR001",
                "--key", "E001193519561977", "--time", "1700000601", "--ticket", "ZVQLMCAN");
        assertThat(late.exitCode()).isEqualTo(1);
        var upper = OpenCsProcess.run(dir, Map.of(), "passticket", "generate", "--user", "IBMUSER", "--appl", "TSOR001",
                "--key", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "--time", "1700000000",
                "--enhanced", "--type", "UPPER");
        assertThat(upper.stdout()).isEqualTo("9RQR2ZIJ\n");
        var badKey = OpenCsProcess.run(dir, Map.of(), "passticket", "generate", "--user", "IBMUSER", "--appl", "TSOR001",
                "--key", "XYZ");
        assertThat(badKey.exitCode()).isEqualTo(1);
        assertThat(badKey.stderr()).contains("OCSP001E");
    }

    @Test
    void quickstartCreatesThenReusesAWorkingHome() throws Exception {
        var first = OpenCsProcess.run(dir, Map.of(), "quickstart");
        assertThat(first.exitCode()).as(first.all()).isZero();
        Path etc = dir.resolve("opencs-home/hfs/etc/opencs");
        assertThat(first.stdout()).contains("Created system home").contains("Created key database  " + etc.resolve("server.kdb"))
                .contains("Next steps:").containsPattern("IBMUSER's initial password: [A-Za-z0-9]{8} ")
                .contains("HTTPS on 2443").contains("  https://localhost:2443/");
        assertThat(Files.readString(dir.resolve("opencs-home/system.conf"))).contains("\nweb.port=2443\n");
        for (String sub : new String[] {"tcpip", "hfs", "datasets", "spool", "logs"}) {
            assertThat(dir.resolve("opencs-home").resolve(sub)).isDirectory();
        }
        assertThat(Files.size(etc.resolve("server.sth"))).isEqualTo(193);
        var second = OpenCsProcess.run(dir, Map.of(), "quickstart");
        assertThat(second.stdout()).contains("Reused  system home").contains("Reused  key database")
                .doesNotContain("IBMUSER's initial password");
        // The first run's curl line works as printed (the initial password, replaced by NEWPW123); a rerun cannot
        // know the password, so its curl line lets curl ask for it and says what to type.
        assertThat(first.stdout()).containsPattern("--user 'IBMUSER:[A-Za-z0-9]{8}/NEWPW123/NEWPW123' ftp://localhost:2021/");
        assertThat(second.stdout()).contains("--user IBMUSER ftp://localhost:2021/")
                .contains("type the initial password the first quickstart printed, then /NEWPW123/NEWPW123")
                .doesNotContain("<password>");

        var export = OpenCsProcess.run(dir, Map.of(), "keydb", "export", "opencs-home/hfs/etc/opencs/server.kdb",
                "--stashed", "--label", "opencs-server", "--out", "-");
        assertThat(export.exitCode()).as(export.all()).isZero();
        assertThat(export.stdout()).startsWith("-----BEGIN CERTIFICATE-----");
        Files.writeString(dir.resolve("server.pem"), export.stdout());
        var verify = ExternalCommand.run(dir, "openssl", "verify", "-CAfile",
                "opencs-home/hfs/etc/opencs/opencs-quickstart-ca.pem", "-purpose", "sslserver", "server.pem");
        assertThat(verify.stdout()).as(verify.all()).contains("server.pem: OK");
    }

    @Test
    void seedGskkymanSessionPipedIntoTheCommand() throws Exception {
        String answers = String.join("\n", "1", "abckey.kdb", "xxxxxx", "xxxxxx", "", "", "",
                "6", "5", "mvs098_self_signed", "MVS098 self signed server certificate", "z/OS CS development", "IBM",
                "Raleigh", "NC", "US", "1000", "", "1", "1", "3", "", "6", "2", "mvs098_self_signed.crt", "", "", "0",
                "10", "", "0") + "\n";
        var session = OpenCsProcess.runWithInput(dir, Map.of(), answers, "gskkyman");
        assertThat(session.exitCode()).as(session.all()).isZero();
        for (String file : new String[] {"abckey.kdb", "abckey.rdb", "abckey.sth", "mvs098_self_signed.crt"}) {
            assertThat(dir.resolve(file)).as(file).exists();
        }
        var x509 = ExternalCommand.run(dir, "openssl", "x509", "-in", "mvs098_self_signed.crt", "-noout", "-subject", "-text");
        assertThat(x509.stdout()).contains("CN = MVS098 self signed server certificate").contains("(2048 bit)");
        var display = OpenCsProcess.run(dir, Map.of(), "gskkyman", "-dc", "mvs098_self_signed.crt");
        assertThat(display.stdout()).contains("Subject's name: CN=MVS098 self signed server certificate,OU=z/OS CS development,O=IBM,L=Raleigh,ST=NC,C=US");
    }
}

package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.tso.racdcert.SeedJobs;

/**
 * The seed's Express Logon scenario through the real commands: the RACF jobs build TCPRING and USER1RING and the
 * PTKTDATA profile TSO3090; ./opencs start serves a SAFCERT + EXPRESSLOGON port keyed by TCPRING; ./opencs tn3270,
 * with USER1's certificate from the SAF ring USER1RING, records the logon as a macro (mvs098_tso.mac, credentials
 * replaced by tokens, as PCOMM records it) and plays it: the user is logged on to TSO without typing a password.
 */
class SeedExpressLogonIT {
    @TempDir
    Path dir;

    @Test
    void aRecordedMacroLogsUser1OnWithAPassTicket() throws Exception {
        assertThat(OpenCsProcess.run(dir, Map.of(), "init", "--home", "sys").exitCode()).isZero();
        // The seed's jobs, with certificates valid today (the seed's expired in 2010 and TLS peers check that).
        String jobs = ("ADDUSER TCPSC NAME('TCP/IP SERVER')\nADDUSER USER1 PASSWORD(user1pw)\n"
                + SeedJobs.read("ca-and-server.systsin") + "\n" + SeedJobs.read("user1.systsin") + "\n"
                + "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) ACCESS(UPDATE)\n"
                + "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(USER1) ACCESS(READ)\n"
                + "SETROPTS CLASSACT(PTKTDATA)\nSETROPTS RACLIST(PTKTDATA)\n"
                + "RDEFINE PTKTDATA TSO3090 SSIGNON(KEYMASKED(0123456789ABCDEF)) UACC(NONE)\n"
                + "SETROPTS RACLIST(PTKTDATA) REFRESH\nALTUSER USER1 PASSWORD(user1pw) NOEXPIRED\n")
                .replace("2010-12-31", "2036-12-31");
        var racf = OpenCsProcess.runWithInput(dir, Map.of(), jobs, "tso", "--home", "sys", "--user", "IBMUSER");
        assertThat(racf.exitCode()).as(racf.all()).isZero();
        Files.writeString(dir.resolve("sys/tcpip/PROFILE.TCPIP"), String.join("\n", "TelnetParms", "  SecurePort 992",
                "  Conntype secure", "  Clientauth safcert", "  Keyring SAF TCPSC/TCPRING", "  ExpressLogon",
                "EndTelnetParms", "BeginVTAM", "  DefaultAppl TSO3090", "EndVTAM", ""));

        Process server = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                OpenCsProcess.jar().toString(), "start", "--home", "sys", "--ftp-port", "0", "--tn3270-port", "0")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("start.log").toFile()).start();
        try {
            Path ports = dir.resolve("sys/logs/ports");
            for (int i = 0; i < 100 && !Files.exists(ports); i++) {
                Thread.sleep(200);
            }
            assertThat(ports).as("the server wrote logs/ports: %s", Files.readString(dir.resolve("start.log"))).exists();
            String port = Files.readAllLines(ports).stream().filter(l -> l.startsWith("tn3270="))
                    .map(l -> l.substring(7)).findFirst().orElseThrow();
            // The server's certificate names the system (CN=ABC TCPSEV), not localhost: accept that name.
            String host = "L:localhost:" + port;
            // SAFCERT prefills the user ID and puts the cursor on the password: Home goes back to the user ID field.
            var recording = OpenCsProcess.runWithInput(dir, Map.of(), "Home()\nString(\"USER1\")\nTab()\nString(\"user1pw\")\n"
                    + "Enter()\nAscii()\nString(\"X\")\nEnter()\nQuit()\n", "tn3270", "--home", "sys", "--keyring",
                    "USER1RING", "--user", "USER1", "--accepthostname", "ABC TCPSEV", "--applid", "TSO3090", "--record",
                    "mvs098_tso.mac", "--description", "express logon to TSO", host);
            assertThat(recording.exitCode()).as(recording.all()).isZero();
            assertThat(recording.stdout()).contains("USER1 LOGON IN PROGRESS AT");
            String macro = Files.readString(dir.resolve("mvs098_tso.mac"));
            assertThat(macro).startsWith("Description=express logon to TSO\nElfApplid=TSO3090\n")
                    .contains("[home]\")USR.ID([tab]\")PSS.WD([enter]").doesNotContain("user1pw").doesNotContain("USER1");

            var played = OpenCsProcess.run(dir, Map.of(), "tn3270", "--home", "sys", "--keyring", "USER1RING", "--user",
                    "USER1", "--accepthostname", "ABC TCPSEV", "--macro", "mvs098_tso.mac", host);
            assertThat(played.exitCode()).as(played.all()).isZero();
            assertThat(played.stdout()).contains("USER1 LOGON IN PROGRESS AT").contains("OpenCS Primary Option Menu");
            assertThat(Files.readString(dir.resolve("sys/logs/audit.jsonl"))).contains("TN3270_EXPRESS_LOGON")
                    .contains("\"applid\":\"TSO3090\"");

            var wrongName = OpenCsProcess.runWithInput(dir, Map.of(), "Quit()\n", "tn3270", "--home", "sys", "--keyring",
                    "USER1RING", "--user", "USER1", host);
            assertThat(wrongName.exitCode()).isNotZero();
            assertThat(wrongName.stdout()).contains("error");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}

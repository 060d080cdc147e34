package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/** quickstart, then start: the FTPS server the quickstart configured, reached with curl, stopped with SIGTERM. */
class StartIT {
    @TempDir
    Path dir;

    @Test
    void quickstartThenStartServesFtpsAndStopsCleanly() throws Exception {
        var quickstart = OpenCsProcess.run(dir, Map.of(), "quickstart");
        Matcher password = Pattern.compile("IBMUSER's initial password: (\\S{8})").matcher(quickstart.stdout());
        assertThat(password.find()).as(quickstart.all()).isTrue();
        assertThat(quickstart.stdout()).contains("curl --ssl-reqd --cacert ").contains("ftp://localhost:2021/");
        // The server's own secrets are readable by their owner only (issue 15).
        for (String secret : List.of("server.kdb", "server.rdb", "server.sth")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve("opencs-home/hfs/etc/opencs/" + secret)))).as(secret).isEqualTo("rw-------");
        }

        // The system log (docs/diagnostics.md "System log"): this system's name, a tiny file size so that it rolls over
        // during the run, and FTPLOGGING's activity records.
        Path conf = dir.resolve("opencs-home/system.conf");
        Files.writeString(conf, Files.readString(conf).replace("sysname=OPENCS", "sysname=SYSA")
                + "syslog.max.file.size=1KB\nsyslog.max.history=3\n");
        Path ftpData = dir.resolve("opencs-home/tcpip/FTP.DATA");
        Files.writeString(ftpData, Files.readString(ftpData) + "\nFTPLOGGING TRUE\n");

        Process server = start("start.log");
        try {
            Map<String, String> listening = ports();
            String port = listening.get("ftp");
            String ca = dir.resolve("opencs-home/hfs/etc/opencs/opencs-quickstart-ca.pem").toString();
            var firstLogon = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", ca,
                    "--user", "IBMUSER:" + password.group(1) + "/Fresh123/Fresh123", "ftp://localhost:" + port + "/"));
            assertThat(firstLogon.exitCode()).as(firstLogon.all()).isZero();
            assertThat(firstLogon.stderr()).contains("< 230 IBMUSER is logged on.  Working directory is \"/u/ibmuser\".");
            var again = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--cacert", ca,
                    "--user", "IBMUSER:Fresh123", "ftp://localhost:" + port + "/"));
            assertThat(again.exitCode()).as(again.all()).isZero();

            // The batch client through the jar: the quickstart key database (stashed) is its KEYRING, so it trusts the CA.
            Files.writeString(dir.resolve("client.ftpdata"), "SECURE_MECHANISM TLS\nSECURE_DATACONN PRIVATE\nKEYRING "
                    + dir.resolve("opencs-home/hfs/etc/opencs/server.kdb") + "\n");
            Files.writeString(dir.resolve("hi.txt"), "hello\n");
            var batch = OpenCsProcess.runWithInput(dir, Map.of(), "localhost " + port + " (exit\nIBMUSER Fresh123\n"
                    + "put hi.txt\ndir\nget hi.txt back.txt\nquit\n", "ftp", "-f", "client.ftpdata", "--user", "IBMUSER");
            assertThat(batch.exitCode()).as(batch.all()).isZero();
            assertThat(batch.stdout()).contains("EZA2895I Authentication negotiation succeeded")
                    .contains("EZA2906I Data connection protection is private").contains("EZA1701I >>> PASS\n230 IBMUSER")
                    .containsPattern("EZA2284I -rw-r--r-- +1 IBMUSER +SYS1 +6 .* hi.txt").doesNotContain("Fresh123");
            assertThat(dir.resolve("back.txt")).hasContent("hello\n");
            var refused = OpenCsProcess.runWithInput(dir, Map.of(), "localhost " + port + " (exit\nIBMUSER wrong\n",
                    "ftp", "-f", "client.ftpdata");
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(11);
            assertThat(refused.stdout()).contains("EZA1735I Std Return Code = 26530, Error Code = 00011");

            // A TN3270 logon with a wrong password: its audit record, like the FTP one above, names the client.
            var wrong = ExternalCommand.run(dir, ("Connect(L:localhost:" + listening.get("tn3270") + ")\nWait(20,InputField)\n"
                    + "String(\"ibmuser\")\nTab()\nString(\"badpass1\")\nEnter()\nWait(20,InputField)\nAscii()\nQuit()\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    List.of("timeout", "60", "s3270", "-cafile", ca, "-model", "3278-2"));
            assertThat(wrong.all()).contains("IKJ56421I PASSWORD NOT AUTHORIZED FOR USERID IBMUSER");
            List<String> failures = Files.readAllLines(dir.resolve("opencs-home/logs/audit.jsonl")).stream()
                    .filter(l -> l.contains("\"type\":\"LOGON_FAILURE\"")).toList();
            assertThat(failures).anyMatch(l -> l.contains("\"application\":\"FTPD\"") && l.contains("\"client\":\"127.0.0.1\""))
                    .anyMatch(l -> l.contains("\"application\":\"TSO") && l.contains("\"client\":\"127.0.0.1\""))
                    .allMatch(l -> l.contains("\"client\":\""));
            var tsoUser = OpenCsProcess.runWithInput(dir, Map.of(), "wrongpw\n", "tso", "--user", "TCPIP", "LISTUSER");
            assertThat(tsoUser.exitCode()).as(tsoUser.all()).isEqualTo(1);
            assertThat(Files.readAllLines(dir.resolve("opencs-home/logs/audit.jsonl")).get(
                    Files.readAllLines(dir.resolve("opencs-home/logs/audit.jsonl")).size() - 1))
                    .contains("\"type\":\"LOGON_FAILURE\"").containsPattern("\"client\":\"local \\(process \\d+, user \\w+\\)\"");

            // Quickstart's system listens on the loopback address only (system.conf bind.address=127.0.0.1).
            assertThat(Files.readString(dir.resolve("opencs-home/system.conf"))).contains("\nbind.address=127.0.0.1\n");
            assertThat(listeningAddresses(Integer.parseInt(port))).containsExactly("127.0.0.1");
            assertThat(listeningAddresses(Integer.parseInt(listening.get("tn3270")))).containsExactly("127.0.0.1");

            // The quickstart's TN3270E port: s3270 over TLS, verifying the server against the quickstart CA.
            var tn3270 = ExternalCommand.run(dir, ("Connect(L:localhost:" + listening.get("tn3270") + ")\nWait(20,InputField)\n"
                    + "String(\"ibmuser\")\nTab()\nString(\"Fresh123\")\nEnter()\nWait(20,InputField)\nAscii()\nQuery(Tls)\n"
                    + "String(\"X\")\nEnter()\nQuit()\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    List.of("timeout", "60", "s3270", "-cafile", ca, "-model", "3278-2"));
            assertThat(tn3270.all()).contains("IBMUSER LOGON IN PROGRESS AT").contains("data: secure host-verified");

            // The same through OpenCS's own scriptable client.
            var ours = OpenCsProcess.runWithInput(dir, Map.of(), "Connect(L:localhost:" + listening.get("tn3270") + ")\n"
                    + "Wait(InputField)\nString(\"ibmuser\")\nTab()\nString(\"Fresh123\")\nEnter()\nAscii()\nQuery(Tls)\n"
                    + "String(\"X\")\nEnter()\nQuit()\n", "tn3270", "--cafile", ca);
            assertThat(ours.exitCode()).as(ours.all()).isZero();
            assertThat(ours.stdout()).contains("IBMUSER LOGON IN PROGRESS AT").contains("data: secure host-verified");

            // Issue 15: SIGTERM while an upload waits for data that never comes (curl reading a silent stdin) and a
            // TN3270 client sits mid-negotiation: the process still exits within seconds, and nothing is committed.
            Process hanging = new ProcessBuilder("curl", "-sS", "--ssl-reqd", "--cacert", ca, "--user", "IBMUSER:Fresh123",
                    "-T", "-", "ftp://localhost:" + port + "/hang.txt").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("hanging.log").toFile()).start();
            try (java.net.Socket telnet = new java.net.Socket("localhost", Integer.parseInt(listening.get("tn3270")))) {
                Thread.sleep(2000);
                assertThat(hanging.isAlive()).isTrue();
                long stopping = System.nanoTime();
                server.destroy();
                assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("exit within 10 s of SIGTERM").isTrue();
                assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopping)).isLessThan(10);
            } finally {
                hanging.destroyForcibly();
            }
            assertThat(dir.resolve("opencs-home/hfs/u/ibmuser/hang.txt")).doesNotExist();
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).isZero();
        String console = Files.readString(dir.resolve("start.log"));
        assertThat(console).contains("EZY2702I Server-FTP: Initialization completed")
                .contains("EZZ6003I TELNET LISTENING ON PORT ")
                .containsPattern("OCS0072I TN3270E shutdown in progress for port \\d+")
                .containsPattern("OCST009I TN3270E port \\d+ closed")
                .contains("EZYFT59I FTP shutdown in progress");
        // One format for every console line (time stamp, message ID, text), none naming a Java class or saying null.
        assertThat(console.lines().toList()).isNotEmpty()
                .allMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d (?:[A-Z]{3}[A-Z0-9]{2,6}[IWEAS]|\\$HASP\\d{3}) .+"))
                .noneMatch(l -> l.matches(".*\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*.*|.*\\b\\w+(?:Exception|Error)\\b.*"))
                .noneMatch(l -> l.matches(".*\\bnull\\b.*"));
        assertSystemLog(console);
    }

    /**
     * logs/syslog and its rolled files (1KB each here): every record in the documented layout with SYSA's name and the
     * server's, the console's every line among them, FTPLOGGING's activity records (not on the console) too.
     */
    private void assertSystemLog(String console) throws Exception {
        List<Path> files;
        try (var list = Files.list(dir.resolve("opencs-home/logs"))) {
            files = list.filter(f -> f.getFileName().toString().matches("syslog(\\.\\d{4}-\\d\\d-\\d\\d\\.\\d+)?"))
                    .sorted(java.util.Comparator.comparing(StartIT::rollOrder)).toList();
        }
        assertThat(files).as("logs/syslog rolled over at 1KB").hasSizeGreaterThan(1)
                .allMatch(f -> f.toFile().length() <= 1024 + 512);
        List<String> records = new java.util.ArrayList<>();
        for (Path file : files) {
            records.addAll(Files.readAllLines(file));
        }
        assertThat(records).isNotEmpty().allMatch(r -> r.matches(
                "[NMDEX] SYSA     \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d\\dZ (?:FTPD|TN3270E|JES2|OPENCS|XCFAS|WEBSRV) +\\S.*"))
                .noneMatch(r -> r.matches(".*\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*.*|.*\\b\\w+(?:Exception|Error)\\b.*"))
                .noneMatch(r -> r.matches(".*\\bnull\\b.*"));
        List<String> texts = records.stream().map(r -> r.substring(0, 1) + " " + r.substring(35)).toList();
        assertThat(texts).anyMatch(t -> t.matches("N FTPD +EZY2702I Server-FTP: Initialization completed .*"))
                .anyMatch(t -> t.matches("N TN3270E +EZZ6003I TELNET LISTENING ON PORT \\d+"))
                .anyMatch(t -> t.matches("N JES2 +\\$HASP492 JES2 ALL-MEMBER WARM START ON MEMBER SYSA - \\d+ INITIATOR\\(S\\)"))
                .anyMatch(t -> t.matches("N TN3270E +OCST009I TN3270E port \\d+ closed.*"))
                .anyMatch(t -> t.matches("N FTPD +EZYFT59I FTP shutdown in progress"))
                .anyMatch(t -> t.matches("N WEBSRV +OCSW001I Web server listening on port \\d+ \\(https\\)"))
                // Membership (docs/registry.md "Membership and ENQs"): joined with the servers, left on shutdown.
                .anyMatch(t -> t.matches("N XCFAS +OCS0801I SYSTEM SYSA JOINED \\(HOST .*"))
                .anyMatch(t -> t.matches("N XCFAS +OCS0802I SYSTEM SYSA LEFT .*"))
                .anyMatch(t -> t.matches("X FTPD +EZYFS50I ID=FTPD1\\d{5} CONN starts .*"))
                .anyMatch(t -> t.matches("X FTPD +EZYFS56I ID=FTPD1\\d{5} ACCESS FAILED.*"));
        assertThat(texts.get(texts.size() - 1)).matches("N OPENCS +OCS0073I OpenCS servers of .* ended");
        // The console shows the same messages, in its own format, and not the activity records.
        List<String> messages = records.stream().map(r -> r.substring(44)).toList();
        assertThat(console.lines().map(l -> l.substring(9))).allMatch(messages::contains);
        assertThat(console).doesNotContain("EZYFS50I");
    }

    /** Rolled files first, oldest first (by date, then index), the active logs/syslog last. */
    private static String rollOrder(Path file) {
        String name = file.getFileName().toString();
        if (name.equals("syslog")) {
            return "~";
        }
        String[] parts = name.split("\\.");
        return parts[1] + String.format("%09d", Integer.parseInt(parts[2]));
    }

    /** A system.conf value the system log cannot use stops opencs start before anything starts (OCS0006E). */
    @Test
    void aBadSystemLogSettingStopsStartWithAMessage() throws Exception {
        assertThat(OpenCsProcess.run(dir, Map.of(), "init", "--home", "H").exitCode()).isZero();
        Path conf = dir.resolve("H/system.conf");
        Files.writeString(conf, Files.readString(conf) + "syslog.max.file.size=ten\n");
        var start = OpenCsProcess.run(dir, Map.of(), "start", "--home", "H", "--ftp-port", "0", "--tn3270-port", "0");
        assertThat(start.exitCode()).as(start.all()).isEqualTo(1);
        assertThat(start.stderr()).isEqualTo("OCS0006E system.conf: syslog.max.file.size 'ten' is not a size (a number "
                + "followed by KB, MB or GB).\n");
        assertThat(start.stdout()).isEmpty();
        assertThat(dir.resolve("H/logs/syslog")).doesNotExist();
        assertThat(dir.resolve("H/logs/ports")).doesNotExist();
    }

    /** A proxy.protocol.from entry that is not an address or CIDR range stops opencs start before it listens (OCS0006E). */
    @Test
    void aBadLoadBalancerListStopsStartWithAMessage() throws Exception {
        assertThat(OpenCsProcess.run(dir, Map.of(), "init", "--home", "H").exitCode()).isZero();
        Path conf = dir.resolve("H/system.conf");
        Files.writeString(conf, Files.readString(conf) + "proxy.protocol.from=10.0.0.5, haproxy.example.com\n");
        var start = OpenCsProcess.run(dir, Map.of(), "start", "--home", "H", "--ftp-port", "0", "--tn3270-port", "0");
        assertThat(start.exitCode()).as(start.all()).isEqualTo(1);
        assertThat(start.stderr()).contains("OCS0006E system.conf: proxy.protocol.from entry 'haproxy.example.com' is not"
                + " an IP address or CIDR range (for example 10.0.0.5, 192.168.1.0/24 or 2001:db8::/32).")
                .doesNotContain("OCS0005W");
        assertThat(dir.resolve("H/logs/ports")).doesNotExist();
    }

    /** Issue 13: a bad web.port stops opencs start before it listens (OCS0006E), as every system.conf key does. */
    @Test
    void aBadWebPortStopsStartWithAMessage() throws Exception {
        assertThat(OpenCsProcess.run(dir, Map.of(), "init", "--home", "H").exitCode()).isZero();
        Path conf = dir.resolve("H/system.conf");
        Files.writeString(conf, Files.readString(conf) + "web.port=https\n");
        var start = OpenCsProcess.run(dir, Map.of(), "start", "--home", "H", "--ftp-port", "0", "--tn3270-port", "0");
        assertThat(start.exitCode()).as(start.all()).isEqualTo(1);
        assertThat(start.stderr()).contains("OCS0006E system.conf: web.port 'https' is not a number from 0 to 65535.")
                .doesNotContain("OCS0005W");
        assertThat(dir.resolve("H/logs/ports")).doesNotExist();
    }

    /** Issue 13: --web-port without a key ring (no web.keyring, no KEYRING in FTP.DATA) starts nothing (OCSW002E). */
    @Test
    void aWebServerWithoutAKeyRingStopsStartWithAMessage() throws Exception {
        assertThat(OpenCsProcess.run(dir, Map.of(), "init", "--home", "H").exitCode()).isZero();
        var start = OpenCsProcess.run(dir, Map.of(), "start", "--home", "H", "--ftp-port", "0", "--tn3270-port", "0",
                "--web-port", "0");
        assertThat(start.exitCode()).as(start.all()).isEqualTo(1);
        assertThat(start.stderr()).contains("OCSW002E The web server has no key ring: set web.keyring in system.conf");
        assertThat(start.stdout()).doesNotContain("EZY2702I");
        assertThat(dir.resolve("H/logs/ports")).doesNotExist();
    }

    /** The local addresses that listen on TCP {@code port} (from /proc/net/tcp and tcp6, as ss shows them). */
    private static List<String> listeningAddresses(int port) throws Exception {
        List<String> addresses = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table)); // read once: the table changes between reads
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** A /proc/net/tcp address (little-endian hex words) as text. */
    private static String address(String hex) throws Exception {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        return java.net.InetAddress.getByAddress(bytes).getHostAddress();
    }

    /** {@code opencs start} on free ports for the quickstart home, its console in {@code log}. */
    private Process start(String log) throws Exception {
        Files.deleteIfExists(dir.resolve("opencs-home/logs/ports"));
        return new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                OpenCsProcess.jar().toString(), "start", "--ftp-port", "0", "--tn3270-port", "0", "--web-port", "0").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    /** The ports the running server wrote to logs/ports, by name (ftp, tn3270, ...). */
    private Map<String, String> ports() throws Exception {
        Path ports = dir.resolve("opencs-home/logs/ports");
        for (int i = 0; i < 100 && !Files.exists(ports); i++) {
            Thread.sleep(200);
        }
        assertThat(ports).as("the server wrote logs/ports").exists();
        Map<String, String> listening = new java.util.HashMap<>();
        Files.readAllLines(ports).forEach(l -> listening.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return listening;
    }

    /**
     * Issue 10: a server killed with SIGKILL in the middle of an upload over an existing file leaves that file as it
     * was; the partial upload it leaves behind is removed when the server starts again (OCSF003I).
     */
    @Test
    void aServerKilledMidUploadKeepsThePreviousContent() throws Exception {
        var quickstart = OpenCsProcess.run(dir, Map.of(), "quickstart");
        Matcher password = Pattern.compile("IBMUSER's initial password: (\\S{8})").matcher(quickstart.stdout());
        assertThat(password.find()).as(quickstart.all()).isTrue();
        Path keep = dir.resolve("opencs-home/hfs/u/ibmuser/keep.bin");
        byte[] previous = new byte[256 * 1024];
        new java.util.Random(3).nextBytes(previous);
        Files.write(keep, previous);
        byte[] big = new byte[32 * 1024 * 1024];
        Files.write(dir.resolve("big.bin"), big);
        String ca = dir.resolve("opencs-home/hfs/etc/opencs/opencs-quickstart-ca.pem").toString();
        Process server = start("start1.log");
        Process upload = null;
        try {
            String url = "ftp://localhost:" + ports().get("ftp") + "/keep.bin";
            upload = new ProcessBuilder("curl", "-sS", "--ssl-reqd", "--cacert", ca, "--limit-rate", "2M", "--user",
                    "IBMUSER:" + password.group(1) + "/Fresh123/Fresh123", "-T", "big.bin", url).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("upload.log").toFile()).start();
            // Kill once the upload is on disk in its partial file (however slow the machine), while curl still sends.
            for (int i = 0; i < 600 && partialUploadSize(keep.getParent()) < 1024 * 1024; i++) {
                Thread.sleep(100);
            }
            assertThat(partialUploadSize(keep.getParent())).as("upload under way").isGreaterThanOrEqualTo(1024 * 1024);
            assertThat(upload.isAlive()).isTrue();
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
            if (upload != null) {
                upload.destroyForcibly();
            }
        }
        assertThat(Files.readAllBytes(keep)).isEqualTo(previous);
        try (var files = Files.list(keep.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith(".opencs-upload-"));
        }
        Process again = start("start2.log");
        try {
            ports();
        } finally {
            again.destroy();
            assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (var files = Files.list(keep.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("keep.bin");
        }
        assertThat(Files.readAllBytes(keep)).isEqualTo(previous);
        assertThat(Files.readString(dir.resolve("start2.log"))).contains("OCSF003I 1 partial upload(s) left by an earlier run were removed");
    }

    /** Bytes in the server's partial upload files in {@code directory} (0 when there is none). */
    private static long partialUploadSize(Path directory) throws java.io.IOException {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".opencs-upload-")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (java.io.IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}

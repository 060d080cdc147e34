package org.opencs.ftp.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.opencs.ftp.config.FtpData;
import org.opencs.pki.tls.KeyRing;

/**
 * z/OS's batch FTP client (PGM=FTP) for any machine: it reads its INPUT stream as z/OS does (first line "host [port]
 * [(options]", then "user [password]", then one subcommand per line; lines starting with ';' are skipped), writes the
 * EZA messages and server replies of shared/reference/zos-ftp.md section 6 to its output, and returns the z/OS client
 * error code of the first failure (0 when everything worked). Local files are paths on this machine.
 */
public final class BatchFtpClient {
    public static final String RELEASE = "OpenCS";
    /** IBM's subcommand codes (the first part of the standard return code yyxxx). */
    private static final Map<String, Integer> SUBCOMMAND_CODES = Map.ofEntries(Map.entry("APPEND", 4),
            Map.entry("ASCII", 5), Map.entry("BINARY", 6), Map.entry("CD", 7), Map.entry("OPEN", 10),
            Map.entry("DELETE", 13), Map.entry("DIR", 14), Map.entry("GET", 16), Map.entry("USER", 19),
            Map.entry("LS", 20), Map.entry("MGET", 22), Map.entry("MPUT", 24), Map.entry("PASS", 26), Map.entry("PUT", 27),
            Map.entry("PWD", 28), Map.entry("QUIT", 29), Map.entry("QUOTE", 30), Map.entry("RENAME", 31),
            Map.entry("SITE", 34), Map.entry("STATUS", 35), Map.entry("MKDIR", 44));
    /** IBM's client error codes used here. */
    static final int SERVER_ERROR = 2;
    static final int INVALID_PARAM = 4;
    static final int USAGE = 7;
    static final int CONNECT_FAILED = 8;
    static final int SESSION_ERROR = 10;
    static final int LOGIN_FAILED = 11;
    static final int FILE_ACCESS = 18;
    static final int AUTHENTICATION = 17;

    private final ClientSettings settings;
    private final KeyRing keyRing;
    private final String localUser;
    private final PrintStream out;
    private final Path localBase;
    private final java.util.function.UnaryOperator<Path> localFiles;
    private ControlConnection control;
    private SSLContext tls;
    private ClientDataConnections data;
    private boolean protectData;
    private boolean binary;
    private Path localDirectory;
    private int firstError;
    private boolean stop;

    public BatchFtpClient(ClientSettings settings, KeyRing keyRing, String localUser, PrintStream out, Path localDirectory) {
        this(settings, keyRing, localUser, out, localDirectory, java.util.function.UnaryOperator.identity());
    }

    /**
     * A client whose local files are confined: {@code localFiles} is applied to every local path before it is read,
     * written or made the local directory (GET, PUT, APPEND, MPUT, LCD) and returns the file to use, or throws
     * {@link org.opencs.core.ZosException} (its message is printed and the subcommand fails with FILE_ACCESS). JES's
     * PGM=FTP uses it to keep a job's local files inside what the job's user may use in hfs/.
     */
    public BatchFtpClient(ClientSettings settings, KeyRing keyRing, String localUser, PrintStream out, Path localDirectory,
                          java.util.function.UnaryOperator<Path> localFiles) {
        this.localFiles = localFiles;
        this.settings = settings;
        this.keyRing = keyRing;
        this.localUser = localUser.toUpperCase(Locale.ROOT);
        this.out = out;
        this.localBase = localDirectory;
        this.localDirectory = localDirectory;
    }

    /**
     * Runs a whole INPUT stream. {@code parm} is the start option text echoed first ("FTP -a TLS"); {@code host} and
     * {@code port} come from the command line when given there, else from the first input line.
     */
    public int run(String parm, String host, Integer port, BufferedReader input) throws IOException {
        out.println("EZA1736I " + parm);
        out.println("EZA1450I IBM FTP CS " + RELEASE);
        out.println("EZA1466I FTP: using TCPCS");
        String target = host;
        Integer targetPort = port;
        if (target == null) {
            out.println("EZA1456I Connect to ?");
            String line = nextLine(input);
            if (line == null) {
                out.println("EZA1457I No host name was given in the input.");
                return USAGE;
            }
            out.println("EZA1736I " + line);
            String[] words = line.split("\\(", 2)[0].trim().split("\\s+");
            if (line.toUpperCase(Locale.ROOT).matches(".*\\(\\s*EXIT.*")) {
                exitOnErrorFromInput = true;
            }
            target = words[0];
            try {
                targetPort = words.length > 1 ? Integer.parseInt(words[1]) : null;
            } catch (NumberFormatException e) {
                out.println("EZA1553I Port " + words[1] + " is not a number.");
                return INVALID_PARAM;
            }
        }
        int p = targetPort == null ? 21 : targetPort;
        if (!connect(target, p)) {
            return firstError;
        }
        if (!logon(input)) {
            quietClose();
            return firstError;
        }
        while (!stop) {
            out.println("EZA1460I Command:");
            String line = nextLine(input);
            if (line == null) {
                break;
            }
            out.println("EZA1736I " + line);
            subcommand(line.trim(), input);
        }
        if (control != null) {
            try {
                control.send("QUIT");
            } catch (IOException ignored) {
                // the session is over either way
            }
            quietClose();
        }
        return firstError;
    }

    private boolean exitOnErrorFromInput;

    private boolean exitOnError() {
        return settings.exitOnError() || exitOnErrorFromInput;
    }

    /** The next INPUT line that is not a ';' comment; null at the end. */
    private static String nextLine(BufferedReader input) throws IOException {
        String line;
        do {
            line = input.readLine();
        } while (line != null && (line.startsWith(";") || line.isBlank()));
        return line == null ? null : line.stripTrailing();
    }

    private boolean connect(String host, int port) {
        try {
            InetSocketAddress address = new InetSocketAddress(host, port);
            out.println("EZA1554I Connecting to: " + host + " "
                    + (address.getAddress() == null ? "?" : address.getAddress().getHostAddress()) + " port: " + port + ".");
            control = new ControlConnection(host, port, out, settings.timeoutSeconds() * 1000);
            data = new ClientDataConnections(null, settings.timeoutSeconds());
            Reply banner = control.read();
            if (!banner.positive()) {
                return fail("OPEN", banner.code(), CONNECT_FAILED);
            }
        } catch (IOException e) {
            out.println("EZA1565I Connection to " + host + " port " + port + " failed: " + e.getMessage());
            control = null;
            return fail("OPEN", 0, CONNECT_FAILED);
        }
        return settings.mechanism() == null || secure();
    }

    /** AUTH TLS, the handshake, PBSZ 0 and PROT from SECURE_DATACONN, with the seed's messages. */
    private boolean secure() {
        if (!settings.mechanism().equals("TLS")) {
            out.println("EZA2897I Security mechanism " + settings.mechanism() + " is not supported by this client.");
            return !settings.required() || fail("OPEN", 0, AUTHENTICATION);
        }
        if (keyRing == null) {
            out.println("EZA2897I No KEYRING is configured: TLS cannot be set up.");
            return !settings.required() || fail("OPEN", 0, AUTHENTICATION);
        }
        try {
            tls = org.opencs.pki.tls.SystemSsl.jsseClient(keyRing);
            Reply auth = control.send("AUTH TLS");
            if (auth.code() != 234) {
                out.println("EZA2897I Authentication negotiation failed");
                tls = null;
                return !settings.required() || fail("OPEN", auth.code(), AUTHENTICATION);
            }
            control.startTls(tls);
            data.close();
            data = new ClientDataConnections(tls, settings.timeoutSeconds());
            out.println("EZA2895I Authentication negotiation succeeded");
            Reply pbsz = control.send("PBSZ 0");
            boolean privateData = settings.dataProtection() == FtpData.Protection.PRIVATE
                    || settings.dataProtection() == FtpData.Protection.SAFE;
            Reply prot = control.send(privateData ? "PROT P" : "PROT C");
            if (pbsz.positive() && prot.positive()) {
                protectData = privateData;
                out.println("EZA2906I Data connection protection is " + (privateData ? "private" : "clear"));
                return true;
            }
            return fail("OPEN", prot.code(), AUTHENTICATION);
        } catch (IOException | RuntimeException e) {
            out.println("EZA2897I Authentication negotiation failed: " + e.getMessage());
            return fail("OPEN", 0, AUTHENTICATION);
        }
    }

    /** The NAME prompt: "user [password]" on one line; a password on its own line only when the server asks. */
    private boolean logon(BufferedReader input) throws IOException {
        out.println("EZA1459I NAME (" + control.host() + ":" + localUser + "):");
        String line = nextLine(input);
        if (line == null) {
            return fail("USER", 0, LOGIN_FAILED);
        }
        String[] words = line.trim().split("\\s+", 2);
        Reply user = control.send("USER " + words[0]);
        if (user.code() == 230) {
            return true;
        }
        if (user.code() != 331) {
            return fail("USER", user.code(), LOGIN_FAILED);
        }
        String password = words.length > 1 ? words[1].trim() : null;
        if (password == null) {
            out.println("EZA1789I PASSWORD:");
            password = nextLine(input);
            if (password == null) {
                return fail("PASS", 0, LOGIN_FAILED);
            }
        }
        Reply pass = control.send("PASS " + password);
        return pass.code() == 230 || pass.code() == 202 || fail("PASS", pass.code(), LOGIN_FAILED);
    }

    private void subcommand(String line, BufferedReader input) {
        String[] words = line.split("\\s+");
        String verb = words[0].toUpperCase(Locale.ROOT);
        String rest = line.length() > words[0].length() ? line.substring(words[0].length()).trim() : "";
        try {
            switch (verb) {
                case "CD", "CWD" -> expect("CD", control.send("CWD " + rest));
                case "CDUP" -> expect("CD", control.send("CDUP"));
                case "PWD" -> expect("PWD", control.send("PWD"));
                case "DIR", "LS" -> list(verb, rest);
                case "GET", "RECV" -> get(words.length > 1 ? words[1] : "", words.length > 2 && !words[2].startsWith("(")
                        ? words[2] : null);
                case "MGET" -> mget(rest);
                case "PUT", "SEND" -> put("PUT", "STOR", words.length > 1 ? words[1] : "",
                        words.length > 2 ? words[2] : null);
                case "APPEND" -> put("APPEND", "APPE", words.length > 1 ? words[1] : "", words.length > 2 ? words[2] : null);
                case "MPUT" -> mput(rest);
                case "DELETE", "DELE" -> expect("DELETE", control.send("DELE " + rest));
                case "MKDIR", "MKD" -> expect("MKDIR", control.send("MKD " + rest));
                case "RMDIR", "RMD" -> expect("RMDIR", control.send("RMD " + rest));
                case "RENAME" -> rename(words);
                case "ASCII" -> typeCommand("ASCII", "TYPE A", false);
                case "BINARY", "BIN" -> typeCommand("BINARY", "TYPE I", true);
                case "TYPE" -> typeCommand("TYPE", "TYPE " + rest, rest.toUpperCase(Locale.ROOT).startsWith("I"));
                case "SITE" -> control.send("SITE " + rest); // z/OS: SITE never ends the session
                case "QUOTE" -> expect("QUOTE", control.send(rest));
                case "STATUS", "STAT" -> expect("STATUS", control.send("STAT"));
                case "SYSTEM", "SYST" -> expect("STATUS", control.send("SYST"));
                case "NOOP" -> expect("QUOTE", control.send("NOOP"));
                case "LCD" -> localCd(rest);
                case "QUIT", "CLOSE", "END", "EXIT", "BYE" -> stop = true;
                default -> {
                    out.println("EZA1469I Unknown command: " + words[0]);
                    fail(verb, 0, USAGE);
                }
            }
        } catch (org.opencs.core.ZosException e) {
            out.println(e.getMessage());
            fail(verb, 0, FILE_ACCESS);
        } catch (IOException e) {
            out.println("EZA1542I The connection to the server was lost: " + e.getMessage());
            control = null;
            fail(verb, 0, SESSION_ERROR);
            stop = true;
        }
    }

    private void typeCommand(String name, String command, boolean toBinary) throws IOException {
        if (expect(name, control.send(command))) {
            binary = toBinary;
        }
    }

    private void rename(String[] words) throws IOException {
        if (words.length < 3) {
            out.println("EZA1475I Usage: RENAME oldname newname");
            fail("RENAME", 0, USAGE);
            return;
        }
        Reply from = control.send("RNFR " + words[1]);
        if (from.code() == 350) {
            expect("RENAME", control.send("RNTO " + words[2]));
        } else {
            expect("RENAME", from);
        }
    }

    private void localCd(String directory) {
        Path next = localFiles.apply(localDirectory.resolve(directory.isEmpty() ? localBase.toString() : directory).normalize());
        if (Files.isDirectory(next)) {
            localDirectory = next;
            out.println("EZA2081I Local directory is " + next);
        } else {
            out.println("EZA2083I Local directory " + next + " does not exist.");
            fail("LCD", 0, FILE_ACCESS);
        }
    }

    private boolean expect(String subcommand, Reply reply) {
        return reply.positive() || fail(subcommand, reply.code(), SERVER_ERROR);
    }

    /** Records a failure (the first one decides the return code); with EXIT the session ends here. */
    private boolean fail(String subcommand, int replyCode, int errorCode) {
        if (firstError == 0) {
            firstError = errorCode;
        }
        if (exitOnError()) {
            int code = SUBCOMMAND_CODES.getOrDefault(subcommand, 0);
            out.println(String.format("EZA1735I Std Return Code = %d%03d, Error Code = %05d", code, replyCode, errorCode));
            stop = true;
        }
        return false;
    }

    // ---- data transfers -------------------------------------------------------------------------------------------

    private void list(String verb, String argument) throws IOException {
        java.io.ByteArrayOutputStream listing = new java.io.ByteArrayOutputStream();
        if (transfer(verb, (verb.equals("DIR") ? "LIST" : "NLST") + (argument.isEmpty() ? "" : " " + argument), listing, null)) {
            listing.toString(StandardCharsets.UTF_8).lines().forEach(l -> out.println("EZA2284I " + l));
        }
    }

    private void get(String remote, String local) throws IOException {
        if (remote.isEmpty()) {
            out.println("EZA1475I Usage: GET foreignfile [localfile]");
            fail("GET", 0, USAGE);
            return;
        }
        Path file = localFiles.apply(localDirectory.resolve(local != null ? local : localName(remote)).normalize());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".part");
        try {
            boolean ok;
            if (binary) {
                try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024)) {
                    ok = transfer("GET", "RETR " + remote, o, null);
                }
            } else {
                // TYPE A: the wire's CRLF line ends become this machine's LF.
                java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
                ok = transfer("GET", "RETR " + remote, text, null);
                Files.writeString(temp, text.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"), StandardCharsets.UTF_8);
            }
            if (ok) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A data set name as a local file name: quotes dropped, a member name taken alone. */
    private static String localName(String remote) {
        String name = remote.replace("'", "");
        int open = name.indexOf('(');
        if (open >= 0 && name.endsWith(")")) {
            return name.substring(open + 1, name.length() - 1);
        }
        int slash = name.lastIndexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

    private void mget(String patterns) throws IOException {
        for (String pattern : patterns.split("\\s+")) {
            java.io.ByteArrayOutputStream names = new java.io.ByteArrayOutputStream();
            if (!transfer("MGET", "NLST " + pattern, names, null)) {
                return;
            }
            for (String name : names.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList()) {
                get(name, null);
            }
        }
    }

    private void put(String subcommand, String command, String local, String remote) throws IOException {
        Path file = local.isEmpty() ? localDirectory : localFiles.apply(localDirectory.resolve(local).normalize());
        if (local.isEmpty() || !Files.isRegularFile(file)) {
            out.println("EZA1490I Local file " + (local.isEmpty() ? "(none)" : file) + " was not found.");
            fail(subcommand, 0, FILE_ACCESS);
            return;
        }
        String target = remote != null ? remote : file.getFileName().toString();
        if (binary) {
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                transfer(subcommand, command + " " + target, null, in);
            }
            return;
        }
        // A local text file by its tag, or as it reads (EBCDIC, as a z/OS UNIX file untagged, or this machine's text).
        String text = org.opencs.core.UnixText.readAnyText(file).replace("\r\n", "\n").replace("\n", "\r\n");
        transfer(subcommand, command + " " + target, null,
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private void mput(String patterns) throws IOException {
        for (String pattern : patterns.split("\\s+")) {
            try (var matches = Files.newDirectoryStream(localDirectory, pattern)) {
                for (Path p : matches) {
                    if (Files.isRegularFile(p)) {
                        put("MPUT", "STOR", p.getFileName().toString(), null);
                    }
                }
            }
        }
    }

    /**
     * One data transfer: EPSV (PASV when refused) and the connection, the command, then (after the 125/150 reply)
     * TLS resuming the control connection's session, the bytes into {@code sink} or from {@code source}, and the
     * final reply.
     */
    private boolean transfer(String subcommand, String command, OutputStream sink, InputStream source) throws IOException {
        InetSocketAddress address = passiveAddress();
        if (address == null) {
            return fail(subcommand, 0, SERVER_ERROR);
        }
        io.netty.channel.Channel channel;
        try {
            channel = data.connect(address);
        } catch (IOException e) {
            out.println("EZA1542I " + e.getMessage());
            return fail(subcommand, 0, CONNECT_FAILED);
        }
        long started = System.nanoTime();
        long bytes;
        Reply start = control.send(command);
        if (!start.preliminary()) {
            channel.close();
            return fail(subcommand, start.code(), SERVER_ERROR);
        }
        try {
            bytes = sink != null ? data.receive(channel, control.host(), control.port(), protectData, sink)
                    : data.send(channel, control.host(), control.port(), protectData, source);
        } catch (IOException e) {
            channel.close();
            out.println("EZA1542I Data connection failed: " + e.getMessage());
            control.read();
            return fail(subcommand, 0, SESSION_ERROR);
        }
        Reply done = control.read();
        if (!done.positive()) {
            return fail(subcommand, done.code(), SERVER_ERROR);
        }
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        out.println(String.format(Locale.ROOT, "EZA1617I %d bytes transferred in %.3f seconds. Transfer rate %.2f Kbytes/sec.",
                bytes, seconds, bytes / seconds / 1000));
        return true;
    }

    /** EPSV, or PASV when refused; always at the control connection's address (RFC 2577: never a third host). */
    private InetSocketAddress passiveAddress() throws IOException {
        Reply epsv = control.send("EPSV");
        int port;
        try {
            if (epsv.code() == 229) {
                String text = epsv.last();
                port = Integer.parseInt(text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')).replace("|", "").trim());
            } else {
                Reply pasv = control.send("PASV");
                if (pasv.code() != 227) {
                    return null;
                }
                String text = pasv.last();
                String[] numbers = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')).split(",");
                port = Integer.parseInt(numbers[4].trim()) * 256 + Integer.parseInt(numbers[5].trim());
            }
        } catch (RuntimeException e) {
            out.println("EZA1542I The passive reply cannot be read: " + e.getMessage());
            return null;
        }
        return new InetSocketAddress(control.remoteAddress().getAddress(), port);
    }

    private void quietClose() {
        if (data != null) {
            data.close();
        }
        try {
            if (control != null) {
                control.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        control = null;
    }
}

package org.opencs.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.cert.AltNames;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code opencs quickstart}: a working system home with a server key database, made on first run and reused after.
 * The database password is random, never printed, and kept only in the stash file (mode 0600) as servers need it.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Create (or reuse) ./opencs-home with a server key database, a local CA and a stash file, "
                + "then print the next steps.")
public final class QuickstartCommand implements Callable<Integer> {
    static final String CA_LABEL = "opencs-quickstart-ca";
    static final String SERVER_LABEL = "opencs-server";
    static final String KEYRING_HFS_PATH = "/etc/opencs/server.kdb";
    /** The new password the printed curl line gives IBMUSER at its first logon (README uses the same). */
    static final String NEW_PASSWORD = "NEWPW123";
    /** The quickstart's FTP server: TLS required on control and data connections, the quickstart key database. */
    static final String SECURE_FTP_DATA = String.join("\n",
            "; FTP.DATA written by opencs quickstart: FTPS required, the quickstart server key database.",
            "EXTENSIONS      AUTH_TLS        ; Enable TLS authentication",
            "SECURE_FTP      REQUIRED        ; No login without AUTH TLS",
            "SECURE_LOGIN    NO_CLIENT_AUTH",
            "SECURE_DATACONN PRIVATE         ; Data connections must be protected (PROT P)",
            "KEYRING         " + "/etc/opencs/server.kdb",
            "STARTDIRECTORY  HFS",
            "JESINTERFACELEVEL 2             ; SITE FILETYPE=JES lists jobs by JESJOBNAME/JESOWNER (Zowe needs 2)",
            "");

    /** The quickstart's TN3270E server: TLS on port 2023 with the quickstart key database, the TSO/E logon panel. */
    static final String SECURE_TELNET_PROFILE = String.join("\n",
            "; PROFILE.TCPIP written by opencs quickstart: a TN3270E port that requires TLS.",
            "TELNETPARMS",
            "  SECUREPORT 2023            ; TN3270E over TLS (the client's handshake opens the connection)",
            "  CONNTYPE   SECURE",
            "  CLIENTAUTH NONE",
            "  KEYRING    HFS " + KEYRING_HFS_PATH,
            "  CODEPAGE   ISO8859-1 IBM-1047",
            "  INACTIVE   0",
            "ENDTELNETPARMS",
            "BEGINVTAM",
            "  DEFAULTAPPL TSO",
            "ENDVTAM",
            "");

    /** The quickstart's web server port (beside FTP's 2021 and TN3270E's 2023), written to system.conf as web.port. */
    static final int WEB_PORT = 2443;

    @Option(names = "--home", defaultValue = "opencs-home", description = "System home directory (default ./${DEFAULT-VALUE})")
    Path home;

    @Override
    public Integer call() throws IOException {
        Path homeDir = home.toAbsolutePath().normalize();
        boolean newHome = !Files.exists(homeDir.resolve("system.conf"));
        org.opencs.core.SystemHome systemHome = newHome ? new org.opencs.core.SystemHome(homeDir)
                : org.opencs.core.SystemHome.open(homeDir);
        org.opencs.saf.SystemInitializer.Result initialized = newHome
                ? org.opencs.saf.SystemInitializer.initialize(systemHome, null, Clock.systemUTC(), new SecureRandom())
                : null;
        Path kdb = systemHome.hfs().resolve(KEYRING_HFS_PATH.substring(1));
        Path caFile = kdb.resolveSibling("opencs-quickstart-ca.pem");
        SecureRandom random = new SecureRandom();
        boolean newKeyDb = !Files.exists(kdb);
        KeyDatabase db = newKeyDb ? createKeyDatabase(kdb, caFile, random) : KeyDatabase.openStashed(kdb, random);
        if (newHome) {
            org.opencs.core.AtomicFiles.write(systemHome.tcpip().resolve("FTP.DATA"), SECURE_FTP_DATA.getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII), false);
            org.opencs.core.AtomicFiles.write(systemHome.tcpip().resolve("PROFILE.TCPIP"), SECURE_TELNET_PROFILE.getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII), false);
            // The web server (docs/web.md) on, with FTP.DATA's KEYRING: the same quickstart key database.
            java.nio.file.Files.writeString(systemHome.systemConf(), "# The web server (HTTPS: login, console, terminal;"
                    + " docs/web.md); its key ring is FTP.DATA's KEYRING unless web.keyring names one.\n"
                    + "web.port=" + WEB_PORT + "\n", java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        var server = db.defaultKey().orElseThrow(() -> new KeyDbException("OCSK031E",
                "Key database " + kdb + " has no default key: set one with 'opencs keydb default --stashed'."));

        System.out.println("OpenCS quickstart");
        System.out.println();
        System.out.println((newHome ? "Created" : "Reused ") + " system home   " + homeDir
                + "  (registry, IBMUSER, TCPIP; system.conf)");
        System.out.println((newKeyDb ? "Created" : "Reused ") + " key database  " + kdb
                + "  (HFS path " + KEYRING_HFS_PATH + ")");
        System.out.println("        request database " + kdb.resolveSibling("server.rdb"));
        System.out.println("        password stash   " + kdb.resolveSibling("server.sth") + "  (mode 0600; the password is not shown)");
        System.out.println("        default key      " + server.label() + "  "
                + server.certificate().getSubjectX500Principal().getName());
        System.out.println("        signed by        " + server.certificate().getIssuerX500Principal().getName());
        System.out.println("        CA certificate   " + caFile + "  (give this to clients to trust the server)");
        int ftpPort;
        boolean initialPasswordPending;
        try (org.opencs.saf.Registry registry = org.opencs.saf.Registry.open(systemHome, Clock.systemUTC(), random)) {
            ftpPort = registry.config().ftpPort();
            initialPasswordPending = registry.users().find("IBMUSER").map(u -> u.passwordExpired()).orElse(false);
        }
        int telnetPort = telnetPort(systemHome);
        Integer webPort = webPort(systemHome);
        String curlUser;
        String curlNote;
        if (initialized != null) {
            String password = new String(initialized.ibmuserPassword());
            Arrays.fill(initialized.ibmuserPassword(), '\0');
            System.out.println();
            System.out.println("IBMUSER's initial password: " + password
                    + "  (shown only now; it must be changed at first logon)");
            curlUser = "'IBMUSER:" + password + "/" + NEW_PASSWORD + "/" + NEW_PASSWORD + "'";
            curlNote = "(z/OS's PASS old/new/new: this first logon replaces the initial password with " + NEW_PASSWORD
                    + ")";
        } else if (initialPasswordPending) {
            curlUser = "IBMUSER";
            curlNote = "(curl asks for the password: type the initial password the first quickstart printed, then /"
                    + NEW_PASSWORD + "/" + NEW_PASSWORD + " to replace it)";
        } else {
            curlUser = "IBMUSER";
            curlNote = "(curl asks for IBMUSER's password)";
        }
        String logonPassword = initialized != null || initialPasswordPending ? NEW_PASSWORD : "your password";
        System.out.println();
        System.out.println("Next steps:");
        System.out.println("  ./opencs keydb list --stashed " + kdb);
        System.out.println("  ./opencs keydb export --stashed " + kdb + " --label " + SERVER_LABEL + " --out - | openssl verify -CAfile "
                + caFile);
        System.out.println("  ./opencs start --home " + homeDir);
        System.out.println("        (FTPS on port " + ftpPort + (telnetPort > 0 ? ", TN3270E over TLS on " + telnetPort : "")
                + (webPort != null ? ", HTTPS on " + webPort : "")
                + ", for this machine only (bind.address in system.conf); Ctrl-C stops it)");
        System.out.println("  curl --ssl-reqd --cacert " + caFile + " --user " + curlUser + " ftp://localhost:" + ftpPort + "/");
        System.out.println("        " + curlNote);
        if (telnetPort > 0) {
            System.out.println("  s3270 -cafile " + caFile + " -model 3278-2");
            System.out.println("        (then type: Connect(L:localhost:" + telnetPort + ") Wait(InputField) String(\"IBMUSER\") Tab()"
                    + " String(\"" + logonPassword + "\") Enter() Ascii())");
        }
        if (webPort != null) {
            System.out.println("  https://localhost:" + webPort + "/");
            System.out.println("        (the web console in a browser that trusts " + caFile.getFileName()
                    + "; log on as IBMUSER with " + logonPassword
                    + (initialized != null || initialPasswordPending
                            ? " once the curl line above has set it, or with the initial one and a new password" : "") + ")");
        }
        System.out.println("  ./opencs tso --home " + homeDir + " LISTUSER IBMUSER");
        System.out.println("  ./opencs gskkyman              (menus; 2 - Open database, then the path above)");
        System.out.println("  ./opencs --help                (every command)");
        return 0;
    }

    /** system.conf's web.port, or null when the web server is off or system.conf cannot be read. */
    private static Integer webPort(org.opencs.core.SystemHome home) {
        try {
            return org.opencs.web.WebSettings.load(home).port();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The port of the first TELNETPARMS block of tcpip/PROFILE.TCPIP, or 0 when there is none or it cannot be read. */
    private static int telnetPort(org.opencs.core.SystemHome home) {
        Path profile = home.tcpip().resolve("PROFILE.TCPIP");
        try {
            String text = Files.exists(profile) ? Files.readString(profile, java.nio.charset.StandardCharsets.UTF_8) : "";
            var ports = org.opencs.tn3270.config.ProfileParser.parse(text, profile.toString()).config().ports();
            return ports.isEmpty() ? 0 : ports.get(0).port();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static KeyDatabase createKeyDatabase(Path kdb, Path caFile, SecureRandom random) throws IOException {
        Files.createDirectories(kdb.getParent());
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        KeyDatabase db = KeyDatabase.create(kdb, password, 5000, random);
        Arrays.fill(password, '\0');
        KeyDbOperations operations = new KeyDbOperations(random, Clock.systemUTC());
        String host = hostName();
        operations.createSelfSigned(db, CA_LABEL, KeyType.RSA_2048, CertificateProfile.CA,
                new SubjectName("OpenCS Quickstart CA " + host, null, "OpenCS", null, null, "US").toX500Name(),
                3650, List.of());
        List<String> names = new ArrayList<>(List.of("DNS:localhost", "IP:127.0.0.1", "IP:::1"));
        if (!host.equals("localhost")) {
            names.add("DNS:" + host);
        }
        operations.createSigned(db, CA_LABEL, SERVER_LABEL, KeyType.RSA_2048, CertificateProfile.SERVER,
                new SubjectName(host, "OpenCS quickstart", "OpenCS", null, null, "US").toX500Name(), 825,
                AltNames.parse(names));
        db.setDefault(SERVER_LABEL);
        db.save();
        db.stash(StashFile.Format.V8);
        // Base64 text in ASCII, tagged ISO8859-1: FTP TYPE A downloads convert it by its tag (docs/ftp.md).
        org.opencs.core.UnixText.writeExport(caFile, operations.exportCertificate(db, CA_LABEL, ExportFormat.BASE64_DER), false);
        return db;
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (IOException e) {
            return "localhost";
        }
    }
}

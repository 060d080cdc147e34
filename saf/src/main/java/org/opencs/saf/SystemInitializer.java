package org.opencs.saf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.opencs.core.AtomicFiles;
import org.opencs.core.SystemHome;
import org.opencs.core.ZosException;
import org.opencs.saf.users.User;

/**
 * {@code opencs init}: lays out a new node home (DESIGN.md), writes system.conf and commented tcpip/ defaults, and
 * either creates a system (the master key, the registry, IBMUSER (SPECIAL, a random password that must be changed at
 * first logon, shown once) and the servers' user ID (no password: it cannot log on)) or, when the registry already
 * holds a system, joins it: no new user, no new master key; the node must hold the system's master key.
 */
public final class SystemInitializer {
    /**
     * What init made; the initial password is shown to the administrator once and kept nowhere else ({@code null} when
     * the node joined an existing system). {@code registry} is the registry as messages name it (no password).
     */
    public record Result(SystemHome home, char[] ibmuserPassword, String serverUserid, boolean joined, String sysname,
                         String registry, java.nio.file.Path createdMasterKey) {
        /** A new system's result (the shape init had before nodes could join). */
        public Result(SystemHome home, char[] ibmuserPassword, String serverUserid) {
            this(home, ibmuserPassword, serverUserid, false, "OPENCS", "", home.saf().resolve("master.key"));
        }
    }

    /**
     * The choices of {@code opencs init}: the registry URL (null: embedded H2 in saf/), the shared directory for
     * hfs/, datasets/ and spool/ (null: the home; relative: to the home), the node's SYSNAME and SMF ID (null: OPENCS
     * and 3090 for a new system; a joining node must name its SYSNAME) and the master key file (null: saf/master.key;
     * an existing file is used, not replaced).
     */
    public record Options(String registryUrl, Path sharedDir, String sysname, String smfid, Path masterKeyFile) {
        public static Options of(String registryUrl) {
            return new Options(registryUrl, null, null, null, null);
        }
    }

    /** The system_options prefix under which each node's SYSNAME is recorded (value: the node's home). */
    static final String SYSNAME_OPTION = NodeNames.PREFIX;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private SystemInitializer() {
    }

    public static Result initialize(SystemHome home, String registryUrl, Clock clock, SecureRandom random) throws IOException {
        return initialize(home.root(), Options.of(registryUrl), clock, random);
    }

    /**
     * Creates the node home {@code root} as {@code options} say; see the class comment.
     *
     * @throws ZosException OCS0040E when a system exists in the home, OCS0042E when joining without the system's
     *                      master key or before the system has a key check value, OCS0043E for a bad or taken SYSNAME
     *                      or a bad SMF ID, OCS0015E when the key is not the system's; registry errors (OCS0021E..)
     */
    public static Result initialize(Path root, Options options, Clock clock, SecureRandom random) throws IOException {
        SystemHome home = new SystemHome(root, options.sharedDir());
        if (Files.exists(home.systemConf())) {
            throw new ZosException("OCS0040E", "A system already exists in " + home.root() + " (system.conf is there).");
        }
        Probe probe = options.registryUrl() == null ? Probe.EMPTY : Probe.of(options.registryUrl());
        String sysname = sysname(options, probe);
        String smfid = options.smfid() == null ? "3090" : options.smfid().trim().toUpperCase(java.util.Locale.ROOT);
        if (!smfid.matches("[A-Z0-9#$@]{1,4}")) {
            throw new ZosException("OCS0043E", "The SMF ID '" + org.opencs.core.Values.quoteForMessage(smfid)
                    + "' is not 1 to 4 letters, digits or #, $, @.");
        }
        Path defaultKey = home.saf().resolve("master.key");
        Path keyFile = options.masterKeyFile() == null ? defaultKey : options.masterKeyFile().toAbsolutePath().normalize();
        boolean keyFromEnvironment = !blank(System.getenv(MasterKey.ENVIRONMENT_VARIABLE));
        if (probe.holdsSystem()) {
            if (!probe.hasKeyCheck()) {
                throw new ZosException("OCS0042E", "The registry " + probe.where() + " holds a system without a master "
                        + "key check value (made by an older OpenCS): start one of its nodes once (it records the "
                        + "check), then run init again.");
            }
            if (!keyFromEnvironment && !Files.isRegularFile(keyFile)) {
                throw new ZosException("OCS0042E", "The registry " + probe.where() + " already holds a system: a "
                        + "joining node needs the system's master key. Set " + MasterKey.ENVIRONMENT_VARIABLE
                        + " or give --master-key-file naming the system's key file (0600, on protected storage).");
            }
        }
        for (Path dir : List.of(home.tcpip(), home.saf(), home.logs(), home.shared(), home.hfs(), home.datasets(),
                home.spool())) {
            Files.createDirectories(dir);
        }
        Files.createDirectories(home.hfs().resolve("u"));
        Path createdKey = null;
        if (!probe.holdsSystem() && (options.masterKeyFile() == null || !Files.exists(keyFile))) {
            MasterKey.create(keyFile, random);
            createdKey = keyFile;
        }
        StringBuilder conf = new StringBuilder()
                .append("# OpenCS system configuration (Java properties). Unknown keys are reported as warnings.\n")
                .append("# SYSNAME: this node's name; every node of a system has its own (docs/deployment.md).\n")
                .append("sysname=").append(sysname).append('\n')
                .append("# SMF ID: TSO's PassTicket application name is TSO followed by it (TSO3090 in the seed).\n")
                .append("smfid=").append(smfid).append('\n')
                .append("# Registry: embedded H2 in saf/ by default; jdbc:postgresql://host/db to share it between nodes\n")
                .append("# (user in registry.user, password in OPENCS_REGISTRY_PASSWORD).\n");
        if (options.registryUrl() != null) {
            conf.append("registry.url=").append(escape(options.registryUrl())).append('\n');
        } else {
            conf.append("#registry.url=jdbc:postgresql://localhost/opencs\n");
        }
        conf.append("#registry.user=opencs\n");
        if (options.sharedDir() != null) {
            conf.append("# hfs/, datasets/ and spool/ of every node of the system (relative: to this home).\n")
                    .append(SystemHome.SHARED_DIR_KEY).append('=').append(escape(options.sharedDir().toString()))
                    .append('\n');
        }
        conf.append("# The user ID the servers run under; it owns key rings named without an owner.\n")
                .append("server.userid=TCPIP\n")
                .append("ftp.port=2021\n")
                .append("# The address the servers listen on: this machine only. 0.0.0.0 opens them to the network\n")
                .append("# (every interface; opencs start --bind overrides it for one run).\n")
                .append("bind.address=127.0.0.1\n")
                .append("# The master key that seals registry secrets (or set OPENCS_MASTER_KEY, Base64).\n")
                .append("master.key.file=").append(escape(keyFile.toString())).append('\n');
        AtomicFiles.write(home.systemConf(), conf.toString().getBytes(StandardCharsets.UTF_8), false);
        writeDefault(home.tcpip().resolve("FTP.DATA"), "; FTP.DATA - FTP server configuration (z/OS statement syntax).\n"
                + "; Statements take effect when the FTP server starts. Examples from the seed:\n"
                + ";EXTENSIONS      AUTH_TLS\n;SECURE_FTP      ALLOWED\n;KEYRING         /etc/opencs/server.kdb\n");
        writeDefault(home.tcpip().resolve("PROFILE.TCPIP"), "; PROFILE.TCPIP - TN3270E server configuration.\n"
                + ";TELNETPARMS\n;  SECUREPORT 2023\n;  CONNTYPE SECURE\n;  KEYRING SAF TCPRING\n;ENDTELNETPARMS\n");

        try {
            if (probe.holdsSystem()) {
                return join(home, sysname, probe.where(), clock, random);
            }
            char[] password = randomPassword(random);
            Result made = populate(home, clock, random, password);
            return new Result(made.home(), made.ibmuserPassword(), made.serverUserid(), false, sysname,
                    probe.where(), createdKey);
        } catch (RuntimeException | IOException e) {
            // A registry that cannot be opened or filled (or a key that is not the system's) leaves no node behind:
            // without system.conf and the master key it wrote, init can be run again once the cause is fixed.
            Files.deleteIfExists(home.systemConf());
            if (createdKey != null) {
                Files.deleteIfExists(createdKey);
            }
            throw e;
        }
    }

    /** Opens the existing system's registry (verifying the master key) and records this node's SYSNAME. */
    private static Result join(SystemHome home, String sysname, String where, Clock clock, SecureRandom random) {
        try (Registry registry = Registry.open(home, clock, random)) {
            record(registry, sysname);
            return new Result(registry.home(), null, registry.config().serverUserid(), true, sysname, where, null);
        }
    }

    /** SYSNAME.name = the node's home, so that a second node cannot take the name at init. */
    private static void record(Registry registry, String sysname) {
        new NodeNames(registry).record(sysname);
    }

    /** The node's SYSNAME: given (1-8 letters, digits, national), OPENCS for a new system; a joiner must name a free one. */
    private static String sysname(Options options, Probe probe) {
        if (options.sysname() == null) {
            if (probe.holdsSystem()) {
                throw new ZosException("OCS0043E", "The registry " + probe.where() + " already holds a system: give "
                        + "this node a SYSNAME of its own with --sysname (in use: " + String.join(", ", probe.sysnames())
                        + ").");
            }
            return "OPENCS";
        }
        String name = options.sysname().trim().toUpperCase(java.util.Locale.ROOT);
        if (!name.matches("[A-Z#$@][A-Z0-9#$@]{0,7}")) {
            throw new ZosException("OCS0043E", "The SYSNAME '" + org.opencs.core.Values.quoteForMessage(name)
                    + "' is not 1 to 8 letters, digits or #, $, @ starting with a letter or #, $, @.");
        }
        if (probe.sysnames().contains(name)) {
            throw new ZosException("OCS0043E", "The SYSNAME " + name + " is already used by a node of the system in "
                    + probe.where() + ": give this node a SYSNAME of its own with --sysname.");
        }
        return name;
    }

    /** What the registry at init's URL holds before init writes anything: a system or not, and its nodes' names. */
    private record Probe(boolean holdsSystem, boolean hasKeyCheck, List<String> sysnames, String where) {
        static final Probe EMPTY = new Probe(false, false, List.of(), "");

        static Probe of(String url) {
            String password = System.getenv("OPENCS_REGISTRY_PASSWORD");
            try (org.opencs.saf.store.Database database = new org.opencs.saf.store.Database(url, "",
                    password == null ? "" : password)) {
                boolean users = database.inTransaction(c -> org.opencs.saf.store.Sql.exists(c, "SELECT 1 FROM users"));
                boolean check = MasterKeyCheck.present(database);
                var options = new org.opencs.saf.store.OptionStore(database);
                List<String> names = options.names(SYSNAME_OPTION).stream()
                        .map(n -> n.substring(SYSNAME_OPTION.length())).toList();
                if (users && names.isEmpty()) {
                    names = List.of("OPENCS");
                }
                return new Probe(users || check, check, names, org.opencs.saf.store.Database.withoutPassword(url));
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static Result populate(SystemHome home, Clock clock, SecureRandom random, char[] password)
            throws IOException {
        try (Registry registry = Registry.open(home, clock, random)) {
            var now = clock.instant();
            registry.users().add(User.define("IBMUSER", "IBMUSER", "IBMUSER", registry.passwordHasher().hash(password),
                    true, true, 0L, "/u/ibmuser", now));
            String serverUserid = registry.config().serverUserid();
            registry.users().add(User.define(serverUserid, "TCP/IP SERVERS", "IBMUSER", null, false, false, 0L,
                    "/u/" + serverUserid.toLowerCase(java.util.Locale.ROOT), now));
            // The servers read their SAF key rings: FACILITY IRR.DIGTCERT.LIST and .LISTRING, READ for the server user.
            for (String profile : List.of("IRR.DIGTCERT.LIST", "IRR.DIGTCERT.LISTRING")) {
                registry.resources().add(org.opencs.saf.resources.ResourceProfile.simple("FACILITY", profile, "IBMUSER",
                        org.opencs.saf.resources.AccessLevel.NONE), now);
                registry.resources().permit("FACILITY", profile, serverUserid, org.opencs.saf.resources.AccessLevel.READ);
            }
            record(registry, registry.config().sysname());
            Files.createDirectories(registry.home().hfsPath("/u/ibmuser"));
            return new Result(registry.home(), password, serverUserid);
        }
    }

    private static void writeDefault(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Eight characters from an alphabet without look-alikes; valid under the password rules. */
    static char[] randomPassword(SecureRandom random) {
        char[] password = new char[8];
        for (int i = 0; i < password.length; i++) {
            password[i] = PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length()));
        }
        return password;
    }
}

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
 * {@code opencs init}: lays out a new system home (DESIGN.md), writes system.conf and commented tcpip/ defaults,
 * creates the master key and the registry, and defines IBMUSER (SPECIAL, a random password that must be changed at
 * first logon, shown once) and the servers' user ID (no password: it cannot log on).
 */
public final class SystemInitializer {
    /** What init made; the initial password is shown to the administrator once and kept nowhere else. */
    public record Result(SystemHome home, char[] ibmuserPassword, String serverUserid) {
    }

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private SystemInitializer() {
    }

    public static Result initialize(SystemHome home, String registryUrl, Clock clock, SecureRandom random) throws IOException {
        if (Files.exists(home.systemConf())) {
            throw new ZosException("OCS0040E", "A system already exists in " + home.root() + " (system.conf is there).");
        }
        for (Path dir : List.of(home.tcpip(), home.hfs(), home.datasets(), home.saf(), home.spool(), home.logs())) {
            Files.createDirectories(dir);
        }
        Files.createDirectories(home.hfs().resolve("u"));
        MasterKey.create(home.saf().resolve("master.key"), random);
        StringBuilder conf = new StringBuilder()
                .append("# OpenCS system configuration (Java properties). Unknown keys are reported as warnings.\n")
                .append("sysname=OPENCS\n")
                .append("# SMF ID: TSO's PassTicket application name is TSO followed by it (TSO3090 in the seed).\n")
                .append("smfid=3090\n")
                .append("# Registry: embedded H2 in saf/ by default; jdbc:postgresql://host/db to share it between nodes\n")
                .append("# (user in registry.user, password in OPENCS_REGISTRY_PASSWORD).\n");
        if (registryUrl != null) {
            conf.append("registry.url=").append(registryUrl.replace("\\", "\\\\")).append('\n');
        } else {
            conf.append("#registry.url=jdbc:postgresql://localhost/opencs\n");
        }
        conf.append("#registry.user=opencs\n")
                .append("# The user ID the servers run under; it owns key rings named without an owner.\n")
                .append("server.userid=TCPIP\n")
                .append("ftp.port=2021\n")
                .append("# The address the servers listen on: this machine only. 0.0.0.0 opens them to the network\n")
                .append("# (every interface; opencs start --bind overrides it for one run).\n")
                .append("bind.address=127.0.0.1\n")
                .append("# The master key that seals registry secrets (or set OPENCS_MASTER_KEY, Base64).\n")
                .append("master.key.file=").append(home.saf().resolve("master.key").toString().replace("\\", "\\\\")).append('\n');
        AtomicFiles.write(home.systemConf(), conf.toString().getBytes(StandardCharsets.UTF_8), false);
        writeDefault(home.tcpip().resolve("FTP.DATA"), "; FTP.DATA - FTP server configuration (z/OS statement syntax).\n"
                + "; Statements take effect when the FTP server starts. Examples from the seed:\n"
                + ";EXTENSIONS      AUTH_TLS\n;SECURE_FTP      ALLOWED\n;KEYRING         /etc/opencs/server.kdb\n");
        writeDefault(home.tcpip().resolve("PROFILE.TCPIP"), "; PROFILE.TCPIP - TN3270E server configuration.\n"
                + ";TELNETPARMS\n;  SECUREPORT 2023\n;  CONNTYPE SECURE\n;  KEYRING SAF TCPRING\n;ENDTELNETPARMS\n");

        char[] password = randomPassword(random);
        try {
            return populate(home, clock, random, password);
        } catch (RuntimeException | IOException e) {
            // A registry that cannot be opened or filled leaves no system behind: without system.conf and the master
            // key it wrote, init can be run again once the cause is fixed (else it would say a system exists).
            Files.deleteIfExists(home.systemConf());
            Files.deleteIfExists(home.saf().resolve("master.key"));
            throw e;
        }
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
            Files.createDirectories(home.hfsPath("/u/ibmuser"));
            return new Result(home, password, serverUserid);
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

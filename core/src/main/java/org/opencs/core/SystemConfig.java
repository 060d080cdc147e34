package org.opencs.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * {@code system.conf}: a Java properties file naming the system (sysname, smfid), its registry, the user ID the
 * servers run under, the FTP port, the address the servers listen on and the master key. Unknown keys are reported
 * as warnings, not errors, so a newer file still works with an older OpenCS.
 *
 * <p>{@code bind.address}: {@code init} and {@code quickstart} write 127.0.0.1, so a new system (with IBMUSER) is
 * reachable from this machine only until the operator widens it (0.0.0.0, or one interface's address); a home
 * written before the key existed has none and keeps listening on every interface (0.0.0.0), as it did.
 *
 * <p>{@code shared.dir}: the directory holding hfs/, datasets/ and spool/ for every node of a system (read by
 * {@link SystemHome#open}); the home itself when absent.
 *
 * <p>{@code syslog.max.file.size}, {@code syslog.max.history}, {@code syslog.total.size.cap}: how logs/syslog rolls
 * over ({@link SyslogSettings}, docs/diagnostics.md "System log").
 */
public record SystemConfig(String sysname, String smfid, String registryUrl, String registryUser, String serverUserid,
                           int ftpPort, String bindAddress, String masterKeyFile, SessionLimits ftpLimits, SessionLimits tn3270Limits,
                           SyslogSettings syslog, List<String> warnings) {
    public static final Set<String> KNOWN_KEYS = Set.of("sysname", "smfid", "registry.url", "registry.user",
            "server.userid", "ftp.port", "bind.address", "master.key.file", "tn3270.port", "ftp.max.sessions",
            "ftp.max.sessions.per.client", "tn3270.max.sessions", "tn3270.max.sessions.per.client", "jes.initiators",
            "jes.proclib", "jes.node", "jes.classes", "syslog.max.file.size", "syslog.max.history",
            "syslog.total.size.cap", SystemHome.SHARED_DIR_KEY,
            // Behind a load balancer (docs/deployment.md): read by the FTP and TN3270 servers (pki TrustedBalancers,
            // ftp FtpFrontEnd), which report a bad value as OCS0006E.
            "proxy.protocol.from", "ftp.passive.address",
            // The web server (docs/web.md): read by web's WebSettings, which reports a bad value as OCS0006E.
            "web.port", "web.keyring", "web.idle.timeout");

    public SystemConfig {
        warnings = List.copyOf(warnings);
    }

    public static SystemConfig load(SystemHome home) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(home.systemConf(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ZosException("OCS0003E", "No system.conf in " + home.root()
                    + ": create the system with './opencs init --home " + home.root() + "'.");
        } catch (IOException e) {
            throw new ZosException("OCS0004E", "system.conf in " + home.root() + " cannot be read: " + e.getMessage());
        }
        List<String> warnings = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            if (!KNOWN_KEYS.contains(key)) {
                warnings.add("OCS0005W system.conf: unknown key '" + Values.quoteForMessage(key) + "' is ignored.");
            }
        }
        String sysname = upper(properties.getProperty("sysname", "OPENCS"));
        String smfid = upper(properties.getProperty("smfid", "OCS1"));
        if (!smfid.matches("[A-Z0-9#$@]{1,4}")) {
            throw new ZosException("OCS0006E", "system.conf: smfid '" + Values.quoteForMessage(smfid)
                    + "' must be 1 to 4 characters.");
        }
        int ftpPort = number(properties, "ftp.port", 2021);
        SessionLimits ftpLimits = new SessionLimits(
                number(properties, "ftp.max.sessions", SessionLimits.FTP_DEFAULT.total()),
                number(properties, "ftp.max.sessions.per.client", SessionLimits.FTP_DEFAULT.perClient()));
        SessionLimits tn3270Limits = new SessionLimits(
                number(properties, "tn3270.max.sessions", SessionLimits.TN3270_DEFAULT.total()),
                number(properties, "tn3270.max.sessions.per.client", SessionLimits.TN3270_DEFAULT.perClient()));
        String url = properties.getProperty("registry.url",
                "jdbc:h2:file:" + home.saf().resolve("registry") + ";AUTO_SERVER=TRUE").trim();
        String masterKeyFile = properties.getProperty("master.key.file", home.saf().resolve("master.key").toString()).trim();
        try {
            java.nio.file.Path.of(masterKeyFile);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ZosException("OCS0006E", "system.conf: master.key.file '" + Values.quoteForMessage(masterKeyFile)
                    + "' is not a valid file name.");
        }
        return new SystemConfig(sysname, smfid, url, properties.getProperty("registry.user", "").trim(),
                upper(properties.getProperty("server.userid", "TCPIP")), ftpPort, bindAddress(properties), masterKeyFile,
                ftpLimits, tn3270Limits, SyslogSettings.from(properties), warnings);
    }

    /** bind.address: an IP address or host name without blanks; 0.0.0.0 (every interface) when absent. */
    private static String bindAddress(Properties properties) {
        String address = properties.getProperty("bind.address", "0.0.0.0").trim();
        if (address.isEmpty() || !address.matches("[A-Za-z0-9.:%_-]+")) {
            throw new ZosException("OCS0006E", "system.conf: bind.address '" + Values.quoteForMessage(address)
                    + "' is not an IP address or host name.");
        }
        return address;
    }

    /** A non-negative whole number from system.conf, or {@code fallback} when the key is absent. */
    private static int number(Properties properties, String key, int fallback) {
        String text = properties.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ZosException("OCS0006E", "system.conf: " + key + " '" + Values.quoteForMessage(text.trim())
                + "' is not a number of 0 or more.");
    }

    /** The application name TSO uses for PassTickets: TSO followed by the SMF ID (the seed's TSO3090). */
    public String tsoApplication() {
        return "TSO" + smfid;
    }

    private static String upper(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }
}

package org.opencs.ftp.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FTP server's configuration from FTP.DATA, with IBM's names and defaults (shared/reference/zos-ftp.md section 4).
 * {@code cipherSuites} are IANA names to enable (empty: today's defaults); {@code dataCtTime} (DATACTTIME) and
 * {@code dataTimeout} (DATATIMEOUT) are the data connection timers in seconds, parsed with IBM's defaults and ranges
 * for the server to apply; {@code jes} holds the JES interface statements (JESINTERFACELEVEL, JESENTRYLIMIT,
 * JESGETBYDSN, JESPUTGETTO: {@link JesOptions}); {@code debug} is the general traces every session starts with (the
 * DEBUG statements, cumulative: {@link TraceSet}) and {@code debugOnSite} whether a client may change its session's
 * with SITE DEBUG= (DEBUGONSITE, default FALSE); {@code other} keeps recognised statements that have no effect yet, by name;
 * {@code smf}: the SMF 119 records the SMF statements ask for ({@link FtpSmf}).
 */
public record FtpData(Set<String> extensions, SecureFtp secureFtp, SecureLogin secureLogin,
                      SecurePassword securePassword, Protection secureCtrlconn, Protection secureDataconn,
                      int securePbsz, SessionReuse secureSessionReuse, String tlsRfcLevel, String tlsMechanism,
                      Integer tlsPort, boolean secureImplicitZos, String keyring, List<String> cipherSuites,
                      boolean insecureCipherSuites, int tlsTimeout, StartDirectory startDirectory, boolean ftpLogging,
                      String banner, String loginMessage, int inactiveSeconds, int[] passiveDataPorts,
                      int dataCtTime, int dataTimeout, JesOptions jes, TraceSet debug, boolean debugOnSite,
                      Map<String, String> other, FtpSmf smf) {
    /** DATACTTIME's default: IBM documents 120 seconds (valid 15 - 86400). */
    public static final int DEFAULT_DATACTTIME = 120;
    /** DATATIMEOUT's default: IBM documents 300 seconds (valid 0 - 86400, 0 = no time-out). */
    public static final int DEFAULT_DATATIMEOUT = 300;

    public enum SecureFtp { ALLOWED, REQUIRED }

    public enum SecureLogin { NO_CLIENT_AUTH, REQUIRED, VERIFY_USER }

    public enum SecurePassword { REQUIRED, OPTIONAL }

    /** SECURE_CTRLCONN and SECURE_DATACONN levels, weakest first (NEVER only for data connections). */
    public enum Protection { NEVER, CLEAR, SAFE, PRIVATE }

    public enum SessionReuse { ALLOWED, REQUIRED, NONE }

    public enum StartDirectory { MVS, HFS }

    public FtpData {
        extensions = Set.copyOf(extensions);
        cipherSuites = List.copyOf(cipherSuites);
        other = Map.copyOf(other);
        passiveDataPorts = passiveDataPorts == null ? null : passiveDataPorts.clone();
    }

    public boolean tlsEnabled() {
        return extensions.contains("AUTH_TLS");
    }

    /**
     * SECURE_PASSWORD OPTIONAL only has a meaning when a client certificate is verified; with NO_CLIENT_AUTH z/OS
     * forces it back to REQUIRED (and says so at startup).
     */
    public SecurePassword effectivePasswordRule() {
        return secureLogin == SecureLogin.NO_CLIENT_AUTH ? SecurePassword.REQUIRED : securePassword;
    }
}

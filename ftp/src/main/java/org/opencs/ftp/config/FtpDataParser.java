package org.opencs.ftp.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opencs.core.StatementFile;
import org.opencs.core.StatementFile.Statement;
import org.opencs.core.Values;
import org.opencs.core.ZosException;

/**
 * Reads FTP.DATA: statement names and values as z/OS writes them (the seed's file parses as printed). An unknown
 * statement is warning EZYFT47I with its line; a statement IBM documents that OpenCS does not act on is warning
 * OCSF012W with its line (see {@link FtpStatements}); a bad value is an error naming the line and column (EZYFT46E),
 * and nothing is applied. A value holding a control character (NUL, ...) is a bad value: no file or ring name holds
 * one. Values repeated in messages are cut ({@link Values#quoteForMessage}). Obsolete CIPHERSUITE names are refused
 * with a warning unless OPENCS_INSECURE_CIPHERSUITES TRUE is set. The SMF statements are read by {@link SmfStatements}.
 */
public final class FtpDataParser {
    private final String source;
    private final boolean client;
    private final List<String> warnings = new ArrayList<>();

    private FtpDataParser(String source, boolean client) {
        this.source = source;
        this.client = client;
    }

    /** The configuration and the warnings to log. */
    public record Result(FtpData config, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    public static Result parse(String text, String source) {
        return parse(text, source, false);
    }

    /** A client's FTP.DATA: the same statements, without the server's consistency rules (SECURE_FTP needs AUTH_TLS). */
    public static Result parseClient(String text, String source) {
        return parse(text, source, true);
    }

    private static Result parse(String text, String source, boolean client) {
        FtpDataParser parser = new FtpDataParser(source, client);
        FtpData config = parser.read(StatementFile.parse(text));
        return new Result(config, parser.warnings);
    }

    private FtpData read(List<Statement> statements) {
        Set<String> extensions = new LinkedHashSet<>();
        FtpData.SecureFtp secureFtp = FtpData.SecureFtp.ALLOWED;
        FtpData.SecureLogin secureLogin = FtpData.SecureLogin.NO_CLIENT_AUTH;
        FtpData.SecurePassword securePassword = FtpData.SecurePassword.REQUIRED;
        FtpData.Protection ctrl = FtpData.Protection.CLEAR;
        FtpData.Protection data = FtpData.Protection.CLEAR;
        int pbsz = 16384;
        FtpData.SessionReuse reuse = FtpData.SessionReuse.REQUIRED;
        String rfcLevel = "DRAFT";
        String mechanism = "FTP";
        Integer tlsPort = null;
        boolean implicitZos = true;
        String keyring = null;
        List<Statement> suites = new ArrayList<>();
        boolean insecure = false;
        int tlsTimeout = 100;
        FtpData.StartDirectory start = FtpData.StartDirectory.MVS;
        boolean logging = false;
        String banner = null;
        String loginMessage = null;
        int inactive = 300;
        int[] passive = null;
        int dataCtTime = FtpData.DEFAULT_DATACTTIME;
        int dataTimeout = FtpData.DEFAULT_DATATIMEOUT;
        int jesLevel = JesOptions.DEFAULTS.interfaceLevel();
        int jesEntryLimit = JesOptions.DEFAULTS.entryLimit();
        boolean jesGetByDsn = JesOptions.DEFAULTS.getByDsn();
        int jesPutGetTo = JesOptions.DEFAULTS.putGetTimeoutSeconds();
        TraceSet debug = TraceSet.NONE;
        boolean debugOnSite = false;
        Map<String, String> other = new HashMap<>();
        SmfStatements smf = new SmfStatements(source, warnings, (st, reason) -> error(st, 0, reason));
        for (Statement s : statements) {
            boolean known = s.name().equals("OPENCS_INSECURE_CIPHERSUITES") || FtpStatements.IBM.contains(s.name());
            if (known) {
                noControlCharacters(s);
            }
            switch (s.name()) {
                case "EXTENSIONS" -> {
                    for (int i = 0; i < s.values().size(); i++) {
                        extensions.add(choice(s, i, "AUTH_TLS", "AUTH_GSSAPI", "SIZE", "MDTM", "UTF8", "REST_STREAM"));
                    }
                    requireValues(s, 1);
                }
                case "SECURE_FTP" -> secureFtp = FtpData.SecureFtp.valueOf(choice(s, 0, "ALLOWED", "REQUIRED"));
                case "SECURE_LOGIN" -> secureLogin = FtpData.SecureLogin.valueOf(
                        choice(s, 0, "NO_CLIENT_AUTH", "REQUIRED", "VERIFY_USER"));
                case "SECURE_PASSWORD" -> securePassword = FtpData.SecurePassword.valueOf(choice(s, 0, "REQUIRED", "OPTIONAL"));
                case "SECURE_CTRLCONN" -> ctrl = FtpData.Protection.valueOf(choice(s, 0, "CLEAR", "SAFE", "PRIVATE"));
                case "SECURE_DATACONN" -> data = FtpData.Protection.valueOf(choice(s, 0, "NEVER", "CLEAR", "SAFE", "PRIVATE"));
                case "SECURE_PBSZ" -> pbsz = number(s, 512, 32768);
                case "SECURE_SESSION_REUSE" -> reuse = FtpData.SessionReuse.valueOf(choice(s, 0, "ALLOWED", "REQUIRED", "NONE"));
                case "TLSRFCLEVEL" -> rfcLevel = choice(s, 0, "DRAFT", "RFC4217", "CCCNONOTIFY");
                case "TLSMECHANISM" -> mechanism = choice(s, 0, "FTP", "ATTLS");
                case "TLSPORT" -> tlsPort = number(s, 0, 65535);
                case "SECUREIMPLICITZOS" -> implicitZos = bool(s);
                case "KEYRING" -> keyring = single(s);
                case "CIPHERSUITE" -> {
                    single(s);
                    suites.add(s);
                }
                case "OPENCS_INSECURE_CIPHERSUITES" -> insecure = bool(s);
                case "TLSTIMEOUT" -> tlsTimeout = number(s, 0, 86400);
                case "STARTDIRECTORY" -> start = FtpData.StartDirectory.valueOf(choice(s, 0, "MVS", "HFS"));
                case "FTPLOGGING" -> logging = bool(s);
                case "BANNER" -> banner = single(s);
                case "LOGINMSG" -> loginMessage = single(s);
                case "INACTIVE" -> inactive = number(s, 0, 2147483647);
                case "PASSIVEDATAPORTS" -> passive = portRange(s);
                case "DATACTTIME" -> dataCtTime = number(s, 15, 86400);
                case "DATATIMEOUT" -> dataTimeout = number(s, 0, 86400);
                case "JESINTERFACELEVEL" -> jesLevel = number(s, 1, 2);
                case "JESENTRYLIMIT" -> jesEntryLimit = number(s, 1, 1024);
                case "JESGETBYDSN" -> jesGetByDsn = bool(s);
                case "JESPUTGETTO" -> jesPutGetTo = number(s, 0, 86400);
                case "DEBUG" -> {
                    debug = debug.withAll(debugOptions(s));
                    if (client) {
                        noEffect(s); // the batch client writes no general trace
                    }
                }
                case "DEBUGONSITE" -> {
                    debugOnSite = bool(s);
                    if (client) {
                        noEffect(s);
                    }
                }
                case "SMF", "SMFAPPE", "SMFDEL", "SMFLOGN", "SMFREN", "SMFRETR", "SMFSTOR", "SMFJES", "SMFSQL", "SMFDCFG" ->
                        smf.statement(s);
                default -> {
                    if (known) {
                        other.put(s.name(), String.join(" ", s.values().stream().map(StatementFile.Token::text).toList()));
                        if (!(client && FtpStatements.CLIENT_APPLIED.contains(s.name()))) {
                            noEffect(s);
                        }
                    } else {
                        warnings.add("EZYFT47I Unknown statement " + Values.quoteForMessage(s.name()) + " on line "
                                + s.line() + " of " + Values.quoteForMessage(source) + " is ignored.");
                    }
                }
            }
        }
        List<String> enabled = new ArrayList<>();
        for (Statement s : suites) {
            String name = s.value(0);
            String iana = CipherSuites.ianaName(name).orElseThrow(() -> error(s, 0, "CIPHERSUITE "
                    + Values.quoteForMessage(name) + " is not known"));
            if (CipherSuites.obsolete(iana) && !insecure) {
                warnings.add("OCSF010W CIPHERSUITE " + name + " (" + iana + ") on line " + s.line() + " of " + source
                        + " is insecure and is NOT enabled; OPENCS_INSECURE_CIPHERSUITES TRUE would enable it.");
            } else {
                if (CipherSuites.obsolete(iana)) {
                    warnings.add("OCSF011W CIPHERSUITE " + name + " (" + iana + ") on line " + s.line() + " of " + source
                            + " is insecure and IS ENABLED because OPENCS_INSECURE_CIPHERSUITES is TRUE.");
                }
                enabled.add(iana);
            }
        }
        if (secureLogin == FtpData.SecureLogin.NO_CLIENT_AUTH && securePassword == FtpData.SecurePassword.OPTIONAL) {
            warnings.add("EZYFS10I SECURE_PASSWORD OPTIONAL is ignored with SECURE_LOGIN NO_CLIENT_AUTH; "
                    + "SECURE_PASSWORD REQUIRED is used.");
        }
        if (!client && !extensions.contains("AUTH_TLS") && secureFtp == FtpData.SecureFtp.REQUIRED) {
            throw new ZosException("EZYFT46E", "Error in '" + Values.quoteForMessage(source)
                    + "' file: SECURE_FTP REQUIRED needs EXTENSIONS AUTH_TLS.");
        }
        return new FtpData(extensions, secureFtp, secureLogin, securePassword, ctrl, data, pbsz, reuse, rfcLevel,
                mechanism, tlsPort, implicitZos, keyring, enabled, insecure, tlsTimeout, start, logging, banner,
                loginMessage, inactive, passive, dataCtTime, dataTimeout,
                new JesOptions(jesLevel, jesEntryLimit, jesGetByDsn, jesPutGetTo), debug, debugOnSite, other, smf.result());
    }

    private void noEffect(Statement s) {
        warnings.add("OCSF012W Statement " + s.name() + " on line " + s.line() + " of "
                + Values.quoteForMessage(source) + " is accepted but has no effect in OpenCS.");
    }

    /**
     * DEBUG's operands ({@link DebugOptionParser}). IBM documents one trace type per statement and several
     * statements adding up; older releases also took several on one line ({@code DEBUG ACC PAR SEC}), and so does
     * OpenCS. A bad operand is EZYFT46E naming its line and column, like any bad value.
     */
    private List<DebugOption> debugOptions(Statement s) {
        requireValues(s, 1);
        List<DebugOption> options = new ArrayList<>();
        for (int i = 0; i < s.values().size(); i++) {
            try {
                options.add(DebugOptionParser.parse(s.value(i), false));
            } catch (DebugOptionException e) {
                throw error(s, i, "DEBUG " + e.getMessage());
            }
        }
        return options;
    }

    private String choice(Statement s, int index, String... allowed) {
        requireValues(s, index + 1);
        String value = s.value(index).toUpperCase(Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(value)) {
                return option;
            }
        }
        throw error(s, index, s.name() + " must be one of " + String.join(", ", allowed) + ", not "
                + Values.quoteForMessage(s.value(index)));
    }

    private String single(Statement s) {
        requireValues(s, 1);
        return s.value(0);
    }

    private int number(Statement s, int min, int max) {
        requireValues(s, 1);
        try {
            int value = Integer.parseInt(s.value(0));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(s, 0, s.name() + " must be a number from " + min + " to " + max + ", not "
                + Values.quoteForMessage(s.value(0)));
    }

    private boolean bool(Statement s) {
        return choice(s, 0, "TRUE", "FALSE").equals("TRUE");
    }

    /** PASSIVEDATAPORTS low high, low-high, or (low,high). */
    private int[] portRange(Statement s) {
        requireValues(s, 1);
        String joined = String.join(" ", s.values().stream().map(StatementFile.Token::text).toList())
                .replaceAll("[(),\\-]", " ").trim();
        String[] parts = joined.split("\\s+");
        try {
            int low = Integer.parseInt(parts[0]);
            int high = parts.length > 1 ? Integer.parseInt(parts[1]) : low;
            if (parts.length <= 2 && low >= 1024 && high <= 65535 && low <= high) {
                return new int[] {low, high};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(s, 0, "PASSIVEDATAPORTS must be a range of ports from 1024 to 65535 (low high)");
    }

    /** A control character (NUL, ESC, ...) is in no name, path or keyword: the value is bad, not the file system's problem. */
    private void noControlCharacters(Statement s) {
        for (int i = 0; i < s.values().size(); i++) {
            String value = s.value(i);
            int bad = Values.firstControlCharacter(value);
            if (bad >= 0) {
                throw new ZosException("EZYFT46E", "Error in '" + Values.quoteForMessage(source) + "' file: line "
                        + s.line() + " near column " + (s.values().get(i).column() + bad) + ": " + s.name()
                        + " value " + Values.quoteForMessage(value) + " holds the control character x'"
                        + String.format("%02X", (int) value.charAt(bad)) + "'.");
            }
        }
    }

    private void requireValues(Statement s, int count) {
        if (s.values().size() < count) {
            throw new ZosException("EZYFT46E", "Error in '" + Values.quoteForMessage(source) + "' file: line " + s.line()
                    + " near column " + (s.column() + s.name().length()) + ": " + s.name() + " needs a value.");
        }
    }

    private ZosException error(Statement s, int index, String reason) {
        return new ZosException("EZYFT46E", "Error in '" + Values.quoteForMessage(source) + "' file: line " + s.line()
                + " near column " + (index < s.values().size() ? s.values().get(index).column()
                : s.column() + s.name().length()) + ": " + reason + ".");
    }
}

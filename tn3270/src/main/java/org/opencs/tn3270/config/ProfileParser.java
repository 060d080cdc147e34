package org.opencs.tn3270.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencs.core.StatementFile;
import org.opencs.core.StatementFile.Statement;
import org.opencs.core.StatementFile.Token;
import org.opencs.core.Values;
import org.opencs.core.ZosException;

/**
 * Reads the telnet statements of PROFILE.TCPIP: TELNETGLOBALS (defaults for every port), TELNETPARMS ... ENDTELNETPARMS
 * (one per port) and BEGINVTAM ... ENDVTAM. The seed's three blocks are accepted as printed, OCR slips included: a
 * misspelled statement is warning EZZ0401I naming its line, a bad value error EZZ0318I naming its line; statements
 * outside these blocks (the rest of a real PROFILE.TCPIP) are not this parser's business and are skipped. A value
 * holding a control character (NUL, ...) inside a block is a bad value: no path, ring or LU name holds one. Values
 * repeated in messages are cut ({@link Values#quoteForMessage}).
 */
public final class ProfileParser {
    /** IBM statements accepted without an effect yet (no warning: they are not mistakes). */
    private static final Set<String> ACCEPTED = Set.of(
            "TCPIPJOBNAME", "MSG07", "NOMSG07", "SSLTIMEOUT", "DISABLESGA", "TKOSPECLU", "LUSESSIONPEND", "KEEPINACTIVE",
            "SSLV2", "NOSSLV2", "CRLLDAPSERVER", "ENCRYPTION", "SIMCLIENTLU", "NOSEQUENTIALLU");
    /** BEGINVTAM statements accepted without an effect yet (no warning: they are not mistakes). */
    private static final Set<String> VTAM_ACCEPTED = Set.of("ALLOWAPPL", "RESTRICTAPPL", "PRTDEFAULTAPPL", "PARMSMAP",
            "DESTIPGROUP", "ENDDESTIPGROUP", "HNGROUP", "ENDHNGROUP", "LINKGROUP", "ENDLINKGROUP", "PORT", "TELNETDEVICE",
            "DEFLUMAPS", "MONITORGROUP", "MONITORMAP", "USERGROUP", "ENDUSERGROUP");

    private final String source;
    private final List<String> warnings = new ArrayList<>();

    private ProfileParser(String source) {
        this.source = source;
    }

    public record Result(TelnetConfig config, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    public static Result parse(String text, String source) {
        ProfileParser parser = new ProfileParser(source);
        TelnetConfig config = parser.read(StatementFile.parse(text));
        return new Result(config, parser.warnings);
    }

    private TelnetConfig read(List<Statement> statements) {
        List<TelnetPort> ports = new ArrayList<>();
        Block globals = new Block();
        Block current = null;
        boolean inGlobals = false;
        boolean inVtam = false;
        Vtam vtam = new Vtam();
        for (Statement s : statements) {
            String name = s.name();
            if (name.equals("TELNETGLOBALS")) {
                inGlobals = true;
            } else if (name.equals("ENDTELNETGLOBALS")) {
                inGlobals = false;
            } else if (name.equals("TELNETPARMS")) {
                current = globals.copy(s.line());
            } else if (name.equals("ENDTELNETPARMS")) {
                if (current == null) {
                    throw error(s, "ENDTELNETPARMS without TELNETPARMS");
                }
                if (current.port < 0) {
                    throw error(s, "the TELNETPARMS block starting on line " + current.line + " names no PORT or SECUREPORT");
                }
                ports.add(current.toPort());
                current = null;
            } else if (name.equals("BEGINVTAM")) {
                inVtam = true;
            } else if (name.equals("ENDVTAM")) {
                inVtam = false;
                vtam.end(s);
            } else if (inVtam) {
                noControlCharacters(s);
                vtam.statement(s);
            } else if (current != null || inGlobals) {
                noControlCharacters(s);
                statement(current != null ? current : globals, s, current == null);
            }
        }
        if (current != null) {
            throw new ZosException("EZZ0318I", "TELNETPARMS starting on line " + current.line + " of "
                    + Values.quoteForMessage(source) + " has no ENDTELNETPARMS");
        }
        return new TelnetConfig(ports, vtam.config());
    }

    /**
     * BEGINVTAM's statements. DEFAULTLUS, DEFAULTPRT, LUGROUP, PRTGROUP and IPGROUP open a list that runs to its END
     * statement (on the same line or a later one); LUMAP and PRTMAP may only name groups defined before them.
     */
    private final class Vtam {
        private String defaultAppl;
        private boolean ussTcp;
        private final List<String> defaultLus = new ArrayList<>();
        private final List<String> defaultPrts = new ArrayList<>();
        private final java.util.Map<String, List<String>> ipGroups = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, List<String>> luGroups = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, List<String>> prtGroups = new java.util.LinkedHashMap<>();
        private final List<VtamConfig.LuMap> luMaps = new ArrayList<>();
        private final List<VtamConfig.PrtMap> prtMaps = new ArrayList<>();
        /** The list being filled, the statement that ends it, and whether it holds addresses (else LU names). */
        private List<String> open;
        private String openEnd;
        private String openName;
        private boolean openAddresses;

        void statement(Statement s) {
            if (open != null) {
                entries(s, java.util.stream.Stream.concat(java.util.stream.Stream.of(s.name()),
                        s.values().stream().map(StatementFile.Token::text)).toList());
                return;
            }
            String name = s.name();
            switch (name) {
                case "DEFAULTLUS" -> open(s, defaultLus, "ENDDEFAULTLUS", false, 0);
                case "DEFAULTPRT" -> open(s, defaultPrts, "ENDDEFAULTPRT", false, 0);
                case "LUGROUP" -> open(s, group(s, luGroups), "ENDLUGROUP", false, 1);
                case "PRTGROUP" -> open(s, group(s, prtGroups), "ENDPRTGROUP", false, 1);
                case "IPGROUP" -> open(s, group(s, ipGroups), "ENDIPGROUP", true, 1);
                case "LUMAP" -> luMaps.add(new VtamConfig.LuMap(defined(s, 0, luGroups, "LUGROUP"), client(s),
                        s.values().size() > 2 ? printerGroup(s) : null));
                case "PRTMAP" -> prtMaps.add(new VtamConfig.PrtMap(defined(s, 0, prtGroups, "PRTGROUP"), client(s)));
                case "DEFAULTAPPL" -> {
                    if (!s.values().isEmpty()) {
                        defaultAppl = s.value(0).toUpperCase(Locale.ROOT);
                    }
                }
                case "USSTCP" -> ussTcp = true;
                default -> {
                    if (!VTAM_ACCEPTED.contains(name)) {
                        warnings.add(warning(s, "BEGINVTAM"));
                    }
                }
            }
        }

        private void open(Statement s, List<String> list, String end, boolean addresses, int skip) {
            open = list;
            openEnd = end;
            openName = s.name();
            openAddresses = addresses;
            entries(s, s.values().stream().skip(skip).map(StatementFile.Token::text).toList());
        }

        private List<String> group(Statement s, java.util.Map<String, List<String>> groups) {
            if (s.values().isEmpty() || !s.value(0).matches("[A-Za-z@#$][A-Za-z0-9@#$]{0,7}")) {
                throw error(s, s.name() + " needs a group name of 1 to 8 characters");
            }
            String name = s.value(0).toUpperCase(Locale.ROOT);
            if (groups.containsKey(name)) {
                throw error(s, s.name() + " " + name + " is defined twice");
            }
            List<String> list = new ArrayList<>();
            groups.put(name, list);
            return list;
        }

        private void entries(Statement s, List<String> tokens) {
            for (String token : tokens) {
                if (token.equalsIgnoreCase(openEnd)) {
                    open = null;
                    return;
                }
                if (openAddresses) {
                    try {
                        AddressPattern.parse(token);
                    } catch (IllegalArgumentException e) {
                        throw error(s, openName + " entry " + (token.length() > Values.LIMIT
                                ? Values.quoteForMessage(token) + " is not an address or subnet" : e.getMessage()));
                    }
                    open.add(token);
                } else {
                    open.add(luEntry(s, openName, token));
                }
            }
        }

        /** LUMAP/PRTMAP's second value: an IPGROUP defined before, or a single address. */
        private String client(Statement s) {
            if (s.values().size() < 2) {
                throw error(s, s.name() + " needs a group and a client identifier (an IPGROUP name or an IP address)");
            }
            String client = s.value(1).toUpperCase(Locale.ROOT);
            if (ipGroups.containsKey(client)) {
                return client;
            }
            try {
                AddressPattern.parse(client);
                return client;
            } catch (IllegalArgumentException e) {
                throw error(s, s.name() + " client " + Values.quoteForMessage(s.value(1)) + " is neither an IPGROUP defined before nor an IP address");
            }
        }

        /** LUMAP's printer group: the first value after the client that is not SPECIFIC or GENERIC. */
        private String printerGroup(Statement s) {
            for (int i = 2; i < s.values().size(); i++) {
                String v = s.value(i).toUpperCase(Locale.ROOT);
                if (!v.equals("SPECIFIC") && !v.equals("GENERIC") && !v.equals("KEEPOPEN")) {
                    return defined(s, i, prtGroups, "PRTGROUP");
                }
            }
            return null;
        }

        private String defined(Statement s, int index, java.util.Map<String, List<String>> groups, String kind) {
            if (s.values().size() <= index) {
                throw error(s, s.name() + " needs a " + kind + " name");
            }
            String name = s.value(index).toUpperCase(Locale.ROOT);
            if (!groups.containsKey(name)) {
                throw error(s, s.name() + " names " + kind + " " + Values.quoteForMessage(name) + ", which is not defined before it");
            }
            return name;
        }

        void end(Statement s) {
            if (open != null) {
                throw error(s, openName + " has no " + openEnd + " before ENDVTAM");
            }
        }

        VtamConfig config() {
            java.util.function.UnaryOperator<java.util.Map<String, List<String>>> copy = m -> {
                java.util.Map<String, List<String>> c = new java.util.LinkedHashMap<>();
                m.forEach((k, v) -> c.put(k, List.copyOf(v)));
                return c;
            };
            return new VtamConfig(defaultAppl, ussTcp, defaultLus, defaultPrts, copy.apply(ipGroups), copy.apply(luGroups),
                    copy.apply(prtGroups), luMaps, prtMaps);
        }
    }

    /** An LU list entry: an LU name, or a range FIRST..LAST whose names end in numbers of the same width. */
    private String luEntry(Statement s, String list, String text) {
        String entry = text.toUpperCase(Locale.ROOT);
        if (!entry.matches("[A-Z@#$][A-Z0-9@#$]{0,7}(\\.\\.[A-Z@#$][A-Z0-9@#$]{0,7})?")) {
            throw error(s, list + " entry " + Values.quoteForMessage(text) + " is not an LU name or a range NAME1..NAME2");
        }
        if (entry.contains("..")) {
            String[] ends = entry.split("\\.\\.");
            String first = ends[0].replaceAll("\\d+$", "");
            String last = ends[1].replaceAll("\\d+$", "");
            if (!first.equals(last) || first.length() == ends[0].length()
                    || ends[0].length() != ends[1].length()) {
                throw error(s, list + " range " + Values.quoteForMessage(text) + " must vary only in its trailing digits");
            }
        }
        return entry;
    }

    private void statement(Block b, Statement s, boolean inGlobals) {
        switch (s.name()) {
            case "DEBUG" -> debug(b, s, inGlobals);
            case "FULLDATATRACE" -> b.fullDataTrace = true;
            case "PORT", "SECUREPORT" -> {
                b.port = number(s, 0, 65535);
                b.securePort = s.name().equals("SECUREPORT");
                if (b.securePort && b.connType == null) {
                    b.connType = TelnetPort.ConnType.SECURE;
                }
            }
            case "CONNTYPE" -> b.connType = choice(s, TelnetPort.ConnType.class);
            case "CLIENTAUTH" -> b.clientAuth = choice(s, TelnetPort.ClientAuth.class);
            case "KEYRING" -> {
                if (s.values().isEmpty()) {
                    throw error(s, "KEYRING needs HFS path or SAF ring");
                }
                String kind = s.value(0).toUpperCase(Locale.ROOT);
                if ((kind.equals("HFS") || kind.equals("SAF")) && s.values().size() > 1) {
                    b.keyring = kind + " " + s.value(1);
                } else {
                    b.keyring = s.value(0);
                }
            }
            case "CODEPAGE" -> {
                b.ascii = s.values().isEmpty() ? b.ascii : s.value(0).toUpperCase(Locale.ROOT);
                b.ebcdic = s.values().size() < 2 ? b.ebcdic : s.value(1).toUpperCase(Locale.ROOT);
            }
            case "INACTIVE" -> b.inactive = number(s, 0, 99_999_999);
            case "PRTINACTIVE" -> b.prtInactive = number(s, 0, 99_999_999);
            case "TIMEMARK" -> b.timeMark = number(s, 0, 99_999_999);
            case "SCANINTERVAL" -> b.scanInterval = number(s, 0, 99_999_999);
            case "EXPRESSLOGON" -> b.expressLogon = true;
            case "NOEXPRESSLOGON" -> b.expressLogon = false;
            case "SMFINIT" -> b.smfInit = SmfStatement.apply(s, b.smfInit, source, warnings::add, r -> error(s, r));
            case "SMFTERM" -> b.smfTerm = SmfStatement.apply(s, b.smfTerm, source, warnings::add, r -> error(s, r));
            default -> {
                if (!ACCEPTED.contains(s.name())) {
                    warnings.add(warning(s, "TELNETPARMS"));
                }
            }
        }
    }

    /** DEBUG [CONN] level [destination] sets the port's; DEBUG TASK and DEBUG CONFIG belong in TELNETGLOBALS. */
    private void debug(Block b, Statement s, boolean inGlobals) {
        DebugStatement debug;
        try {
            debug = DebugStatement.parse(s.values().stream().map(Token::text).toList());
        } catch (IllegalArgumentException e) {
            throw error(s, e.getMessage());
        }
        if (debug.type() != DebugStatement.Type.CONN && !inGlobals) {
            throw error(s, "DEBUG " + debug.type() + " may be coded in TELNETGLOBALS only");
        }
        if (debug.type() == DebugStatement.Type.CONN) {
            b.debugLevel = debug.level();
            b.debugDestination = debug.destination();
        }
    }

    private String warning(Statement s, String block) {
        return "EZZ0401I UNRECOGNIZED STATEMENT " + Values.quoteForMessage(s.name()) + " IN " + block + " ON LINE "
                + s.line() + " OF " + Values.quoteForMessage(source) + " IGNORED";
    }

    private int number(Statement s, int low, int high) {
        try {
            int n = Integer.parseInt(s.value(0));
            if (n < low || n > high) {
                throw error(s, s.name() + " " + n + " is outside " + low + ".." + high);
            }
            return n;
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw error(s, s.name() + " needs a number");
        }
    }

    private <E extends Enum<E>> E choice(Statement s, Class<E> type) {
        if (s.values().isEmpty()) {
            throw error(s, s.name() + " needs a value");
        }
        try {
            return Enum.valueOf(type, s.value(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(s, s.name() + " " + Values.quoteForMessage(s.value(0)) + " is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private ZosException error(Statement s, String reason) {
        return new ZosException("EZZ0318I", "ERROR IN " + Values.quoteForMessage(source) + " ON LINE " + s.line() + ": "
                + reason);
    }

    /** A control character is in no path, ring, LU or keyword: a bad value with its line, not a file system failure. */
    private void noControlCharacters(Statement s) {
        for (Token token : s.values()) {
            int bad = Values.firstControlCharacter(token.text());
            if (bad >= 0) {
                throw error(s, s.name() + " value " + Values.quoteForMessage(token.text())
                        + " holds the control character x'" + String.format("%02X", (int) token.text().charAt(bad)) + "'");
            }
        }
    }

    /** A block being read: what TELNETGLOBALS set, then the block's own statements. */
    private static final class Block {
        int line;
        int port = -1;
        boolean securePort;
        TelnetPort.ConnType connType;
        TelnetPort.ClientAuth clientAuth = TelnetPort.ClientAuth.NONE;
        String keyring;
        String ascii = "ISO8859-1";
        String ebcdic = "IBM-1047";
        int inactive;
        int prtInactive;
        int timeMark = 10_800;
        int scanInterval = 120;
        boolean expressLogon;
        TelnetDebug.Level debugLevel = TelnetDebug.DEFAULT.level();
        TelnetDebug.Destination debugDestination = TelnetDebug.DEFAULT.destination();
        boolean fullDataTrace;
        boolean smfInit;
        boolean smfTerm;

        Block copy(int startLine) {
            Block b = new Block();
            b.line = startLine;
            b.connType = connType;
            b.clientAuth = clientAuth;
            b.keyring = keyring;
            b.ascii = ascii;
            b.ebcdic = ebcdic;
            b.inactive = inactive;
            b.prtInactive = prtInactive;
            b.timeMark = timeMark;
            b.scanInterval = scanInterval;
            b.expressLogon = expressLogon;
            b.debugLevel = debugLevel;
            b.debugDestination = debugDestination;
            b.fullDataTrace = fullDataTrace;
            b.smfInit = smfInit;
            b.smfTerm = smfTerm;
            return b;
        }

        TelnetPort toPort() {
            TelnetPort.ConnType type = connType != null ? connType : securePort ? TelnetPort.ConnType.SECURE
                    : TelnetPort.ConnType.BASIC;
            return new TelnetPort(port, securePort, type, clientAuth, keyring, ascii, ebcdic, inactive, prtInactive,
                    timeMark, scanInterval, expressLogon, line, new TelnetDebug(debugLevel, debugDestination,
                    fullDataTrace), new TelnetSmf(smfInit, smfTerm));
        }
    }
}

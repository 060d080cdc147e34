package org.opencs.tn3270.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencs.core.StatementFile;
import org.opencs.core.StatementFile.Statement;
import org.opencs.core.ZosException;

/**
 * Reads the telnet statements of PROFILE.TCPIP: TELNETGLOBALS (defaults for every port), TELNETPARMS ... ENDTELNETPARMS
 * (one per port) and BEGINVTAM ... ENDVTAM. The seed's three blocks are accepted as printed, OCR slips included: a
 * misspelled statement is warning EZZ0401I naming its line, a bad value error EZZ0318I naming its line; statements
 * outside these blocks (the rest of a real PROFILE.TCPIP) are not this parser's business and are skipped.
 */
public final class ProfileParser {
    /** IBM statements accepted without an effect yet (no warning: they are not mistakes). */
    private static final Set<String> ACCEPTED = Set.of("PRTINACTIVE", "DEBUG", "SMFINIT", "SMFTERM",
            "TCPIPJOBNAME", "MSG07", "NOMSG07", "SSLTIMEOUT", "DISABLESGA", "TKOSPECLU", "LUSESSIONPEND", "KEEPINACTIVE",
            "SSLV2", "NOSSLV2", "CRLLDAPSERVER", "ENCRYPTION", "SIMCLIENTLU", "NOSEQUENTIALLU", "FULLDATATRACE");
    private static final Set<String> VTAM_ACCEPTED = Set.of("DEFAULTLUS", "ENDDEFAULTLUS", "LUGROUP", "ENDLUGROUP",
            "LUMAP", "ALLOWAPPL", "RESTRICTAPPL", "USSTCP", "DEFAULTAPPL", "PRTDEFAULTAPPL", "PARMSMAP", "DESTIPGROUP",
            "ENDDESTIPGROUP", "IPGROUP", "ENDIPGROUP", "HNGROUP", "ENDHNGROUP", "LINKGROUP", "ENDLINKGROUP");

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
        String defaultAppl = null;
        boolean ussTcp = false;
        List<String> defaultLus = new ArrayList<>();
        boolean inDefaultLus = false;
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
            } else if (inVtam && name.equals("DEFAULTLUS")) {
                inDefaultLus = true;
                s.values().forEach(v -> defaultLus.add(luEntry(s, v.text())));
            } else if (inVtam && name.equals("ENDDEFAULTLUS")) {
                inDefaultLus = false;
            } else if (inDefaultLus) {
                defaultLus.add(luEntry(s, s.name()));
                s.values().forEach(v -> defaultLus.add(luEntry(s, v.text())));
            } else if (inVtam) {
                if (name.equals("DEFAULTAPPL") && !s.values().isEmpty()) {
                    defaultAppl = s.value(0).toUpperCase(Locale.ROOT);
                } else if (name.equals("USSTCP")) {
                    ussTcp = true;
                } else if (!VTAM_ACCEPTED.contains(name) && !looksLikeListEntry(s)) {
                    warnings.add(warning(s, "BEGINVTAM"));
                }
            } else if (current != null || inGlobals) {
                statement(current != null ? current : globals, s);
            }
        }
        if (current != null) {
            throw new ZosException("EZZ0318I", "TELNETPARMS starting on line " + current.line + " of " + source
                    + " has no ENDTELNETPARMS");
        }
        return new TelnetConfig(ports, defaultAppl, ussTcp, defaultLus);
    }

    /** A DEFAULTLUS entry: an LU name, or a range FIRST..LAST whose names end in numbers of the same width. */
    private String luEntry(Statement s, String text) {
        String entry = text.toUpperCase(Locale.ROOT);
        if (!entry.matches("[A-Z@#$][A-Z0-9@#$]{0,7}(\\.\\.[A-Z@#$][A-Z0-9@#$]{0,7})?")) {
            throw error(s, "DEFAULTLUS entry " + text + " is not an LU name or a range NAME1..NAME2");
        }
        if (entry.contains("..")) {
            String[] ends = entry.split("\\.\\.");
            String first = ends[0].replaceAll("\\d+$", "");
            String last = ends[1].replaceAll("\\d+$", "");
            if (!first.equals(last) || first.length() == ends[0].length()
                    || ends[0].length() != ends[1].length()) {
                throw error(s, "DEFAULTLUS range " + text + " must vary only in its trailing digits");
            }
        }
        return entry;
    }

    /** LU pool members and the like inside BEGINVTAM are plain names on their own lines. */
    private static boolean looksLikeListEntry(Statement s) {
        return s.name().matches("[A-Z@#$][A-Z0-9@#$]{0,7}(\\.\\.[A-Z0-9@#$]+)?") && s.values().size() <= 2;
    }

    private void statement(Block b, Statement s) {
        switch (s.name()) {
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
            case "TIMEMARK" -> b.timeMark = number(s, 0, 99_999_999);
            case "SCANINTERVAL" -> b.scanInterval = number(s, 0, 99_999_999);
            case "EXPRESSLOGON" -> b.expressLogon = true;
            case "NOEXPRESSLOGON" -> b.expressLogon = false;
            default -> {
                if (!ACCEPTED.contains(s.name())) {
                    warnings.add(warning(s, "TELNETPARMS"));
                }
            }
        }
    }

    private String warning(Statement s, String block) {
        return "EZZ0401I UNRECOGNIZED STATEMENT " + s.name() + " IN " + block + " ON LINE " + s.line() + " OF " + source
                + " IGNORED";
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
            throw error(s, s.name() + " " + s.value(0) + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private ZosException error(Statement s, String reason) {
        return new ZosException("EZZ0318I", "ERROR IN " + source + " ON LINE " + s.line() + ": " + reason);
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
        int timeMark = 10_800;
        int scanInterval = 120;
        boolean expressLogon;

        Block copy(int startLine) {
            Block b = new Block();
            b.line = startLine;
            b.connType = connType;
            b.clientAuth = clientAuth;
            b.keyring = keyring;
            b.ascii = ascii;
            b.ebcdic = ebcdic;
            b.inactive = inactive;
            b.timeMark = timeMark;
            b.scanInterval = scanInterval;
            b.expressLogon = expressLogon;
            return b;
        }

        TelnetPort toPort() {
            TelnetPort.ConnType type = connType != null ? connType : securePort ? TelnetPort.ConnType.SECURE
                    : TelnetPort.ConnType.BASIC;
            return new TelnetPort(port, securePort, type, clientAuth, keyring, ascii, ebcdic, inactive, timeMark,
                    scanInterval, expressLogon, line);
        }
    }
}

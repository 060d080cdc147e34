package org.opencs.tn3270.telnet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Telnet messages in words, for trace lines: options by their RFC names (BINARY, TERMINAL-TYPE, TN3270E, START-TLS
 * ...), TN3270E subnegotiations by RFC 2355's words (DEVICE-TYPE REQUEST IBM-3278-2-E CONNECT TCP00001, DEVICE-TYPE
 * REJECT REASON DEVICE-IN-USE, FUNCTIONS IS BIND-IMAGE RESPONSES SYSREQ), TERMINAL-TYPE (RFC 1091), NEW-ENVIRON (RFC
 * 1572: VAR and USERVAR names with their values) and START_TLS FOLLOWS (draft-altman-telnet-starttls). What cannot be
 * read is shown in hex. Names and values sent by a client are cut to 64 characters, control characters shown as dots.
 */
public final class TelnetNames {
    private static final int MAX_TEXT = 64;

    private TelnetNames() {
    }

    /** An option's name (RFC 855 registry names), or OPTION x'nn' for one this server does not know. */
    public static String option(int option) {
        return switch (option) {
            case Telnet.BINARY -> "BINARY";
            case 0x01 -> "ECHO";
            case 0x03 -> "SUPPRESS-GO-AHEAD";
            case 0x05 -> "STATUS";
            case Telnet.TIMING_MARK -> "TIMING-MARK";
            case Telnet.TERMINAL_TYPE -> "TERMINAL-TYPE";
            case Telnet.END_OF_RECORD -> "END-OF-RECORD";
            case 0x1F -> "NAWS";
            case 0x20 -> "TERMINAL-SPEED";
            case 0x21 -> "TOGGLE-FLOW-CONTROL";
            case 0x22 -> "LINEMODE";
            case 0x23 -> "X-DISPLAY-LOCATION";
            case 0x24 -> "ENVIRON";
            case 0x25 -> "AUTHENTICATION";
            case 0x26 -> "ENCRYPT";
            case Telnet.NEW_ENVIRON -> "NEW-ENVIRON";
            case Telnet.TN3270E -> "TN3270E";
            case Telnet.START_TLS -> "START-TLS";
            default -> String.format("OPTION x'%02X'", option & 0xFF);
        };
    }

    /** A telnet command byte's name (RFC 854). */
    public static String command(int code) {
        return switch (code) {
            case Telnet.NOP -> "NOP";
            case 0xF2 -> "DATA-MARK";
            case Telnet.BREAK -> "BREAK";
            case Telnet.IP -> "IP";
            case Telnet.AO -> "AO";
            case 0xF6 -> "AYT";
            case 0xF7 -> "EC";
            case 0xF8 -> "EL";
            case 0xF9 -> "GA";
            case Telnet.EOR -> "EOR";
            default -> String.format("x'%02X'", code & 0xFF);
        };
    }

    /** A message in words (records only by their length: their content is the 3270 data trace's business). */
    public static String describe(TelnetMessage message) {
        if (message instanceof TelnetMessage.Negotiation n) {
            return Telnet.verbName(n.verb()) + " " + option(n.option());
        }
        if (message instanceof TelnetMessage.Subnegotiation s) {
            return "SB " + option(s.option()) + " " + subnegotiation(s.option(), s.data());
        }
        if (message instanceof TelnetMessage.Command c) {
            return "IAC " + command(c.code());
        }
        return "RECORD " + ((TelnetMessage.Record) message).data().length + " BYTES";
    }

    private static String subnegotiation(int option, byte[] d) {
        if (d.length == 0) {
            return "(empty)";
        }
        return switch (option) {
            case Telnet.TN3270E -> tn3270e(d);
            case Telnet.TERMINAL_TYPE -> d[0] == Telnet.SEND ? "SEND" : d[0] == Telnet.IS ? "IS " + text(d, 1, d.length)
                    : hex(d);
            case Telnet.START_TLS -> d.length == 1 && d[0] == 0x01 ? "FOLLOWS" : hex(d);
            case Telnet.NEW_ENVIRON -> newEnviron(d);
            default -> hex(d);
        };
    }

    private static final String[] TN3270E_WORDS = {"ASSOCIATE", "CONNECT", "DEVICE-TYPE", "FUNCTIONS", "IS", "REASON",
        "REJECT", "REQUEST", "SEND"};
    private static final String[] REJECT_REASONS = {"CONN-PARTNER", "DEVICE-IN-USE", "INV-ASSOCIATE", "INV-NAME",
        "INV-DEVICE-TYPE", "TYPE-NAME-ERROR", "UNKNOWN-ERROR", "UNSUPPORTED-REQ"};
    private static final String[] FUNCTION_NAMES = {"BIND-IMAGE", "DATA-STREAM-CTL", "RESPONSES", "SCS-CTL-CODES",
        "SYSREQ"};

    /** RFC 2355's subnegotiation: DEVICE-TYPE SEND/REQUEST/IS/REJECT, FUNCTIONS REQUEST/IS. */
    private static String tn3270e(byte[] d) {
        List<String> words = new ArrayList<>();
        int command = d[0] & 0xFF;
        words.add(word(command));
        if (d.length < 2) {
            return String.join(" ", words);
        }
        int sub = d[1] & 0xFF;
        words.add(word(sub));
        if (command == 0x03) { // FUNCTIONS: a list of function codes
            for (int i = 2; i < d.length; i++) {
                int f = d[i] & 0xFF;
                words.add(f < FUNCTION_NAMES.length ? FUNCTION_NAMES[f] : String.format("x'%02X'", f));
            }
            return String.join(" ", words);
        }
        if (command == 0x02 && sub == 0x06) { // DEVICE-TYPE REJECT REASON code
            if (d.length >= 4 && d[2] == 0x05) {
                int reason = d[3] & 0xFF;
                words.add("REASON");
                words.add(reason < REJECT_REASONS.length ? REJECT_REASONS[reason] : String.format("x'%02X'", reason));
                return String.join(" ", words);
            }
            words.add(hex(java.util.Arrays.copyOfRange(d, 2, d.length)));
            return String.join(" ", words);
        }
        // DEVICE-TYPE REQUEST/IS: the type, then CONNECT or ASSOCIATE and a name.
        int marker = 2;
        while (marker < d.length && d[marker] != 0x00 && d[marker] != 0x01) {
            marker++;
        }
        if (marker > 2) {
            words.add(text(d, 2, marker));
        }
        if (marker < d.length) {
            words.add(d[marker] == 0x01 ? "CONNECT" : "ASSOCIATE");
            words.add(text(d, marker + 1, d.length));
        }
        return String.join(" ", words);
    }

    private static String word(int code) {
        return code < TN3270E_WORDS.length ? TN3270E_WORDS[code] : String.format("x'%02X'", code);
    }

    /** RFC 1572: SEND, IS or INFO, then VAR / USERVAR names, each with its VALUE (ESC quotes the next byte). */
    private static String newEnviron(byte[] d) {
        int kind = d[0] & 0xFF;
        StringBuilder out = new StringBuilder(kind == 0 ? "IS" : kind == 1 ? "SEND" : kind == 2 ? "INFO" : hex(d));
        if (kind > 2) {
            return out.toString();
        }
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        for (int i = 1; i <= d.length; i++) {
            int b = i < d.length ? d[i] & 0xFF : -1;
            if (b == 2 && i + 1 < d.length) {
                current.write(d[++i]);
                continue;
            }
            if (b == 0 || b == 3 || b == 1 || b == -1) {
                if (current.size() > 0) {
                    out.append(printable(current.toString(StandardCharsets.US_ASCII)));
                    current.reset();
                }
                if (b == 0) {
                    out.append(" VAR ");
                } else if (b == 3) {
                    out.append(" USERVAR ");
                } else if (b == 1) {
                    out.append('=');
                }
            } else {
                current.write(b);
            }
        }
        return out.toString().stripTrailing();
    }

    private static String text(byte[] d, int from, int to) {
        return printable(new String(d, from, Math.max(0, to - from), StandardCharsets.US_ASCII));
    }

    /** Control and non-ASCII characters as dots, cut to 64 characters. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && i < MAX_TEXT; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '.');
        }
        if (s.length() > MAX_TEXT) {
            out.append("... (").append(s.length()).append(" characters)");
        }
        return out.toString();
    }

    private static String hex(byte[] d) {
        StringBuilder out = new StringBuilder("x'");
        for (int i = 0; i < d.length && i < MAX_TEXT; i++) {
            out.append(String.format("%02X", d[i] & 0xFF));
        }
        return out.append(d.length > MAX_TEXT ? "...'" : "'").toString();
    }
}

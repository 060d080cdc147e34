package org.opencs.tn3270.server;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * The server side of TN3270E (RFC 2355) with a fall-back to traditional TN3270 (RFC 1576): DO TN3270E, DEVICE-TYPE
 * SEND / REQUEST / IS (with the LU name) or REJECT, FUNCTIONS (BIND-IMAGE, RESPONSES and SYSREQ are offered); a
 * client that refuses TN3270E gets TERMINAL-TYPE, EOR and BINARY. Options follow RFC 1143's rule: a request that
 * confirms the current state is never answered, so no negotiation can loop. It only decides; the session sends.
 */
final class Tn3270Negotiation {
    static final Set<String> TERMINAL_TYPES = Set.of("IBM-3278-2", "IBM-3278-3", "IBM-3278-4", "IBM-3278-5",
            "IBM-3278-2-E", "IBM-3278-3-E", "IBM-3278-4-E", "IBM-3278-5-E", "IBM-3279-2", "IBM-3279-3", "IBM-3279-4",
            "IBM-3279-5", "IBM-3279-2-E", "IBM-3279-3-E", "IBM-3279-4-E", "IBM-3279-5-E", "IBM-DYNAMIC");
    static final String PRINTER_TYPE = "IBM-3287-1";
    static final int ASSOCIATE = 0x00;
    static final int CONNECT = 0x01;
    static final int DEVICE_TYPE = 0x02;
    static final int FUNCTIONS = 0x03;
    static final int IS = 0x04;
    static final int REASON = 0x05;
    static final int REJECT = 0x06;
    static final int REQUEST = 0x07;
    static final int SEND = 0x08;
    static final int INV_DEVICE_TYPE = 0x04;
    static final int DEVICE_IN_USE = 0x01;
    static final int UNSUPPORTED_REQ = 0x07;
    /**
     * TN3270E functions offered: to terminals BIND-IMAGE, RESPONSES and SYSREQ; to printers BIND-IMAGE, RESPONSES and
     * SCS-CTL-CODES (print jobs are SCS data). DATA-STREAM-CTL is not offered.
     */
    static final int BIND_IMAGE = 0x00;
    static final int RESPONSES = 0x02;
    static final int SCS_CTL_CODES = 0x03;
    static final int SYSREQ = 0x04;
    static final java.util.Set<Integer> TERMINAL_FUNCTIONS = java.util.Set.of(BIND_IMAGE, RESPONSES, SYSREQ);
    static final java.util.Set<Integer> PRINTER_FUNCTIONS = java.util.Set.of(BIND_IMAGE, RESPONSES, SCS_CTL_CODES);

    /** Where LU names come from: the session knows the client's address, which LUMAP and PRTMAP map. */
    interface DeviceNames {
        /**
         * A terminal's LU: the requested one (null: any) when it is in the client's pool and free, else the TN3270E
         * reject reason (INV-NAME, DEVICE-IN-USE).
         */
        Vtam.Assignment terminal(String requested);

        /** A printer's LU by CONNECT name, by ASSOCIATE with a terminal LU, or the next free one. */
        Vtam.Assignment printer(String connect, String associate);

        /** Gives back an LU this session held (the client asked for another device). */
        void release(String lu);
    }

    enum Mode { NEGOTIATING, TN3270E, TN3270 }

    /**
     * What the session must do after a message: send these, whether the terminal is now bound, and a refusal to log
     * (a DEVICE-TYPE REJECT, an LU or terminal type asked for again), or null.
     */
    record Step(java.util.List<TelnetMessage> replies, boolean bound, String refusal) {
    }

    private final DeviceNames names;
    private Mode mode = Mode.NEGOTIATING;
    private boolean printer;
    private String terminalType;
    private String luName;
    private java.util.Set<Integer> functions = java.util.Set.of();
    // Option state as bits (a word or two each), not six 256-entry boolean tables: 1.6 KiB less for each of thousands
    // of idle sessions (issue 14).
    private final java.util.BitSet localEnabled = new java.util.BitSet();
    private final java.util.BitSet remoteEnabled = new java.util.BitSet();
    private final java.util.BitSet remoteRequested = new java.util.BitSet();
    private final java.util.BitSet localRequested = new java.util.BitSet();
    /**
     * Options the client refused when asked (WONT answering our DO, DONT answering our WILL) and has not offered
     * since.
     */
    private final java.util.BitSet remoteRefused = new java.util.BitSet();
    private final java.util.BitSet localRefused = new java.util.BitSet();

    Tn3270Negotiation(DeviceNames names) {
        this.names = names;
    }

    /** Whether the device is a printer (IBM-3287-1): it gets print jobs, not screens. */
    boolean printer() {
        return printer;
    }

    Mode mode() {
        return mode;
    }

    String terminalType() {
        return terminalType;
    }

    String luName() {
        return luName;
    }

    TelnetMessage start() {
        return ask(Telnet.DO, Telnet.TN3270E);
    }

    private TelnetMessage ask(int verb, int option) {
        if (verb == Telnet.DO) {
            remoteRequested.set(option);
        } else {
            localRequested.set(option);
        }
        return new TelnetMessage.Negotiation(verb, option);
    }

    /**
     * A client can make a compliant server answer forever by flipping an option back and forth; past this many
     * negotiation messages the session is ended instead (RFC 1143 prevents loops between honest peers only).
     */
    static final int MAX_NEGOTIATIONS = 64;

    private int negotiations;
    private boolean poolExhausted;

    /** Why no LU could be assigned because the registry could not be reached (null: it could). */
    private String registryUnavailable;

    /**
     * Why no LU could be assigned because the registry that records LU names across nodes could not be reached, in
     * words; null when it could. The session ends: until the registry is back no LU can be given.
     */
    String registryUnavailable() {
        return registryUnavailable;
    }

    /** Whether every LU of the DEFAULTLUS pool is in use, so this session cannot have one. */
    boolean poolExhausted() {
        return poolExhausted;
    }

    /** Whether the client has used up its negotiation budget (the session should end). */
    boolean exhausted() {
        return negotiations > MAX_NEGOTIATIONS;
    }

    /** A refusal the last message caused, for the session's log (null: none). */
    private String refusal;

    Step on(TelnetMessage message) {
        negotiations++;
        refusal = null;
        var replies = new java.util.ArrayList<TelnetMessage>();
        if (exhausted()) {
            return new Step(replies, false, null);
        }
        boolean bound = false;
        if (message instanceof TelnetMessage.Negotiation n) {
            bound = negotiation(n, replies);
        } else if (message instanceof TelnetMessage.Subnegotiation s) {
            bound = subnegotiation(s, replies);
        }
        return new Step(replies, bound, refusal);
    }

    private boolean negotiation(TelnetMessage.Negotiation n, java.util.List<TelnetMessage> replies) {
        int option = n.option();
        switch (n.verb()) {
            case Telnet.WILL -> {
                boolean asked = remoteRequested.get(option);
                remoteRequested.clear(option);
                remoteRefused.clear(option); // the client changed its mind
                if (remoteEnabled.get(option)) {
                    return false;
                }
                if (option == Telnet.TN3270E || option == Telnet.TERMINAL_TYPE || option == Telnet.BINARY
                        || option == Telnet.END_OF_RECORD) {
                    remoteEnabled.set(option);
                    if (!asked) {
                        replies.add(new TelnetMessage.Negotiation(Telnet.DO, option));
                    }
                    if (option == Telnet.TN3270E) {
                        replies.add(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {SEND, DEVICE_TYPE}));
                    } else if (option == Telnet.TERMINAL_TYPE) {
                        replies.add(new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE, new byte[] {Telnet.SEND}));
                    }
                } else {
                    replies.add(new TelnetMessage.Negotiation(Telnet.DONT, option));
                }
            }
            case Telnet.WONT -> {
                boolean asked = remoteRequested.get(option);
                remoteRequested.clear(option);
                remoteRefused.set(option, remoteRefused.get(option) || asked);
                boolean was = remoteEnabled.get(option);
                remoteEnabled.clear(option);
                if (was && !asked) {
                    replies.add(new TelnetMessage.Negotiation(Telnet.DONT, option));
                }
                if (option == Telnet.TN3270E && mode == Mode.NEGOTIATING) {
                    // Traditional TN3270 (RFC 1576): the terminal type. A client that already agreed to TERMINAL-TYPE
                    // would not answer a DO that confirms it (RFC 1143): it is asked for its type at once.
                    replies.add(remoteEnabled.get(Telnet.TERMINAL_TYPE)
                            ? new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE, new byte[] {Telnet.SEND})
                            : ask(Telnet.DO, Telnet.TERMINAL_TYPE));
                }
            }
            case Telnet.DO -> {
                boolean asked = localRequested.get(option);
                localRequested.clear(option);
                localRefused.clear(option);
                if (localEnabled.get(option)) {
                    return false;
                }
                if (option == Telnet.BINARY || option == Telnet.END_OF_RECORD || option == Telnet.TN3270E) {
                    localEnabled.set(option);
                    if (!asked) {
                        replies.add(new TelnetMessage.Negotiation(Telnet.WILL, option));
                    }
                } else if (option == Telnet.TIMING_MARK) {
                    replies.add(new TelnetMessage.Negotiation(Telnet.WILL, option));
                } else {
                    replies.add(new TelnetMessage.Negotiation(Telnet.WONT, option));
                }
            }
            case Telnet.DONT -> {
                localRefused.set(option, localRefused.get(option) || localRequested.get(option));
                localRequested.clear(option);
                if (localEnabled.get(option)) {
                    localEnabled.clear(option);
                    replies.add(new TelnetMessage.Negotiation(Telnet.WONT, option));
                }
            }
            default -> {
                // not a negotiation verb
            }
        }
        return traditionalReady();
    }

    /**
     * Why no 3270 session can be had with this client, or null while one still can. A refusal is an answer, not an
     * error (RFC 854, RFC 1143: WONT and DONT are always accepted), and most are simply recorded; but a client that
     * refuses TN3270E (RFC 2355) and also TERMINAL-TYPE, or, in traditional TN3270 (RFC 1576), BINARY or
     * END-OF-RECORD in either direction, has refused everything a 3270 session is made of.
     */
    String impossible() {
        if (mode != Mode.NEGOTIATING) {
            return null;
        }
        if (terminalTypesEnded != null) {
            return terminalTypesEnded;
        }
        if (!remoteRefused.get(Telnet.TN3270E)) {
            return null;
        }
        if (remoteRefused.get(Telnet.TERMINAL_TYPE)) {
            return "it refuses both TN3270E and TERMINAL-TYPE, so no 3270 terminal type can be agreed";
        }
        for (int option : new int[] {Telnet.BINARY, Telnet.END_OF_RECORD}) {
            if (remoteRefused.get(option) || localRefused.get(option)) {
                return "it refuses TN3270E and " + (option == Telnet.BINARY ? "BINARY" : "END-OF-RECORD")
                        + ", which traditional TN3270 needs in both directions (RFC 1576)";
            }
        }
        return null;
    }

    /**
     * What the server waits for from the client now, in words (for the log line of a negotiation that did not
     * complete in time).
     */
    String awaiting() {
        if (mode != Mode.NEGOTIATING) {
            return "nothing";
        }
        if (remoteRequested.get(Telnet.TN3270E)) {
            return "an answer to DO TN3270E";
        }
        if (remoteEnabled.get(Telnet.TN3270E)) {
            if (luName == null) {
                return lastReject == null ? "a DEVICE-TYPE REQUEST"
                        : "another DEVICE-TYPE REQUEST or WONT TN3270E after DEVICE-TYPE REJECT " + lastReject;
            }
            return "FUNCTIONS (REQUEST or IS) after DEVICE-TYPE IS";
        }
        if (remoteRequested.get(Telnet.TERMINAL_TYPE)) {
            return "an answer to DO TERMINAL-TYPE";
        }
        if (terminalType == null || luName == null) {
            return terminalTypes.isEmpty() ? "TERMINAL-TYPE IS" : "TERMINAL-TYPE IS after TERMINAL-TYPE SEND (types so "
                    + "far: " + String.join(", ", terminalTypes) + ")";
        }
        return "BINARY and END-OF-RECORD in both directions";
    }

    /** Traditional TN3270 is bound once the terminal type and LU are known and BINARY and EOR are on both ways. */
    private boolean traditionalReady() {
        if (mode != Mode.NEGOTIATING || terminalType == null || luName == null || remoteEnabled.get(Telnet.TN3270E)) {
            return false;
        }
        boolean ready = localEnabled.get(Telnet.BINARY) && remoteEnabled.get(Telnet.BINARY) && localEnabled.get(Telnet.END_OF_RECORD)
                && remoteEnabled.get(Telnet.END_OF_RECORD);
        if (ready) {
            mode = Mode.TN3270;
        }
        return ready;
    }

    /** At most this many TERMINAL-TYPE answers are asked for: a list that long has ended (RFC 1091 leaves it open). */
    static final int MAX_TERMINAL_TYPES = 16;
    /** Each TERMINAL-TYPE IS so far, as sent (RFC 1646: TYPE@LU), in order. */
    private final java.util.List<String> terminalTypes = new java.util.ArrayList<>();
    /** Why each answer could not be used, in order. */
    private final java.util.List<String> terminalTypeRefusals = new java.util.ArrayList<>();
    /** Set when the client's terminal type list ended without one the server can use: why. */
    private String terminalTypesEnded;
    /** The reason of the last DEVICE-TYPE REJECT, in words (null: none). */
    private String lastReject;

    /**
     * Traditional TN3270's terminal type (RFC 1091, RFC 1576), optionally with an LU (RFC 1646: IBM-3278-2@LUNAME). A
     * 3270 type gets its LU and BINARY and EOR are asked for. Any other answer (VT100, a printer type, an LU that is
     * not the client's or is in use) is asked for again with TERMINAL-TYPE SEND: the client answers with the next type
     * of its list, and repeats the last one when the list has ended (RFC 1091), or starts over. Then, or after
     * {@link #MAX_TERMINAL_TYPES} answers, the client has no type the server can use: {@link #impossible()} says why.
     */
    private void terminalTypeIs(String answer, java.util.List<TelnetMessage> replies) {
        boolean ended = !terminalTypes.isEmpty() && (answer.equals(terminalTypes.get(terminalTypes.size() - 1))
                || answer.equals(terminalTypes.get(0))) || terminalTypes.size() >= MAX_TERMINAL_TYPES;
        if (ended) {
            terminalTypesEnded = "its terminal types (" + String.join("; ", terminalTypeRefusals) + ") give no 3270 "
                    + "terminal the server can serve (RFC 1091: the list ended)";
            return;
        }
        terminalTypes.add(answer);
        int at = answer.indexOf('@');
        String type = at < 0 ? answer : answer.substring(0, at);
        String lu = at < 0 || at == answer.length() - 1 ? null : answer.substring(at + 1);
        String refused;
        if (!TERMINAL_TYPES.contains(type)) {
            refused = type.equals(PRINTER_TYPE) ? answer + ": a printer needs TN3270E" : answer + ": not a 3270 terminal "
                    + "type (IBM-3278-n, IBM-3279-n, IBM-DYNAMIC)";
        } else {
            if (luName != null) {
                names.release(luName); // the LU of a TN3270E negotiation the client gave up
                luName = null;
            }
            Vtam.Assignment assignment = names.terminal(lu);
            if (assignment.failure() != null) {
                registryUnavailable = assignment.failure();
                return;
            }
            if (assignment.name() != null) {
                terminalType = type;
                luName = assignment.name();
                replies.add(ask(Telnet.DO, Telnet.END_OF_RECORD));
                replies.add(ask(Telnet.WILL, Telnet.END_OF_RECORD));
                replies.add(ask(Telnet.DO, Telnet.BINARY));
                replies.add(ask(Telnet.WILL, Telnet.BINARY));
                return;
            }
            if (lu == null) {
                poolExhausted = true;
                return;
            }
            refused = answer + ": " + luRefusal(lu, assignment.rejectReason());
        }
        terminalTypeRefusals.add(refused);
        refusal = "TERMINAL-TYPE " + refused + "; TERMINAL-TYPE SEND asks for the next type";
        replies.add(new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE, new byte[] {Telnet.SEND}));
    }

    /** Why a terminal LU asked for by name cannot be had, in words. */
    private static String luRefusal(String lu, int reason) {
        return reason == Vtam.Assignment.INV_NAME ? "LU " + lu + " is not one of the client's LUs"
                : "LU " + lu + " is in use by another session";
    }

    private boolean subnegotiation(TelnetMessage.Subnegotiation s, java.util.List<TelnetMessage> replies) {
        byte[] d = s.data();
        if (s.option() == Telnet.TERMINAL_TYPE && d.length > 1 && d[0] == Telnet.IS) {
            if (mode == Mode.NEGOTIATING && !remoteEnabled.get(Telnet.TN3270E) && terminalTypesEnded == null) {
                terminalTypeIs(new String(d, 1, d.length - 1, StandardCharsets.US_ASCII).trim()
                        .toUpperCase(java.util.Locale.ROOT), replies);
            }
            return false; // under TN3270E the device type comes from DEVICE-TYPE REQUEST
        }
        if (s.option() != Telnet.TN3270E || d.length < 2) {
            return false;
        }
        int command = d[0] & 0xFF;
        int sub = d[1] & 0xFF;
        if (command == DEVICE_TYPE && sub == REQUEST && mode != Mode.NEGOTIATING) {
            return false; // the device was agreed and the session runs: it keeps its LU (RFC 2355 negotiates it once)
        }
        if (command == DEVICE_TYPE && sub == REQUEST) {
            // The type, then CONNECT name or (printers) ASSOCIATE terminal-LU.
            int marker = 2;
            while (marker < d.length && d[marker] != CONNECT && d[marker] != ASSOCIATE) {
                marker++;
            }
            String type = new String(d, 2, marker - 2, StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
            String named = marker < d.length ? new String(d, marker + 1, d.length - marker - 1, StandardCharsets.US_ASCII)
                    .toUpperCase(java.util.Locale.ROOT) : null;
            boolean associate = marker < d.length && d[marker] == ASSOCIATE;
            if (luName != null) {
                names.release(luName); // a new request replaces the device agreed before
                luName = null;
            }
            if (!TERMINAL_TYPES.contains(type) && !type.equals(PRINTER_TYPE)) {
                return rejected(replies, INV_DEVICE_TYPE, "device type " + type + " is not a 3270 terminal or printer");
            }
            terminalType = type;
            printer = type.equals(PRINTER_TYPE);
            if (printer) {
                Vtam.Assignment assignment = names.printer(associate ? null : named, associate ? named : null);
                if (assignment.failure() != null) {
                    return unavailable(replies, assignment.failure());
                }
                if (assignment.name() == null) {
                    return rejected(replies, assignment.rejectReason(), printerRefusal(named, associate,
                            assignment.rejectReason()));
                }
                luName = assignment.name();
            } else if (associate) {
                return rejected(replies, UNSUPPORTED_REQ, "only a printer can ASSOCIATE with a terminal");
            } else {
                Vtam.Assignment assignment = names.terminal(named);
                if (assignment.failure() != null) {
                    return unavailable(replies, assignment.failure());
                }
                if (assignment.name() == null && named == null) {
                    poolExhausted = true;
                    replies.add(reject(DEVICE_IN_USE));
                    return false;
                }
                if (assignment.name() == null) {
                    return rejected(replies, assignment.rejectReason(), "CONNECT " + named + ": "
                            + luRefusal(named, assignment.rejectReason()));
                }
                luName = assignment.name();
            }
            lastReject = null;
            byte[] lu = luName.getBytes(StandardCharsets.US_ASCII);
            byte[] t = terminalType.getBytes(StandardCharsets.US_ASCII);
            byte[] is = new byte[2 + t.length + 1 + lu.length];
            is[0] = DEVICE_TYPE;
            is[1] = IS;
            System.arraycopy(t, 0, is, 2, t.length);
            is[2 + t.length] = CONNECT;
            System.arraycopy(lu, 0, is, 3 + t.length, lu.length);
            replies.add(new TelnetMessage.Subnegotiation(Telnet.TN3270E, is));
            return false;
        }
        if (command == FUNCTIONS && luName == null) {
            return false; // FUNCTIONS before DEVICE-TYPE is out of order (RFC 2355): ignored
        }
        if (command == FUNCTIONS && (sub == REQUEST || sub == IS)) {
            java.util.Set<Integer> asked = new java.util.TreeSet<>();
            for (int i = 2; i < d.length; i++) {
                asked.add(d[i] & 0xFF);
            }
            java.util.Set<Integer> agreed = new java.util.TreeSet<>(asked);
            agreed.retainAll(printer ? PRINTER_FUNCTIONS : TERMINAL_FUNCTIONS);
            if (agreed.equals(asked)) {
                // What the client asks for (or confirms) is within what we offer: agreed.
                if (sub == REQUEST) {
                    replies.add(new TelnetMessage.Subnegotiation(Telnet.TN3270E, functions(IS, agreed)));
                }
                functions = agreed;
                mode = Mode.TN3270E;
                return true;
            }
            replies.add(new TelnetMessage.Subnegotiation(Telnet.TN3270E, functions(REQUEST, agreed)));
            return false;
        }
        return false;
    }

    /**
     * DEVICE-TYPE REJECT UNKNOWN-ERROR (RFC 2355: the server cannot give the device for a reason of its own): the
     * registry could not be reached; the session ends ({@link #registryUnavailable()}).
     */
    private boolean unavailable(java.util.List<TelnetMessage> replies, String why) {
        registryUnavailable = why;
        replies.add(reject(Vtam.Assignment.UNKNOWN_ERROR));
        lastReject = Vtam.Assignment.reasonText(Vtam.Assignment.UNKNOWN_ERROR);
        return false;
    }

    /** DEVICE-TYPE REJECT with {@code reason}, and the refusal in words for the log; the client may ask again. */
    private boolean rejected(java.util.List<TelnetMessage> replies, int reason, String why) {
        replies.add(reject(reason));
        lastReject = Vtam.Assignment.reasonText(reason);
        refusal = "DEVICE-TYPE REJECT " + lastReject + ": " + why;
        return false;
    }

    private static String printerRefusal(String named, boolean associate, int reason) {
        if (associate) {
            return "ASSOCIATE " + named + ": no printer is associated with that terminal LU";
        }
        return reason == Vtam.Assignment.INV_NAME ? "CONNECT " + named + ": no printer LU has that name"
                : named == null ? "every printer LU of the client's pool is in use"
                : "CONNECT " + named + ": printer LU " + named + " is in use by another session";
    }

    private static TelnetMessage reject(int reason) {
        return new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {DEVICE_TYPE, REJECT, REASON, (byte) reason});
    }

    private static byte[] functions(int sub, java.util.Set<Integer> list) {
        byte[] message = new byte[2 + list.size()];
        message[0] = FUNCTIONS;
        message[1] = (byte) sub;
        int i = 2;
        for (int f : list) {
            message[i++] = (byte) f;
        }
        return message;
    }

    /** The TN3270E functions agreed, by RFC 2355's names (BIND-IMAGE RESPONSES SYSREQ), for DEBUG lines. */
    String functionNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int f : new java.util.TreeSet<>(functions)) {
            names.add(switch (f) {
                case BIND_IMAGE -> "BIND-IMAGE";
                case 0x01 -> "DATA-STREAM-CTL";
                case RESPONSES -> "RESPONSES";
                case SCS_CTL_CODES -> "SCS-CTL-CODES";
                case SYSREQ -> "SYSREQ";
                default -> String.format("x'%02X'", f);
            });
        }
        return names.isEmpty() ? "none" : String.join(" ", names);
    }

    /** Whether BINARY is on in either direction (then a line of plain text would be read as 3270 data). */
    boolean binary() {
        return localEnabled.get(Telnet.BINARY) || remoteEnabled.get(Telnet.BINARY);
    }

    /** Whether RESPONSES was agreed: then a client's request for a response is answered. */
    boolean responses() {
        return functions.contains(RESPONSES);
    }

    /** Whether BIND-IMAGE was agreed: application sessions start with a BIND and end with an UNBIND. */
    boolean bindImage() {
        return functions.contains(BIND_IMAGE);
    }

    /** Whether SYSREQ was agreed: the client's SYSREQ key arrives as IAC AO and toggles the SSCP-LU session. */
    boolean sysreq() {
        return functions.contains(SYSREQ);
    }
}

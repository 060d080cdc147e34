package org.opencs.tn3270.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Express Logon (IBM's ELF): the client's logon macro types the placeholders {@code )USR.ID(} and {@code )PSS.WD(};
 * the server replaces them in the inbound data stream with the user ID the client certificate maps to and a fresh
 * PassTicket for the application the client named in NEW-ENVIRON (USERVAR IBMAPPLID), so the application sees an
 * ordinary logon and the password never travels.
 */
final class ExpressLogon {
    /** ")USR.ID(" and ")PSS.WD(" in EBCDIC (the same bytes in IBM-037 and IBM-1047). */
    static final byte[] USER_PLACEHOLDER = {0x5D, (byte) 0xE4, (byte) 0xE2, (byte) 0xD9, 0x4B, (byte) 0xC9, (byte) 0xC4, 0x4D};
    static final byte[] PASSWORD_PLACEHOLDER = {0x5D, (byte) 0xD7, (byte) 0xE2, (byte) 0xE2, 0x4B, (byte) 0xE6, (byte) 0xC4, 0x4D};
    /** NEW-ENVIRON SEND USERVAR "IBMELF" USERVAR "IBMAPPLID" (RFC 1572). */
    static final byte[] SEND_REQUEST = concat(new byte[] {0x01, 0x03}, ascii("IBMELF"), new byte[] {0x03}, ascii("IBMAPPLID"));

    private static final int VAR = 0;
    private static final int VALUE = 1;
    private static final int ESC = 2;
    private static final int USERVAR = 3;

    private ExpressLogon() {
    }

    static boolean hasPlaceholders(byte[] data) {
        return indexOf(data, USER_PLACEHOLDER, 0) >= 0 || indexOf(data, PASSWORD_PLACEHOLDER, 0) >= 0;
    }

    /** The data with every placeholder replaced ({@code userid} and {@code password} already in EBCDIC). */
    static byte[] substitute(byte[] data, byte[] userid, byte[] password) {
        return replace(replace(data, USER_PLACEHOLDER, userid), PASSWORD_PLACEHOLDER, password);
    }

    /** The variables of a NEW-ENVIRON IS or INFO message; empty for anything else. */
    static Map<String, String> variables(byte[] message) {
        Map<String, String> vars = new HashMap<>();
        if (message.length == 0 || (message[0] != 0x00 && message[0] != 0x02)) {
            return vars;
        }
        String name = null;
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        boolean inValue = false;
        for (int i = 1; i <= message.length; i++) {
            int b = i < message.length ? message[i] & 0xFF : -1;
            if (b == ESC && i + 1 < message.length) {
                current.write(message[++i]);
                continue;
            }
            if (b == VAR || b == USERVAR || b == -1) {
                if (name != null || current.size() > 0) {
                    if (inValue) {
                        vars.put(name, current.toString(StandardCharsets.US_ASCII));
                    } else {
                        vars.put(current.toString(StandardCharsets.US_ASCII), "");
                    }
                }
                name = null;
                inValue = false;
                current.reset();
            } else if (b == VALUE) {
                name = current.toString(StandardCharsets.US_ASCII);
                inValue = true;
                current.reset();
            } else {
                current.write(b);
            }
        }
        return vars;
    }

    private static byte[] replace(byte[] data, byte[] pattern, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        int from = 0;
        for (int at = indexOf(data, pattern, 0); at >= 0; at = indexOf(data, pattern, from)) {
            out.write(data, from, at - from);
            out.writeBytes(with);
            from = at + pattern.length;
        }
        out.write(data, from, data.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

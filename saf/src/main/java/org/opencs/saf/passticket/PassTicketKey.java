package org.opencs.saf.passticket;

import java.util.HexFormat;

/**
 * The secret of a PTKTDATA profile: a legacy DES key (SSIGNON(KEYMASKED(16 hex digits))) or an enhanced HMAC key
 * with its TYPE, TIMEOUT and REPLAY settings. Replay is refused by default for legacy tickets unless the profile says
 * APPLDATA('NO REPLAY PROTECTION'); enhanced tickets refuse it unless the profile says REPLAY(YES).
 */
public record PassTicketKey(boolean enhanced, byte[] key, EnhancedPassTicket.Type type, int timeoutSeconds,
                            boolean replayAllowed) {
    /** Legacy tickets are valid 10 minutes either side of their generation time. */
    public static final int LEGACY_WINDOW_SECONDS = 600;

    public PassTicketKey {
        key = key.clone();
        if (!enhanced && key.length != 8) {
            throw new IllegalArgumentException("a legacy PassTicket key is 16 hexadecimal digits");
        }
        if (enhanced && (key.length < 32 || key.length > 256)) {
            throw new IllegalArgumentException("an enhanced PassTicket key is 256 to 2048 bits (64 to 512 hex digits)");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new IllegalArgumentException("TIMEOUT must be 1 to 600 seconds");
        }
    }

    public static PassTicketKey legacy(String hex, boolean replayAllowed) {
        return new PassTicketKey(false, parseHex(hex, 16, 16), null, LEGACY_WINDOW_SECONDS, replayAllowed);
    }

    public static PassTicketKey enhanced(String hex, EnhancedPassTicket.Type type, int timeoutSeconds, boolean replayAllowed) {
        return new PassTicketKey(true, parseHex(hex, 64, 512), type, timeoutSeconds, replayAllowed);
    }

    /** Seconds either side of the generation time in which a ticket is accepted. */
    public int windowSeconds() {
        return enhanced ? timeoutSeconds : LEGACY_WINDOW_SECONDS;
    }

    private static byte[] parseHex(String hex, int minDigits, int maxDigits) {
        String digits = hex.trim();
        if (digits.length() < minDigits || digits.length() > maxDigits || digits.length() % 2 != 0
                || !digits.matches("[0-9A-Fa-f]+")) {
            throw new IllegalArgumentException("the key must be " + (minDigits == maxDigits ? minDigits : minDigits + " to "
                    + maxDigits) + " hexadecimal digits");
        }
        return HexFormat.of().parseHex(digits);
    }
}

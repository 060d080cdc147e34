package org.opencs.saf.passticket;

import java.util.OptionalLong;

/** Generation and evaluation of PassTickets with a profile's key; replay records are the registry's business. */
public final class PassTickets {
    private PassTickets() {
    }

    public static String generate(PassTicketKey key, String user, String application, long epochSeconds) {
        return key.enhanced()
                ? EnhancedPassTicket.generate(key.key(), user, application, epochSeconds, key.type())
                : LegacyPassTicket.generate(key.key(), user, application, epochSeconds);
    }

    /**
     * Checks {@code ticket} at time {@code now}: the translation loses information, so the ticket is regenerated for
     * each second of the validity window (nearest times first) and compared. Returns the generation time that matches.
     */
    public static OptionalLong evaluate(PassTicketKey key, String user, String application, String ticket, long now) {
        String candidate = key.enhanced() ? ticket : ticket.toUpperCase(java.util.Locale.ROOT);
        if (candidate.length() != 8) {
            return OptionalLong.empty();
        }
        for (int offset = 0; offset <= key.windowSeconds(); offset++) {
            if (generate(key, user, application, now - offset).equals(candidate)) {
                return OptionalLong.of(now - offset);
            }
            if (offset > 0 && generate(key, user, application, now + offset).equals(candidate)) {
                return OptionalLong.of(now + offset);
            }
        }
        return OptionalLong.empty();
    }
}

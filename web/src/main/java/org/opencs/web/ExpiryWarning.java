package org.opencs.web;

import java.time.Duration;
import java.time.Instant;

/**
 * How near a certificate is to its end, as the console shows it: EXPIRED (notAfter has passed), DAYS_7 (at most 7
 * whole days left), DAYS_30 (at most 30 whole days left), OK. IBM documents no such levels for RACDCERT; the
 * decision is in docs/web.md (Console). {@link #label()} is the text and CSS class the page uses.
 */
public enum ExpiryWarning {
    EXPIRED("expired"), DAYS_7("7 days"), DAYS_30("30 days"), OK("ok");

    private final String label;

    ExpiryWarning(String label) {
        this.label = label;
    }

    /** The text shown: "expired", "7 days", "30 days" or "ok". */
    public String label() {
        return label;
    }

    /** Whole days from {@code now} to {@code notAfter} (negative once expired; rounded down). */
    public static long daysLeft(Instant notAfter, Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400L);
    }

    /** The warning for a certificate ending at {@code notAfter}, seen at {@code now}. */
    public static ExpiryWarning of(Instant notAfter, Instant now) {
        if (!notAfter.isAfter(now)) {
            return EXPIRED;
        }
        long days = daysLeft(notAfter, now);
        return days <= 7 ? DAYS_7 : days <= 30 ? DAYS_30 : OK;
    }
}

package org.opencs.jes.jcl;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The system symbols a batch job's JCL can use: {@code &SYSUID} (the submitter's user ID) and the dynamic date and
 * time symbols of the submission, local ({@code &LYYMMDD &LYR2 &LYR4 &LMON &LDAY &LJDAY &LWDAY &LHR &LMIN &LSEC
 * &LHHMMSS}) and UTC ({@code &YYMMDD &YR2 &YR4 &MON &DAY &JDAY &WDAY &HR &MIN &SEC &HHMMSS}). Source: z/OS MVS
 * Initialization and Tuning Reference, "Dynamic system symbols"; z/OS MVS JCL Reference, "&SYSUID".
 */
final class SystemSymbols {
    private SystemSymbols() {
    }

    static Map<String, String> of(JclEnvironment environment) {
        Map<String, String> symbols = new HashMap<>();
        symbols.put("SYSUID", environment.submitter().toUpperCase(Locale.ROOT));
        ZonedDateTime local = environment.submitted();
        put(symbols, "L", local);
        put(symbols, "", local.withZoneSameInstant(ZoneOffset.UTC));
        return symbols;
    }

    private static void put(Map<String, String> symbols, String prefix, ZonedDateTime t) {
        String yr2 = String.format("%02d", t.getYear() % 100);
        symbols.put(prefix + "YR2", yr2);
        symbols.put(prefix + "YR4", String.format("%04d", t.getYear()));
        symbols.put(prefix + "MON", String.format("%02d", t.getMonthValue()));
        symbols.put(prefix + "DAY", String.format("%02d", t.getDayOfMonth()));
        symbols.put(prefix + "JDAY", String.format("%03d", t.getDayOfYear()));
        symbols.put(prefix + "WDAY", t.getDayOfWeek().name().substring(0, 3));
        symbols.put(prefix + "HR", String.format("%02d", t.getHour()));
        symbols.put(prefix + "MIN", String.format("%02d", t.getMinute()));
        symbols.put(prefix + "SEC", String.format("%02d", t.getSecond()));
        symbols.put(prefix + "YYMMDD", yr2 + String.format("%02d%02d", t.getMonthValue(), t.getDayOfMonth()));
        symbols.put(prefix + "HHMMSS", String.format("%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond()));
    }
}

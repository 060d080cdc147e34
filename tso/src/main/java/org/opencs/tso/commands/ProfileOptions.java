package org.opencs.tso.commands;

import java.util.Locale;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.passticket.PassTicketKey;
import org.opencs.saf.passticket.PassTicketService;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.ResourceProfile;
import org.opencs.tso.parse.Operands;

/**
 * The profile keywords RDEFINE and RALTER share: UACC, APPLDATA, and for PTKTDATA the PassTicket key:
 * SSIGNON(KEYMASKED(16 hex digits)) for legacy tickets, or EPTKTDATA(KEYMASKED(64-512 hex digits) TYPE(UPPER|MIXED)
 * TIMEOUT(1-600) REPLAY(YES|NO)) for enhanced ones (z/OS keeps that key in ICSF under a KEYLABEL; OpenCS has no ICSF,
 * so the key is given in hex and sealed with the master key like the legacy one).
 */
final class ProfileOptions {
    static final Set<String> KEYWORDS = Set.of("UACC", "APPLDATA", "NOAPPLDATA", "SSIGNON", "NOSSIGNON", "EPTKTDATA",
            "OWNER", "DATA");
    private static final Set<String> SSIGNON = Set.of("KEYMASKED", "KEYENCRYPTED", "KEYLABEL");
    private static final Set<String> EPTKTDATA = Set.of("KEYMASKED", "KEYLABEL", "TYPE", "TIMEOUT", "REPLAY");

    private ProfileOptions() {
    }

    static String className(String text) {
        String name = text.toUpperCase(Locale.ROOT);
        if (!name.matches("[A-Z$#@][A-Z0-9$#@]{0,7}")) {
            throw new ZosException("ICH09005I", org.opencs.core.Values.quoteForMessage(text) + " NOT FOUND IN CDT. (INVALID CLASS NAME)");
        }
        return name;
    }

    static String profileName(String text) {
        String name = text.toUpperCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 246) {
            throw new ZosException("IKJ56702I", "INVALID PROFILE NAME, " + org.opencs.core.Values.quoteForMessage(text));
        }
        return name;
    }

    static ResourceProfile apply(ResourceProfile profile, Operands operands, Registry registry) {
        ResourceProfile result = profile;
        if (operands.has("UACC")) {
            result = result.withUacc(AccessLevel.parse(operands.value("UACC").orElseThrow()));
        }
        if (operands.has("APPLDATA")) {
            String appldata = operands.value("APPLDATA").orElseThrow();
            if (appldata.length() > 255) {
                throw new ZosException("IKJ56702I", "INVALID APPLDATA, AT MOST 255 CHARACTERS");
            }
            result = result.withAppldata(appldata);
        }
        if (operands.has("NOAPPLDATA")) {
            result = result.withAppldata(null);
        }
        if (operands.has("SSIGNON") || operands.has("EPTKTDATA") || operands.has("NOSSIGNON")) {
            if (!profile.className().equals(PassTicketService.CLASS)) {
                throw new ZosException("IKJ56712I", "INVALID KEYWORD, SSIGNON/EPTKTDATA APPLY ONLY TO CLASS PTKTDATA");
            }
        }
        String context = PassTicketService.CLASS + ":" + profile.profile();
        if (operands.has("SSIGNON")) {
            Operands ssignon = operands.nested("SSIGNON", SSIGNON).orElseThrow();
            String hex = ssignon.value("KEYMASKED").orElseThrow(() -> new ZosException("IKJ56702I",
                    "SSIGNON NEEDS KEYMASKED(16 HEXADECIMAL DIGITS); KEYENCRYPTED AND KEYLABEL NEED ICSF"));
            PassTicketKey key = parse(() -> PassTicketKey.legacy(hex, false));
            result = result.withPassTicketKey(registry.masterKey().seal(key.key(), context), false, null, null, null);
        }
        if (operands.has("EPTKTDATA")) {
            Operands e = operands.nested("EPTKTDATA", EPTKTDATA).orElseThrow();
            String hex = e.value("KEYMASKED").orElseThrow(() -> new ZosException("IKJ56702I",
                    "EPTKTDATA NEEDS KEYMASKED(64 TO 512 HEXADECIMAL DIGITS) IN OPENCS (NO ICSF KEYLABEL)"));
            String type = e.value("TYPE").orElse("MIXED").toUpperCase(Locale.ROOT);
            if (!type.equals("UPPER") && !type.equals("MIXED")) {
                throw new ZosException("IKJ56702I", "INVALID TYPE, " + org.opencs.core.Values.quoteForMessage(type) + " (UPPER OR MIXED)");
            }
            int timeout = number(e.value("TIMEOUT").orElse("60"));
            String replay = e.value("REPLAY").orElse("NO").toUpperCase(Locale.ROOT);
            if (!replay.equals("YES") && !replay.equals("NO")) {
                throw new ZosException("IKJ56702I", "INVALID REPLAY, " + org.opencs.core.Values.quoteForMessage(replay) + " (YES OR NO)");
            }
            PassTicketKey key = parse(() -> PassTicketKey.enhanced(hex,
                    org.opencs.saf.passticket.EnhancedPassTicket.Type.valueOf(type), timeout, replay.equals("YES")));
            result = result.withPassTicketKey(registry.masterKey().seal(key.key(), context), true, type, timeout,
                    replay.equals("YES"));
        }
        if (operands.has("NOSSIGNON")) {
            result = result.withPassTicketKey(null, false, null, null, null);
        }
        return result;
    }

    private static PassTicketKey parse(java.util.function.Supplier<PassTicketKey> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ZosException("IKJ56702I", "INVALID KEY, " + e.getMessage().toUpperCase(Locale.ROOT));
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ZosException("IKJ56702I", "INVALID TIMEOUT, " + org.opencs.core.Values.quoteForMessage(text));
        }
    }

}

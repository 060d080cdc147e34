package org.opencs.tso.commands;

import java.util.Locale;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.users.User;
import org.opencs.tso.parse.Operands;

/** Validation shared by ADDUSER and ALTUSER: user IDs, NAME, and the OMVS segment. */
final class UserOptions {
    static final Set<String> OMVS_KEYWORDS = Set.of("UID", "HOME", "PROGRAM", "NOUID", "NOHOME");

    private UserOptions() {
    }

    static String userid(String text) {
        String userid = text.toUpperCase(Locale.ROOT);
        if (!User.validUserid(userid)) {
            throw new ZosException("IKJ56702I", "INVALID USERID, " + org.opencs.core.Values.quoteForMessage(text));
        }
        return userid;
    }

    static String name(String text) {
        if (text.length() > 20) {
            throw new ZosException("IKJ56702I", "INVALID NAME, " + org.opencs.core.Values.quoteForMessage(text) + " (AT MOST 20 CHARACTERS)");
        }
        return text;
    }

    /** Applies OMVS(UID(n) HOME(path)) to the user. */
    static User omvs(User user, Operands operands) {
        var omvs = operands.nested("OMVS", OMVS_KEYWORDS);
        if (omvs.isEmpty()) {
            return user;
        }
        Long uid = user.omvsUid();
        String home = user.omvsHome();
        if (omvs.get().has("UID")) {
            String value = omvs.get().value("UID").orElseThrow();
            try {
                uid = Long.parseLong(value);
                if (uid < 0 || uid > 2147483647L) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ZosException("IKJ56702I", "INVALID UID, " + org.opencs.core.Values.quoteForMessage(value));
            }
        }
        if (omvs.get().has("NOUID")) {
            uid = null;
        }
        if (omvs.get().has("HOME")) {
            home = omvs.get().value("HOME").orElseThrow();
            if (!home.startsWith("/") || home.length() > 1023) {
                throw new ZosException("IKJ56702I", "INVALID HOME, " + org.opencs.core.Values.quoteForMessage(home) + " (AN ABSOLUTE PATH IS REQUIRED)");
            }
        }
        if (omvs.get().has("NOHOME")) {
            home = null;
        }
        return user.withOmvs(uid, home);
    }

    /** The user's z/OS UNIX home directory exists from the moment the OMVS segment names it. */
    static void createHome(org.opencs.saf.Registry registry, User user) {
        if (user.omvsHome() != null) {
            try {
                java.nio.file.Files.createDirectories(registry.home().hfsPath(user.omvsHome()));
            } catch (java.io.IOException e) {
                throw new ZosException("BPXF024I", "The home directory " + user.omvsHome() + " cannot be created: "
                        + e.getMessage());
            }
        }
    }
}

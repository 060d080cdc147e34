package org.opencs.tso.commands;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/** LISTUSER (LU): shows user profiles in RACF's layout; without SPECIAL a user may list only itself. */
public final class ListUser implements TsoCommandHandler {
    private static final DateTimeFormatter JULIAN = DateTimeFormatter.ofPattern("yy.DDD").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yy.DDD/HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public Set<String> names() {
        return Set.of("LISTUSER", "LU");
    }

    @Override
    public void execute(TsoCommand command, TsoSession session) {
        Operands operands = Operands.of(command.operands(), Set.of("OMVS", "NORACF", "TSO"), 1);
        List<String> words = operands.positionalWords();
        List<User> users;
        if (words.isEmpty()) {
            users = List.of(session.user());
        } else if (words.size() == 1 && words.get(0).equals("*")) {
            session.requireSpecial("LISTUSER *");
            users = session.registry().users().list();
        } else {
            users = words.stream().map(UserOptions::userid).map(userid -> {
                if (!userid.equals(session.user().userid())) {
                    session.requireSpecial("LISTUSER " + userid);
                }
                return session.registry().users().find(userid)
                        .orElseThrow(() -> new ZosException("ICH30001I", "UNABLE TO LOCATE USER ENTRY " + userid));
            }).toList();
        }
        users.forEach(user -> list(user, session));
    }

    private static void list(User user, TsoSession session) {
        session.print(String.format("USER=%-8s  NAME=%-20s  OWNER=%-8s  CREATED=%s", user.userid(), user.name(),
                user.owner(), JULIAN.format(user.created())));
        session.print(" ATTRIBUTES=" + (user.special() ? "SPECIAL" : "NONE")
                + (user.revoked() ? " REVOKED" : "") + (user.passwordHash() == null ? " PROTECTED" : ""));
        session.print(" PASSWORD=" + (user.passwordHash() == null ? "NONE" : user.passwordExpired() ? "EXPIRED" : "SET")
                + "  PHRASE=" + (user.phraseHash() == null ? "NONE" : "SET") + "  FAILED-LOGONS=" + user.failedLogons());
        session.print(" LAST-ACCESS=" + (user.lastLogon() == null ? "UNKNOWN" : TIME.format(user.lastLogon())));
        if (user.omvsUid() != null || user.omvsHome() != null) {
            session.print("");
            session.print("OMVS INFORMATION");
            session.print("----------------");
            session.print("UID= " + (user.omvsUid() == null ? "NONE" : String.format("%010d", user.omvsUid())));
            session.print("HOME= " + (user.omvsHome() == null ? "NONE" : user.omvsHome()));
        }
        session.print("");
    }
}

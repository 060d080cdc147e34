package org.opencs.tso.commands;

import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.store.OptionStore;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/**
 * SETROPTS (SETR): CLASSACT/NOCLASSACT, RACLIST/NORACLIST (with REFRESH), PASSWORD(REVOKE(n)|NOREVOKE), LIST.
 * OpenCS reads profiles from the registry on every check, so RACLIST REFRESH has nothing to reload: it is accepted so
 * that z/OS jobs run unchanged, and new connections see every change at once.
 */
public final class Setropts implements TsoCommandHandler {
    private static final Set<String> KEYWORDS = Set.of("CLASSACT", "NOCLASSACT", "RACLIST", "NORACLIST", "REFRESH",
            "PASSWORD", "LIST", "GENERIC", "NOGENERIC");

    @Override
    public Set<String> names() {
        return Set.of("SETROPTS", "SETR");
    }

    @Override
    public void execute(TsoCommand command, TsoSession session) {
        session.requireSpecial("SETROPTS");
        Operands operands = Operands.of(command.operands(), KEYWORDS);
        OptionStore options = session.registry().options();
        for (String c : operands.values("CLASSACT")) {
            options.set("CLASSACT." + ProfileOptions.className(c), "YES");
        }
        for (String c : operands.values("NOCLASSACT")) {
            options.set("CLASSACT." + ProfileOptions.className(c), null);
        }
        for (String c : operands.values("RACLIST")) {
            options.set("RACLIST." + ProfileOptions.className(c), "YES");
        }
        for (String c : operands.values("NORACLIST")) {
            options.set("RACLIST." + ProfileOptions.className(c), null);
        }
        operands.nested("PASSWORD", Set.of("REVOKE", "NOREVOKE", "INTERVAL", "HISTORY")).ifPresent(password -> {
            if (password.has("REVOKE")) {
                String n = password.value("REVOKE").orElseThrow();
                if (!n.matches("\\d{1,3}") || Integer.parseInt(n) < 1 || Integer.parseInt(n) > 254) {
                    throw new ZosException("IKJ56702I", "INVALID REVOKE VALUE, " + org.opencs.core.Values.quoteForMessage(n) + " (1 TO 254)");
                }
                options.set("PASSWORD.REVOKE", n);
            }
            if (password.has("NOREVOKE")) {
                options.set("PASSWORD.REVOKE", null);
            }
        });
        if (operands.has("LIST")) {
            session.print("ACTIVE CLASSES = " + String.join(" ", activeClasses(options)));
            session.print("PASSWORD PROCESSING OPTIONS:");
            int revoke = options.revokeAfter();
            session.print("  " + (revoke == 0 ? "NO REVOKE AFTER FAILED LOGONS"
                    : "AFTER " + revoke + " CONSECUTIVE UNSUCCESSFUL PASSWORD ATTEMPTS, A USERID WILL BE REVOKED."));
        }
    }

    private static java.util.List<String> activeClasses(OptionStore options) {
        return options.names("CLASSACT.").stream().map(name -> name.substring("CLASSACT.".length())).toList();
    }
}

package org.opencs.tso.commands;

import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.users.PasswordRules;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/**
 * ALTUSER (ALU): changes users: PASSWORD (temporary unless NOEXPIRED), PHRASE, NAME, SPECIAL, REVOKE, RESUME, OMVS.
 * NOSPECIAL or REVOKE of the last active SPECIAL user is refused with OCS0060E (RACF would accept it and leave only
 * its failsoft console; docs/registry.md).
 */
public final class AltUser implements TsoCommandHandler {
    static final Set<String> KEYWORDS = Set.of("NAME", "PASSWORD", "NOPASSWORD", "PHRASE", "NOPHRASE", "EXPIRED",
            "NOEXPIRED", "SPECIAL", "NOSPECIAL", "REVOKE", "RESUME", "OMVS", "NOOMVS", "OWNER");

    @Override
    public Set<String> names() {
        return Set.of("ALTUSER", "ALU");
    }

    @Override
    public void execute(TsoCommand command, TsoSession session) {
        session.requireSpecial("ALTUSER");
        Operands operands = Operands.of(command.operands(), KEYWORDS, 1);
        Registry registry = session.registry();
        for (String word : operands.positionalWords()) {
            String userid = UserOptions.userid(word);
            User user = registry.users().find(userid)
                    .orElseThrow(() -> new ZosException("ICH21001I", "USER " + userid + " NOT DEFINED"));
            if (operands.has("PASSWORD")) {
                char[] password = operands.value("PASSWORD").orElseThrow().toCharArray();
                PasswordRules.checkPassword(password);
                user = user.withPassword(registry.passwordHasher().hash(password), !operands.has("NOEXPIRED"));
            }
            if (operands.has("PHRASE")) {
                char[] phrase = operands.value("PHRASE").orElseThrow().toCharArray();
                PasswordRules.checkPhrase(phrase);
                user = user.withPhrase(registry.passwordHasher().hash(phrase));
            }
            if (operands.has("NOPHRASE")) {
                user = user.withPhrase(null);
            }
            if (operands.has("NOPASSWORD")) {
                user = user.withPassword(null, false);
            }
            if (operands.has("NAME")) {
                user = user.withName(UserOptions.name(operands.value("NAME").orElseThrow()));
            }
            if (operands.has("SPECIAL")) {
                user = user.withSpecial(true);
            }
            if (operands.has("NOSPECIAL")) {
                user = user.withSpecial(false);
            }
            if (operands.has("REVOKE")) {
                user = user.withRevoked(true);
            }
            if (operands.has("RESUME")) {
                user = user.withRevoked(false);
            }
            if (operands.has("NOOMVS")) {
                user = user.withOmvs(null, null);
            }
            User altered = UserOptions.omvs(user, operands);
            if (registry.users().updateKeepingSpecial(altered) == org.opencs.saf.users.UserStore.Guarded.LAST_SPECIAL) {
                throw LastSpecial.refused(userid, operands.has("NOSPECIAL") ? "NOSPECIAL" : "REVOKE");
            }
            UserOptions.createHome(registry, altered);
        }
    }
}

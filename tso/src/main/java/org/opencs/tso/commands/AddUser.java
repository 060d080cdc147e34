package org.opencs.tso.commands;

import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.users.PasswordRules;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/** ADDUSER (AU): defines users. A password given here is temporary: it must be changed at first logon. */
public final class AddUser implements TsoCommandHandler {
    static final Set<String> KEYWORDS = Set.of("NAME", "PASSWORD", "NOPASSWORD", "PHRASE", "SPECIAL", "NOSPECIAL",
            "OWNER", "OMVS", "DFLTGRP", "TSO", "NOOIDCARD");

    @Override
    public Set<String> names() {
        return Set.of("ADDUSER", "AU");
    }

    @Override
    public void execute(TsoCommand command, TsoSession session) {
        session.requireSpecial("ADDUSER");
        Operands operands = Operands.of(command.operands(), KEYWORDS, 1);
        if (operands.positionalWords().isEmpty()) {
            throw new ZosException("IKJ56700A", "ENTER USERID -");
        }
        Registry registry = session.registry();
        for (String word : operands.positionalWords()) {
            String userid = UserOptions.userid(word);
            String hash = null;
            if (operands.has("PASSWORD")) {
                char[] password = operands.value("PASSWORD").orElseThrow().toCharArray();
                PasswordRules.checkPassword(password);
                hash = registry.passwordHasher().hash(password);
            }
            String name = UserOptions.name(operands.value("NAME").orElse("UNKNOWN"));
            User user = User.define(userid, name, operands.value("OWNER").map(UserOptions::userid)
                            .orElse(session.user().userid()), hash, hash != null, operands.has("SPECIAL"), null, null,
                    registry.clock().instant());
            if (operands.has("PHRASE")) {
                char[] phrase = operands.value("PHRASE").orElseThrow().toCharArray();
                PasswordRules.checkPhrase(phrase);
                user = user.withPhrase(registry.passwordHasher().hash(phrase));
            }
            user = UserOptions.omvs(user, operands);
            if (!registry.users().add(user)) {
                throw new ZosException("ICH01001I", "USER " + userid + " IS ALREADY DEFINED");
            }
            UserOptions.createHome(registry, user);
            if (hash == null && user.phraseHash() == null) {
                session.print("ICH01024I User " + userid + " is defined as PROTECTED.");
            }
        }
    }
}

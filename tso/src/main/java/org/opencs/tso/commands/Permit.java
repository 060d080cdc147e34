package org.opencs.tso.commands;

import java.util.List;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/** PERMIT (PE): PERMIT profile [CLASS(class), default DATASET] ID(user ...) ACCESS(level) | DELETE. */
public final class Permit implements TsoCommandHandler {
    @Override
    public Set<String> names() {
        return Set.of("PERMIT", "PE");
    }

    @Override
    public void execute(TsoCommand command, TsoSession session) {
        session.requireSpecial("PERMIT");
        Operands operands = Operands.of(command.operands(), Set.of("CLASS", "ID", "ACCESS", "DELETE", "RESET", "GENERIC"), 1);
        List<String> words = operands.positionalWords();
        if (words.isEmpty()) {
            throw new ZosException("IKJ56700A", "ENTER PROFILE NAME -");
        }
        String className = ProfileOptions.className(operands.value("CLASS").orElse("DATASET"));
        List<String> ids = operands.values("ID");
        if (ids.isEmpty()) {
            throw new ZosException("IKJ56700A", "ENTER ID -");
        }
        AccessLevel access = operands.has("DELETE") ? null : AccessLevel.parse(operands.value("ACCESS").orElse("READ"));
        for (String word : words) {
            String profile = ProfileOptions.profileName(word);
            if (session.registry().resources().find(className, profile).isEmpty()) {
                throw new ZosException("ICH06004I", org.opencs.core.Values.quoteForMessage(profile) + " NOT DEFINED TO RACF IN CLASS " + className);
            }
            for (String id : ids) {
                String userid = UserOptions.userid(id);
                if (session.registry().users().find(userid).isEmpty()) {
                    throw new ZosException("ICH06007I", userid + " NOT DEFINED TO RACF");
                }
                session.registry().resources().permit(className, profile, userid, access);
            }
        }
    }
}

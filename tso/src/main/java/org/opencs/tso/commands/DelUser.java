package org.opencs.tso.commands;

import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/** DELUSER (DU): removes users and their access list entries; never the last active SPECIAL user (OCS0060E). */
public final class DelUser implements TsoCommandHandler {
    @Override
    public Set<String> names() {
        return Set.of("DELUSER", "DU");
    }

    @Override
    public void execute(TsoCommand command, TsoSession session) {
        session.requireSpecial("DELUSER");
        for (String word : Operands.of(command.operands(), Set.of(), 99).positionalWords()) {
            String userid = UserOptions.userid(word);
            if (userid.equals(session.user().userid())) {
                throw new ZosException("ICH04002I", "USER " + userid + " CANNOT DELETE ITSELF");
            }
            switch (session.registry().users().deleteKeepingSpecial(userid)) {
                case NOT_DEFINED -> throw new ZosException("ICH04001I", "USER " + userid + " NOT DEFINED");
                case LAST_SPECIAL -> throw LastSpecial.refused(userid, "DELUSER");
                case DONE -> {
                }
            }
        }
    }
}

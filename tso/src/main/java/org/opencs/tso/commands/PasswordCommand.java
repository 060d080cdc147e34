package org.opencs.tso.commands;

import java.util.List;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/** PASSWORD (PW): a user changes its own password: PASSWORD PASSWORD(current new). */
public final class PasswordCommand implements TsoCommandHandler {
    @Override
    public Set<String> names() {
        return Set.of("PASSWORD", "PW");
    }

    @Override
    public void execute(TsoCommand command, TsoSession session) {
        Operands operands = Operands.of(command.operands(), Set.of("PASSWORD", "INTERVAL", "NOINTERVAL"));
        List<String> values = operands.values("PASSWORD");
        if (values.size() != 2) {
            throw new ZosException("IKJ56702I", "INVALID PASSWORD, SPECIFY PASSWORD(current-password new-password)");
        }
        LogonResult result = new Authenticator(session.registry()).changePassword(session.user().userid(),
                values.get(0).toCharArray(), values.get(1).toCharArray(), null);
        if (!result.ok()) {
            throw new ZosException("ICH08001I", "CURRENT PASSWORD IS NOT VALID; PASSWORD NOT CHANGED");
        }
    }
}

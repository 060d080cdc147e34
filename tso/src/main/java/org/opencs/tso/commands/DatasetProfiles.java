package org.opencs.tso.commands;

import java.util.Map;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.datasets.DatasetAccess;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.ResourceProfile;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/** ADDSD, DELDSD and LISTDSD: DATASET profiles, discrete or generic ('USER1.**'), granted with PERMIT. */
public final class DatasetProfiles {
    private DatasetProfiles() {
    }

    private static String profile(Operands operands, String command) {
        if (operands.positionalWords().isEmpty()) {
            throw new ZosException("IKJ56700A", "ENTER DATA SET PROFILE NAME -");
        }
        String name = ProfileOptions.profileName(operands.positionalWords().get(0));
        if (!name.matches("[A-Z#$@*][A-Z0-9#$@*-]{0,7}(\\.[A-Z#$@*][A-Z0-9#$@*-]{0,7})*") || name.length() > 44) {
            throw new ZosException("IKJ56709I", "INVALID DATA SET PROFILE NAME, " + org.opencs.core.Values.quoteForMessage(name) + " (" + command + ")");
        }
        return name;
    }

    public static final class Addsd implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("ADDSD", "AD");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            session.requireSpecial("ADDSD");
            Operands operands = Operands.of(command.operands(), Set.of("UACC", "GENERIC", "OWNER"), 1);
            String name = profile(operands, "ADDSD");
            AccessLevel uacc = AccessLevel.parse(operands.value("UACC").orElse("NONE"));
            if (!session.registry().resources().add(ResourceProfile.simple(DatasetAccess.CLASS, name,
                    session.user().userid(), uacc), session.registry().clock().instant())) {
                throw new ZosException("ICH10102I", name + " ALREADY DEFINED TO CLASS DATASET.");
            }
        }
    }

    public static final class Deldsd implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("DELDSD", "DD");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            session.requireSpecial("DELDSD");
            String name = profile(Operands.of(command.operands(), Set.of("GENERIC"), 1), "DELDSD");
            if (!session.registry().resources().delete(DatasetAccess.CLASS, name)) {
                throw new ZosException("ICH22001I", name + " NOT DEFINED TO RACF");
            }
        }
    }

    public static final class Listdsd implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("LISTDSD", "LD");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            session.requireSpecial("LISTDSD");
            Operands operands = Operands.of(command.operands(), Set.of("DATASET", "ALL", "GENERIC"), 1);
            String name = ProfileOptions.profileName(operands.value("DATASET").orElseGet(() -> profile(operands, "LISTDSD")));
            ResourceProfile p = session.registry().resources().find(DatasetAccess.CLASS, name)
                    .orElseThrow(() -> new ZosException("ICH35003I", "NO RACF DESCRIPTION FOUND FOR " + org.opencs.core.Values.quoteForMessage(name)));
            session.print("INFORMATION FOR DATASET " + p.profile() + (p.profile().contains("*") ? " (G)" : ""));
            session.print("");
            session.print("LEVEL  OWNER      UNIVERSAL ACCESS");
            session.print("-----  --------   ----------------");
            session.print(String.format(" 00    %-8s   %s", p.owner(), p.uacc()));
            session.print("");
            session.print("ID        ACCESS");
            session.print("--------  -------");
            Map<String, AccessLevel> access = session.registry().resources().accessList(DatasetAccess.CLASS, p.profile());
            if (access.isEmpty()) {
                session.print("NO ENTRIES IN STANDARD ACCESS LIST");
            }
            access.forEach((user, level) -> session.print(String.format("%-8s  %s", user, level)));
        }
    }
}

package org.opencs.tso.commands;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.ResourceProfile;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/** RDEFINE, RALTER, RDELETE and RLIST for general resource classes (PTKTDATA, FACILITY, ...). */
public final class ResourceCommands {
    private ResourceCommands() {
    }

    /** class profile operands: the two positional words of every R-command. */
    private record Target(String className, String profile, Operands operands) {
        static Target of(TsoCommand command, Set<String> keywords) {
            Operands operands = Operands.of(command.operands(), keywords, 2);
            List<String> words = operands.positionalWords();
            if (words.size() < 2) {
                throw new ZosException("IKJ56700A", "ENTER CLASS NAME AND PROFILE NAME -");
            }
            return new Target(ProfileOptions.className(words.get(0)), ProfileOptions.profileName(words.get(1)), operands);
        }
    }

    public static final class Rdefine implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("RDEFINE", "RDEF");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            session.requireSpecial("RDEFINE");
            Target t = Target.of(command, ProfileOptions.KEYWORDS);
            ResourceProfile profile = ProfileOptions.apply(
                    ResourceProfile.simple(t.className(), t.profile(), session.user().userid(), AccessLevel.NONE),
                    t.operands(), session.registry());
            if (!session.registry().resources().add(profile, session.registry().clock().instant())) {
                throw new ZosException("ICH10102I", org.opencs.core.Values.quoteForMessage(t.profile()) + " ALREADY DEFINED TO CLASS " + t.className() + ".");
            }
        }
    }

    public static final class Ralter implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("RALTER", "RALT");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            session.requireSpecial("RALTER");
            Target t = Target.of(command, ProfileOptions.KEYWORDS);
            ResourceProfile existing = find(session, t);
            session.registry().resources().update(ProfileOptions.apply(existing, t.operands(), session.registry()));
        }
    }

    public static final class Rdelete implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("RDELETE", "RDEL");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            session.requireSpecial("RDELETE");
            Target t = Target.of(command, Set.of());
            if (!session.registry().resources().delete(t.className(), t.profile())) {
                throw notFound(t);
            }
        }
    }

    public static final class Rlist implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("RLIST", "RL");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            session.requireSpecial("RLIST");
            Target t = Target.of(command, Set.of("ALL", "AUTHUSER", "NORACF"));
            List<ResourceProfile> profiles = t.profile().equals("*")
                    ? session.registry().resources().list(t.className()) : List.of(find(session, t));
            for (ResourceProfile p : profiles) {
                session.print(String.format("CLASS      NAME"));
                session.print(String.format("-----      ----"));
                session.print(String.format("%-10s %s", p.className(), p.profile()));
                session.print("");
                session.print("OWNER      UNIVERSAL ACCESS");
                session.print("-----      ----------------");
                session.print(String.format("%-10s %s", p.owner(), p.uacc()));
                session.print("");
                session.print("APPLICATION DATA");
                session.print("----------------");
                session.print(p.appldata() == null ? "NONE" : p.appldata());
                if (p.sealedKey() != null) {
                    session.print("");
                    session.print(p.enhanced()
                            ? "EPTKTDATA INFORMATION: KEY DATA MASKED, TYPE " + p.ticketType() + ", TIMEOUT "
                              + p.timeoutSeconds() + ", REPLAY " + (Boolean.TRUE.equals(p.replayAllowed()) ? "YES" : "NO")
                            : "SSIGNON INFORMATION: KEYMASKED DATA IS PRESENT");
                }
                Map<String, AccessLevel> access = session.registry().resources().accessList(p.className(), p.profile());
                session.print("");
                session.print("USER      ACCESS");
                session.print("----      ------");
                if (access.isEmpty()) {
                    session.print("NO USERS IN ACCESS LIST");
                }
                access.forEach((user, level) -> session.print(String.format("%-9s %s", user, level)));
                session.print("");
            }
        }
    }

    static ResourceProfile find(TsoSession session, Target t) {
        return session.registry().resources().find(t.className(), t.profile()).orElseThrow(() -> notFound(t));
    }

    private static ZosException notFound(Target t) {
        return new ZosException("ICH13003I", org.opencs.core.Values.quoteForMessage(t.profile()) + " NOT FOUND IN CLASS " + t.className() + ".");
    }
}

package org.opencs.saf.passticket;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.ResourceProfile;

/**
 * PassTickets through the registry: the PTKTDATA profile is found in IBM's order (APPL.USER, then APPL; OpenCS has no
 * groups yet), its key unsealed with the master key, and uses are recorded so a replay is refused and audited.
 */
public final class PassTicketService {
    public static final String CLASS = "PTKTDATA";
    public static final String NO_REPLAY_PROTECTION = "NO REPLAY PROTECTION";

    public enum Outcome { VALID, INVALID, REPLAY, NO_PROFILE }

    private final Registry registry;

    public PassTicketService(Registry registry) {
        this.registry = registry;
    }

    public Optional<ResourceProfile> profileFor(String application, String userid) {
        String appl = application.toUpperCase(Locale.ROOT);
        for (String name : List.of(appl + "." + userid.toUpperCase(Locale.ROOT), appl)) {
            Optional<ResourceProfile> profile = registry.resources().find(CLASS, name);
            if (profile.isPresent() && profile.get().sealedKey() != null) {
                return profile;
            }
        }
        return Optional.empty();
    }

    public PassTicketKey keyOf(ResourceProfile profile) {
        byte[] key = registry.masterKey().unseal(profile.sealedKey(), CLASS + ":" + profile.profile());
        boolean noReplayProtection = profile.appldata() != null
                && profile.appldata().trim().toUpperCase(Locale.ROOT).equals(NO_REPLAY_PROTECTION);
        if (profile.enhanced()) {
            return new PassTicketKey(true, key, EnhancedPassTicket.Type.valueOf(profile.ticketType()),
                    profile.timeoutSeconds(), Boolean.TRUE.equals(profile.replayAllowed()));
        }
        return new PassTicketKey(false, key, null, PassTicketKey.LEGACY_WINDOW_SECONDS, noReplayProtection);
    }

    public String generate(String userid, String application) {
        ResourceProfile profile = profileFor(application, userid).orElseThrow(() -> new ZosException("IRRK001E",
                "No PTKTDATA profile with a key protects application " + application.toUpperCase(Locale.ROOT) + "."));
        return PassTickets.generate(keyOf(profile), userid, application, registry.clock().instant().getEpochSecond());
    }

    /** Evaluates a ticket and, when valid and replay-protected, records its use. Failures are audited. */
    public Outcome evaluate(String userid, String application, String ticket) {
        Optional<ResourceProfile> profile = profileFor(application, userid);
        if (profile.isEmpty() || !registry.options().classActive(CLASS)) {
            return Outcome.NO_PROFILE;
        }
        PassTicketKey key = keyOf(profile.get());
        long now = registry.clock().instant().getEpochSecond();
        OptionalLong generated = PassTickets.evaluate(key, userid, application, ticket, now);
        if (generated.isEmpty()) {
            return Outcome.INVALID;
        }
        if (!key.replayAllowed() && !registry.replays().recordUse(userid.toUpperCase(Locale.ROOT),
                application.toUpperCase(Locale.ROOT), key.enhanced() ? ticket : ticket.toUpperCase(Locale.ROOT),
                generated.getAsLong(), registry.clock().instant())) {
            registry.audit().record(registry.clock().instant(), "PASSTICKET_REPLAY",
                    Map.of("user", userid.toUpperCase(Locale.ROOT), "appl", application.toUpperCase(Locale.ROOT)));
            return Outcome.REPLAY;
        }
        return Outcome.VALID;
    }
}

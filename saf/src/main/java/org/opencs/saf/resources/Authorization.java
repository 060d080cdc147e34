package org.opencs.saf.resources;

import java.util.Map;
import java.util.Optional;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;

/**
 * RACF's resource check (RACROUTE REQUEST=AUTH): the user's entry in the profile's access list, else the profile's
 * UACC; no profile means no access (the class protects by default). SPECIAL users pass administrative checks.
 */
public final class Authorization {
    private final Registry registry;

    public Authorization(Registry registry) {
        this.registry = registry;
    }

    public boolean allowed(User user, String className, String profile, AccessLevel needed) {
        Optional<ResourceProfile> found = registry.resources().find(className, profile);
        if (found.isEmpty()) {
            return false;
        }
        Map<String, AccessLevel> access = registry.resources().accessList(className, profile);
        AccessLevel granted = access.getOrDefault(user.userid(), found.get().uacc());
        return granted.allows(needed);
    }

    /** Administrative check: SPECIAL, or the access; otherwise ICH408I and an audit record. */
    public void requireAdministrative(User user, String className, String profile, AccessLevel needed) {
        if (user.special() || allowed(user, className, profile, needed)) {
            return;
        }
        registry.audit().record(registry.clock().instant(), "ACCESS_DENIED",
                Map.of("user", user.userid(), "class", className, "profile", profile, "access", needed.name()));
        throw new ZosException("ICH408I", "USER(" + user.userid() + ") " + profile + " CL(" + className
                + ") INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(" + needed + ")");
    }
}

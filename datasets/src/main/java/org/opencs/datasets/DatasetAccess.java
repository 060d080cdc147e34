package org.opencs.datasets;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.ResourceProfile;
import org.opencs.saf.users.User;

/**
 * Who may read or write a data set, as RACF decides with DATASET profiles: a user owns the data sets under its own
 * high-level qualifier; otherwise the most specific profile that covers the name ('USER1.**', 'USER1.CERT.*')
 * decides through its access list or UACC; with no profile, access is refused. A SPECIAL user passes (OpenCS's
 * stand-in for OPERATIONS). Refusals are ICH408I messages and audit records.
 */
public final class DatasetAccess {
    public static final String CLASS = "DATASET";

    private final Registry registry;

    public DatasetAccess(Registry registry) {
        this.registry = registry;
    }

    public boolean allowed(User user, DatasetName name, AccessLevel needed) {
        if (user.userid().equals(name.highLevelQualifier()) || user.special()) {
            return true;
        }
        Optional<ResourceProfile> profile = coveringProfile(name.name());
        if (profile.isEmpty()) {
            return false;
        }
        Map<String, AccessLevel> access = registry.resources().accessList(CLASS, profile.get().profile());
        return access.getOrDefault(user.userid(), profile.get().uacc()).allows(needed);
    }

    public void check(User user, DatasetName name, AccessLevel needed) {
        if (allowed(user, name, needed)) {
            return;
        }
        registry.audit().record(registry.clock().instant(), "DATASET_ACCESS_DENIED",
                Map.of("user", user.userid(), "dataset", name.toString(), "access", needed.name()));
        throw new ZosException("ICH408I", "USER(" + user.userid() + ") " + name.withoutMember() + " CL(DATASET) "
                + "INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(" + needed + ")");
    }

    /** The most specific DATASET profile covering the name: the one with the most non-wildcard characters. */
    public Optional<ResourceProfile> coveringProfile(String datasetName) {
        return registry.resources().list(CLASS).stream()
                .filter(p -> matches(p.profile(), datasetName))
                .max(Comparator.comparingInt(p -> p.profile().replace("*", "").length()));
    }

    static boolean matches(String profile, String name) {
        return org.opencs.saf.resources.GenericProfiles.matches(profile, name);
    }
}

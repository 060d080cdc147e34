package org.opencs.datasets;

import java.util.Map;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.users.User;

/**
 * Who may read or write a data set. A user owns the data sets under its own high-level qualifier; a SPECIAL user
 * administers every one (OpenCS's stand-in for OPERATIONS until DATASET profiles land); anyone else is refused with
 * RACF's ICH408I and an audit record.
 */
public final class DatasetAccess {
    private final Registry registry;

    public DatasetAccess(Registry registry) {
        this.registry = registry;
    }

    public void check(User user, DatasetName name, AccessLevel needed) {
        if (user.userid().equals(name.highLevelQualifier()) || user.special()) {
            return;
        }
        registry.audit().record(registry.clock().instant(), "DATASET_ACCESS_DENIED",
                Map.of("user", user.userid(), "dataset", name.toString(), "access", needed.name()));
        throw new ZosException("ICH408I", "USER(" + user.userid() + ") " + name.withoutMember() + " CL(DATASET) "
                + "INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(" + needed + ") ACCESS ALLOWED(NONE)");
    }
}

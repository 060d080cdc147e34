package org.opencs.saf;

import java.util.List;
import java.util.Optional;
import org.opencs.saf.store.Sql;

/**
 * The SYSNAMEs of a system's nodes, recorded in the registry's system options as {@code SYSNAME.name} = the node's home
 * (docs/deployment.md "Several nodes"): {@code init} records a node's name and refuses one already recorded;
 * {@code opencs start} of a node whose name is recorded for another home says so (OCS0044W), so two nodes with one
 * SYSNAME do not run silently. The names are a record of who was initialized, not of who runs now.
 */
public final class NodeNames {
    /** The system_options prefix of the records. */
    public static final String PREFIX = "SYSNAME.";

    private final Registry registry;

    public NodeNames(Registry registry) {
        this.registry = registry;
    }

    /** The recorded SYSNAMEs, sorted. */
    public List<String> names() {
        return registry.options().names(PREFIX).stream().map(n -> n.substring(PREFIX.length())).toList();
    }

    /** Records {@code sysname} for this registry's home (a new record; a name already recorded fails, OCS0022E). */
    public void record(String sysname) {
        registry.database().inTransaction(c -> Sql.update(c,
                "INSERT INTO system_options (name, option_value) VALUES (?, ?)", PREFIX + sysname,
                registry.home().root().toString()));
    }

    /**
     * At start: records this node's SYSNAME when nothing is recorded for it (a system made before the records existed),
     * or returns the OCS0044W warning when it is recorded for another home.
     */
    public Optional<String> claim() {
        String sysname = registry.config().sysname();
        Optional<String> home = registry.options().get(PREFIX + sysname);
        if (home.isEmpty()) {
            try {
                record(sysname);
            } catch (org.opencs.core.ZosException e) {
                // Recorded meanwhile by another node starting: read again below.
            }
            home = registry.options().get(PREFIX + sysname);
        }
        String mine = registry.home().root().toString();
        if (home.isPresent() && !home.get().equals(mine)) {
            return Optional.of("OCS0044W SYSNAME " + sysname + " is recorded in the system for the node whose home is "
                    + home.get() + ", not for this home " + mine + ": two nodes with one SYSNAME share job IDs, logs "
                    + "and locks under one name. Give each node its own (sysname in system.conf; opencs init "
                    + "--sysname for a new node).");
        }
        return Optional.empty();
    }
}

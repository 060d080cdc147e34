package org.opencs.tso;

import java.util.ArrayList;
import java.util.List;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;

/** Who runs the commands, against which registry, and the output they produce (the SYSTSPRT listing). */
public final class TsoSession {
    private final Registry registry;
    private final User user;
    private final List<String> output = new ArrayList<>();
    private final org.opencs.saf.grs.EnqOwner enqOwner;

    public TsoSession(Registry registry, User user) {
        this(registry, user, new org.opencs.saf.grs.EnqOwner(registry.instance(), user.userid() + "/TSU"
                + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT)));
    }

    /**
     * A session whose data set ENQs belong to {@code enqOwner}: batch TSO (IKJEFT01) passes its job's, so a command
     * is not refused a data set its own job holds (z/OS serializes by address space).
     */
    public TsoSession(Registry registry, User user, org.opencs.saf.grs.EnqOwner enqOwner) {
        this.registry = registry;
        this.user = user;
        this.enqOwner = enqOwner;
    }

    /** Who holds the data set ENQs this session's commands take (userid/TSUxxxxxxxx, or the batch job's). */
    public org.opencs.saf.grs.EnqOwner enqOwner() {
        return enqOwner;
    }

    /**
     * The operator console's session (whoever can write the system home acts as IBMUSER). When the registry has no
     * active SPECIAL user left (made before OpenCS refused removing the last one, edited directly, or every SPECIAL
     * user revoked by failed logons), the console acts with SPECIAL authority, as RACF's failsoft processing lets the
     * operator act when RACF cannot, and says so with OCS0061W through {@code warn}, so that the operator can run
     * {@code ALTUSER IBMUSER SPECIAL RESUME} (or {@code ADDUSER IBMUSER SPECIAL ...} when IBMUSER was deleted).
     */
    public static TsoSession console(Registry registry, java.util.function.Consumer<String> warn) {
        java.util.Optional<User> ibmuser = registry.users().find("IBMUSER");
        if (registry.users().activeSpecialCount() > 0) {
            return new TsoSession(registry, ibmuser.orElseThrow(() ->
                    new ZosException("ICH30001I", "UNABLE TO LOCATE USER ENTRY IBMUSER")));
        }
        warn.accept("OCS0061W NO ACTIVE SPECIAL USER IS DEFINED IN THE REGISTRY: THE CONSOLE ACTS AS IBMUSER WITH "
                + "SPECIAL AUTHORITY (FAILSOFT). RESTORE ONE WITH ALTUSER IBMUSER SPECIAL RESUME"
                + (ibmuser.isPresent() ? "." : " AFTER ADDUSER IBMUSER."));
        User acting = ibmuser.orElseGet(() -> User.define("IBMUSER", "FAILSOFT CONSOLE", "IBMUSER", null, false, true,
                null, null, registry.clock().instant()));
        return new TsoSession(registry, acting.withSpecial(true).withRevoked(false));
    }

    public Registry registry() {
        return registry;
    }

    public User user() {
        return user;
    }

    public void print(String line) {
        output.add(line);
    }

    /** Lines printed since the last call. */
    public List<String> drain() {
        List<String> lines = List.copyOf(output);
        output.clear();
        return lines;
    }

    /** RACF refuses commands needing authority the user lacks; SPECIAL has it all. */
    public void requireSpecial(String command) {
        if (!user.special()) {
            throw new ZosException("ICH00007I", "INSUFFICIENT AUTHORITY TO " + command);
        }
    }
}

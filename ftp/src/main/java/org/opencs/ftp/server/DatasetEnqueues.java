package org.opencs.ftp.server;

import java.util.List;
import org.opencs.datasets.DatasetName;
import org.opencs.saf.grs.Enq;
import org.opencs.saf.grs.EnqHolder;
import org.opencs.saf.grs.EnqOwner;
import org.opencs.saf.grs.EnqRequest;
import org.opencs.saf.grs.EnqResult;

/**
 * A session's data set serialization (the ENQs z/OS's FTP server gets through allocation): SYSDSN SHARED to read
 * (RETR), SYSDSN EXCLUSIVE to write, delete or rename a data set (STOR, APPE, DELE, RNFR/RNTO), and for a member
 * SYSDSN SHARED on its PDS with SPFEDIT EXCLUSIVE on the member ({@link EnqRequest#dataset}). Held for the command
 * (a transfer: until its last byte is written); all of a session's go when it ends. A data set another job or
 * session holds is refused at once with z/OS's reply (IBM APAR PM52007: "450 Data set USER1.UPDATE.TXT3 is allocated
 * to another job and is unavailable for STOU command"), preceded by the EZZ9819I text naming a holder (z/OS
 * Communications Server: IP Messages Volume 4, EZZ9819I). The owner is userid/session ID.
 */
final class DatasetEnqueues {
    private final SessionState s;
    /** Every owner this session took ENQs as (its user may log on again as another). */
    private final java.util.Set<EnqOwner> owners = new java.util.LinkedHashSet<>();

    DatasetEnqueues(SessionState session) {
        this.s = session;
    }

    private EnqOwner owner() {
        String user = s.user == null ? "FTPD" : s.user.userid();
        return new EnqOwner(s.context.registry().instance(), user + "/" + s.sessionId);
    }

    /**
     * The ENQs for {@code command} on {@code name} ({@code write}: changes it), or null after replying 450 when
     * another job or session holds it.
     */
    Enq obtain(DatasetName name, boolean write, String command) {
        EnqOwner owner = owner();
        synchronized (owners) {
            owners.add(owner);
        }
        List<EnqRequest> requests = EnqRequest.dataset(name.withoutMember().toString(), name.member(), write);
        EnqResult result = s.context.registry().enqueues().enq(requests, owner);
        if (result instanceof EnqResult.Granted granted) {
            return granted.enq();
        }
        EnqResult.InUse inUse = (EnqResult.InUse) result;
        EnqHolder holder = inUse.holders().get(0);
        String unit = holder.owner().unit();
        String job = unit.contains("/") ? unit.substring(0, unit.indexOf('/')) : unit;
        String ezz = "EZZ9819I FTP unable to obtain " + inUse.request().mode() + " use of " + name.withoutMember()
                + " which is held by: UNKNOWN " + job + " " + holder.mode() + " on " + holder.qname();
        s.context.log().info(ezz);
        s.reply("450-" + ezz + "\r\n450 Data set " + name + " is allocated to another job and is unavailable for "
                + command + " command");
        return null;
    }

    /** The session ended: whatever it still holds is released. */
    void sessionEnded() {
        List<EnqOwner> used;
        synchronized (owners) {
            used = List.copyOf(owners);
        }
        used.forEach(owner -> s.context.registry().enqueues().releaseAll(owner));
    }
}

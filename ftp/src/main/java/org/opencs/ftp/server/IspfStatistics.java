package org.opencs.ftp.server;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.MemberStatistics;

/**
 * ISPF statistics of a member after STOR or APPE (IP User's Guide and Commands, "Statistics for PDS members";
 * IBM IP and SNA Codes, ftp211-08). With SITE ISPFSTATS, a member gets statistics as ISPF would keep them: a new one
 * (or one that had none) 01.00, created today, its records as size and initial size; one that had them keeps its
 * version, creation date and initial size, and its modification level goes up by one (at most 99). Without
 * ISPFSTATS, or for a format ISPF keeps no statistics for (RECFM U, LRECL 256 or more), the member has none after
 * the transfer, as z/OS's STOW without user data leaves it.
 */
final class IspfStatistics {
    private IspfStatistics() {
    }

    static void afterStore(SessionState s, Catalog catalog, DatasetName member, Optional<MemberStatistics> previous) {
        DatasetAttributes a = catalog.attributes(member.withoutMember()).orElseThrow();
        boolean kept = s.site.ispfStats && (a.recfm().fixed() || a.recfm().variable()) && a.lrecl() < 256;
        if (!kept) {
            catalog.writeStatistics(member, null);
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(s.context.registry().clock().instant(), ZoneOffset.UTC)
                .withSecond(0).withNano(0);
        int records = Math.min(99999, catalog.readRecords(member).size());
        String user = s.user.userid();
        MemberStatistics next = previous
                .map(p -> new MemberStatistics(p.version(), Math.min(99, p.level() + 1), p.created(), now, records,
                        p.initial(), p.modified(), user))
                .orElseGet(() -> new MemberStatistics(1, 0, now.toLocalDate(), now, records, records, 0, user));
        catalog.writeStatistics(member, next);
    }
}

package org.opencs.datasets;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * ISPF statistics of a PDS member, as ISPF keeps them in the member's directory entry and FTP lists them (z/OS ISPF
 * Services Guide, LMMSTATS): version and modification level (VV.MM), creation date, date and time of the last change,
 * current and initial number of records, number of modified records, and the user who changed it last.
 */
public record MemberStatistics(int version, int level, LocalDate created, LocalDateTime changed, int size, int initial,
                               int modified, String user) {
    public MemberStatistics {
        if (version < 1 || version > 99 || level < 0 || level > 99) {
            throw new IllegalArgumentException("VV.MM must be 01.00 - 99.99: " + version + "." + level);
        }
    }
}

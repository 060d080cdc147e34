package org.opencs.jes.jcl;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the reader needs from the system: the submitter (for &SYSUID and the default NOTIFY), the time of submission
 * (for &LYYMMDD, &LHHMMSS and the other system symbols, in the system's local time), and the members of cataloged
 * procedure libraries (JCLLIB ORDER data sets, then the system's PROCLIB) as card images: cataloged procedures and
 * INCLUDE groups are read through {@link #procMember}.
 */
public interface JclEnvironment {
    String submitter();

    ZonedDateTime submitted();

    /** The records of {@code dsname(member)} as text lines, if that PDS member exists and the submitter may read it. */
    Optional<List<String>> procMember(String dsname, String member);

    /** The system's own procedure libraries searched after JCLLIB ORDER (JES2 PROCLIB concatenation). */
    List<String> systemProcLibraries();
}

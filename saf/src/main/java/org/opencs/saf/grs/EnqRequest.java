package org.opencs.saf.grs;

import java.util.Locale;

/**
 * One resource asked for: major name {@code qname} (1-8 characters, e.g. SYSDSN, SPFEDIT), minor name {@code rname}
 * (1-255 characters, e.g. a data set name) and the mode. Names are kept as given (z/OS compares them byte for byte);
 * {@link #sysdsn} and {@link #spfedit} build the data set ones.
 */
public record EnqRequest(String qname, String rname, EnqMode mode) {
    /** The major name under which z/OS serializes data sets by name (allocation by DISP). */
    public static final String SYSDSN = "SYSDSN";
    /** The major name ISPF (and z/OS FTP) serialize a PDS member being written under. */
    public static final String SPFEDIT = "SPFEDIT";

    public EnqRequest {
        if (qname == null || qname.isEmpty() || qname.length() > 8) {
            throw new IllegalArgumentException("an ENQ major name (QNAME) is 1-8 characters: " + qname);
        }
        if (rname == null || rname.isEmpty() || rname.length() > 255) {
            throw new IllegalArgumentException("an ENQ minor name (RNAME) is 1-255 characters: " + rname);
        }
        if (mode == null) {
            throw new IllegalArgumentException("an ENQ needs a mode");
        }
    }

    /** SYSDSN on a data set name (upper-cased, no member), as allocation ENQs it. */
    public static EnqRequest sysdsn(String dsname, EnqMode mode) {
        return new EnqRequest(SYSDSN, dsname.toUpperCase(Locale.ROOT), mode);
    }

    /**
     * SPFEDIT on a member: the minor name is the data set name padded with blanks to 44 characters followed by the
     * member name, as ISPF builds it (z/OS ISPF Planning and Customizing, "ENQ resources used by ISPF"), with the
     * member's trailing blanks left off.
     */
    public static EnqRequest spfedit(String dsname, String member, EnqMode mode) {
        String padded = String.format(Locale.ROOT, "%-44s", dsname.toUpperCase(Locale.ROOT));
        return new EnqRequest(SPFEDIT, padded + member.toUpperCase(Locale.ROOT), mode);
    }

    /**
     * What reading ({@code write} false) or writing a data set or a member takes: a data set as a whole, SYSDSN
     * SHARED to read and EXCLUSIVE to write; a member, SYSDSN SHARED on its PDS (allocation with DISP=SHR, as
     * z/OS FTP and ISPF allocate a library to write one member) and, to write, SPFEDIT EXCLUSIVE on the member, so a
     * member being written blocks its other writers and whole-data-set writers, never readers or other members.
     */
    public static java.util.List<EnqRequest> dataset(String dsname, String member, boolean write) {
        if (member == null || member.isEmpty()) {
            return java.util.List.of(sysdsn(dsname, write ? EnqMode.EXCLUSIVE : EnqMode.SHARED));
        }
        if (!write) {
            return java.util.List.of(sysdsn(dsname, EnqMode.SHARED));
        }
        return java.util.List.of(sysdsn(dsname, EnqMode.SHARED), spfedit(dsname, member, EnqMode.EXCLUSIVE));
    }
}

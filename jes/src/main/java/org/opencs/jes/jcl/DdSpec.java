package org.opencs.jes.jcl;

import java.util.List;
import java.util.Map;

/** What one DD statement (or one element of a concatenation) describes. Source: z/OS MVS JCL Reference, "DD statement". */
public sealed interface DdSpec {
    /**
     * DCB attributes given on the statement, upper-cased by name: RECFM, LRECL, BLKSIZE, DSORG (from DCB=(...) or
     * the keywords themselves); SPACE, UNIT, VOL and the like are accepted and not kept.
     */
    Map<String, String> dcb();

    /**
     * DSN=/DSNAME=: {@code dsname} upper-cased without quotes and without the member; a temporary name keeps its
     * "&&" ("&&TEMP"); {@code member} the member in parentheses or null. {@code backwardReference} is "*.STEP.DD"
     * or "*.STEP.PROCSTEP.DD" when DSN= refers back (then dsname is null), else null.
     */
    record Dataset(String dsname, String member, String backwardReference, Disposition disp,
                   Map<String, String> dcb) implements DdSpec {
        public Dataset {
            dcb = Map.copyOf(dcb);
        }

        public boolean temporary() {
            return dsname != null && dsname.startsWith("&&");
        }
    }

    /** SYSOUT=class ("*" is resolved to the job's MSGCLASS by the reader). */
    record Sysout(String sysoutClass, Map<String, String> dcb) implements DdSpec {
        public Sysout {
            dcb = Map.copyOf(dcb);
        }
    }

    /**
     * DD * or DD DATA (or the SYSIN z/OS supplies for data that follows no DD statement): the records as written,
     * each at most 80 characters (the card image, trailing blanks kept as read).
     */
    record Instream(List<String> records, Map<String, String> dcb) implements DdSpec {
        public Instream {
            records = List.copyOf(records);
            dcb = Map.copyOf(dcb);
        }
    }

    /**
     * PATH=: a z/OS UNIX file, {@code path} as written (absolute), {@code pathOptions} the PATHOPTS flags upper-cased
     * (ORDONLY, OWRONLY, OCREAT, OAPPEND, OTRUNC, ...), empty when not given. Source: z/OS MVS JCL Reference, "PATH
     * parameter", "PATHOPTS parameter".
     */
    record UnixFile(String path, java.util.List<String> pathOptions, Map<String, String> dcb) implements DdSpec {
        public UnixFile {
            pathOptions = java.util.List.copyOf(pathOptions);
            dcb = Map.copyOf(dcb);
        }
    }

    /** DUMMY or DSN=NULLFILE: reads end at once, writes go nowhere. */
    record Dummy(Map<String, String> dcb) implements DdSpec {
        public Dummy {
            dcb = Map.copyOf(dcb);
        }
    }
}

package org.opencs.jes.step;

import java.util.List;
import java.util.Optional;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;

/**
 * One allocated DD as a program sees it (the DCB it opens). Records are bytes in EBCDIC (IBM-1047) as data sets
 * hold them; the text helpers translate. Reading a concatenation reads each data set in turn. Writing replaces the
 * content for DISP=NEW/OLD and appends for DISP=MOD, and is committed atomically when the step ends (a data set
 * never holds half a step's output); SYSOUT records go to the job's spool file for the DD.
 */
public interface DataDefinition {
    String ddName();

    /** DD DUMMY or DSN=NULLFILE: reads are empty, writes are discarded. */
    boolean dummy();

    /** SYSOUT=class. */
    boolean sysout();

    /** DD * / DD DATA (or the SYSIN z/OS supplies). */
    boolean instream();

    /**
     * PATH='/u/user1/out.txt' (z/OS UNIX file DDs, as BPXBATCH's STDOUT/STDERR take them): the path as written on the
     * DD, empty for every other kind of DD. A program opens the file itself through
     * {@link org.opencs.datasets.UnixFileAccess} as the job's user (PATHOPTS/PATHMODE are the initiator's business).
     * Added by the programs' developer; the default keeps older implementations compiling.
     */
    default Optional<String> path() {
        return Optional.empty();
    }

    /** The data set (with member) of the first element, for data set DDs. */
    Optional<DatasetName> dataset();

    /**
     * The DCB the program sees: from the DD statement, else the data set's label. In-stream data is RECFM=F
     * LRECL=80; SYSOUT without DCB on the DD is empty (the program's own DCB decides, as on z/OS).
     */
    Optional<DatasetAttributes> attributes();

    /** All records (EBCDIC), every element of a concatenation in order. Throws Abend S013/S213 when it cannot be read. */
    List<byte[]> readRecords();

    /** The records decoded from IBM-1047, trailing blanks of fixed-length records kept. */
    List<String> readLines();

    /** Writes one record (EBCDIC bytes). */
    void writeRecord(byte[] record);

    /** Writes one line of text as an IBM-1047 record (padded with blanks for fixed-length records). */
    void writeLine(String line);
}

package org.opencs.ftp.server;

import org.opencs.datasets.RecordFormat;

/**
 * One parameter of a SITE command, as {@link SiteParser} read it (z/OS Communications Server: IP User's Guide and
 * Commands, "SIte subcommand"). A keyword OpenCS honours has its own record; a bad value, a keyword z/OS does not
 * know, and a keyword z/OS knows but OpenCS cannot honour each have theirs, so the code that applies a SITE command
 * must say what it does with every one: {@link Visitor} has a method per kind, checked by the compiler.
 */
sealed interface SiteParameter {
    /** Applies this parameter through {@code visitor}: one method per kind, so none can be forgotten. */
    <R> R accept(Visitor<R> visitor);

    /** The parameter as the PAR trace shows it: its keyword and values, {@code RECFM value=FB}. */
    default String describe() {
        String text = toString();
        int open = text.indexOf('[');
        String values = text.substring(open + 1, text.length() - 1);
        return text.substring(0, open).toUpperCase(java.util.Locale.ROOT) + (values.isEmpty() ? "" : " " + values);
    }

    /** What to do with each kind of parameter (Java 17 has no exhaustive switch over a sealed type: this is it). */
    interface Visitor<R> {
        R recfm(Recfm p);

        R lrecl(Lrecl p);

        R blksize(Blksize p);

        R primary(Primary p);

        R secondary(Secondary p);

        R directory(Directory p);

        R spaceUnit(SpaceUnit p);

        R truncate(Truncate p);

        R wrapRecord(WrapRecord p);

        R trailingBlanks(TrailingBlanks p);

        R fileType(FileType p);

        R sbDataconn(SbDataconn p);

        R encoding(Encoding p);

        R rdw(Rdw p);

        R sbSendEol(SbSendEol p);

        R listLevel(ListLevel p);

        R quotesOverride(QuotesOverride p);

        R ispfStats(IspfStats p);

        R directoryMode(DirectoryMode p);

        R umask(Umask p);

        R chmod(Chmod p);

        R pdsType(PdsType p);

        R jesJobName(JesJobName p);

        R jesOwner(JesOwner p);

        R jesStatus(JesStatus p);

        R jesEntryLimit(JesEntryLimit p);

        R jesGetByDsn(JesGetByDsn p);

        R jesPutGetTo(JesPutGetTo p);

        R debug(Debug p);

        R ignored(Ignored p);

        R unrecognized(Unrecognized p);

        R refused(Refused p);
    }

    /** RECfm: F, FB, V, VB or U for new data sets. */
    record Recfm(RecordFormat value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.recfm(this);
        }
    }

    /** LRecl: 0 - 32760 (0 only for RECFM U). */
    record Lrecl(int value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.lrecl(this);
        }
    }

    /** BLKsize / BLOCKSIze: 0 - 32760 (0: the system chooses when the data set is allocated). */
    record Blksize(int value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.blksize(this);
        }
    }

    /** PRImary: 1 - 16777215 space units. */
    record Primary(int value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.primary(this);
        }
    }

    /** SECondary: 0 - 16777215 space units. */
    record Secondary(int value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.secondary(this);
        }
    }

    /** Directory: 1 - 16777215 directory blocks for a new PDS. */
    record Directory(int value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.directory(this);
        }
    }

    /** TRacks, CYlinders or BLocks: the space unit of PRIMARY and SECONDARY. */
    record SpaceUnit(String unit) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.spaceUnit(this);
        }
    }

    /** TRUNcate / NOTRUNcate. */
    record Truncate(boolean on) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.truncate(this);
        }
    }

    /** WRAPrecord / NOWRAPrecord. */
    record WrapRecord(boolean on) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wrapRecord(this);
        }
    }

    /** TRAILingblanks / NOTRAILingblanks. */
    record TrailingBlanks(boolean on) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.trailingBlanks(this);
        }
    }

    /** FILEtype=SEQ, or JES when the server has a JES interface (SQL, and JES without one, are {@link Refused}). */
    record FileType(String value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fileType(this);
        }
    }

    /** SBDataconn=(file_cp,network_cp) or a code page name. */
    record SbDataconn(String value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sbDataconn(this);
        }
    }

    /** ENcoding=SBCS (MBCS is {@link Refused}: no MBDATACONN code pages). */
    record Encoding(String value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.encoding(this);
        }
    }

    /** RDW / NORDW: whether V and VB records are sent with their record descriptor words. */
    record Rdw(boolean on) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rdw(this);
        }
    }

    /** SBSENDEOL=CRLF|LF|CR|NONE: the line end of outbound TYPE A data. */
    record SbSendEol(LineEnd value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sbSendEol(this);
        }
    }

    /** LISTLEVel=0|1|2: the layout of data set lists. */
    record ListLevel(int value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.listLevel(this);
        }
    }

    /** QUOtesoverride / NOQUOtesoverride: whether a leading quote makes a name absolute. */
    record QuotesOverride(boolean on) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.quotesOverride(this);
        }
    }

    /** ISPFStats / NOISPFStats: whether STOR keeps ISPF statistics of PDS members. */
    record IspfStats(boolean on) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ispfStats(this);
        }
    }

    /** DIRECTORYMode (true) / DATASetmode (false): whether each qualifier is listed as a directory. */
    record DirectoryMode(boolean on) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.directoryMode(this);
        }
    }

    /** UMask ooo (or UMASK=ooo): the file mode creation mask for z/OS UNIX files and directories. */
    record Umask(int mask) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.umask(this);
        }
    }

    /** CHMod mode filename: changes the mode of an existing z/OS UNIX file. */
    record Chmod(String mode, String file) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.chmod(this);
        }
    }

    /** PDSTYPE=PDS (PDSE is {@link Refused}: OpenCS has no PDSE). */
    record PdsType(String value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pdsType(this);
        }
    }

    /** JESJOBName=pattern (* and ?, at most 8 characters); empty: the user ID followed by *. */
    record JesJobName(String pattern) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jesJobName(this);
        }
    }

    /** JESOwner=pattern (* and ?, at most 8 characters); empty: the logged-on user ID. */
    record JesOwner(String pattern) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jesOwner(this);
        }
    }

    /** JESSTatus=ALL|INPUT|ACTIVE|OUTPUT (empty: ALL). */
    record JesStatus(String value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jesStatus(this);
        }
    }

    /** JESENTRYLimit=n: the most jobs a list shows, 1 - 1024. */
    record JesEntryLimit(int value) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jesEntryLimit(this);
        }
    }

    /** JESGETBYDSN / NOJESGETBYDSN: whether RETR of a data set name submits its JCL and returns the job's output. */
    record JesGetByDsn(boolean on) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jesGetByDsn(this);
        }
    }

    /** JESPUTGETto=seconds: how long such a RETR waits for the job to end, 0 - 86400. */
    record JesPutGetTo(int seconds) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jesPutGetTo(this);
        }
    }

    /**
     * DEBug=(options): the session's general traces change (the session applies it: {@link SessionTrace}); an
     * empty list or {@code ?} only shows them. Accepted only when FTP.DATA has DEBUGONSITE TRUE.
     */
    record Debug(java.util.List<org.opencs.ftp.config.DebugOption> options) implements SiteParameter {
        public Debug {
            options = java.util.List.copyOf(options);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.debug(this);
        }

        @Override
        public String describe() {
            return "DEBUG " + org.opencs.ftp.config.DebugOptionParser.format(options);
        }
    }

    /** A known keyword with a value it cannot take: the 200- note says so and the setting stays as it was. */
    record Ignored(String note) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ignored(this);
        }
    }

    /** A word z/OS does not know as a SITE parameter: {@code 200-Unrecognized parameter '...' on SITE command.} */
    record Unrecognized(String text) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unrecognized(this);
        }
    }

    /**
     * A parameter z/OS knows that OpenCS cannot honour (FILETYPE=JES today, tape and SMS parameters, ...): the
     * whole SITE command is refused with this 504 reply and changes nothing, so a client can tell.
     */
    record Refused(String keyword, String reply) implements SiteParameter {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refused(this);
        }
    }

    /** SBSENDEOL's values and the bytes each puts at the end of a line. */
    enum LineEnd {
        CRLF("\r\n"), LF("\n"), CR("\r"), NONE("");

        private final String bytes;

        LineEnd(String bytes) {
            this.bytes = bytes;
        }

        /** The line end as ASCII bytes. */
        byte[] bytes() {
            return bytes.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}

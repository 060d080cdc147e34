package org.opencs.ftp.config;

/**
 * The FTP.DATA statements of the JES interface (SITE FILETYPE=JES) with IBM's defaults (z/OS Communications Server:
 * IP Configuration Reference, JESINTERFACELEVEL, JESENTRYLIMIT, JESGETBYDSN and JESPUTGETTO statements):
 * {@code interfaceLevel} 1 (the default: only the user's own jobs named user ID plus one character) or 2 (every job
 * JES lets the user see, with the JESJOBNAME, JESOWNER and JESSTATUS filters); {@code entryLimit} the most jobs a
 * list shows (1 - 1024, default 200); {@code getByDsn} whether RETR of a data set name submits its JCL and returns the
 * job's output (default FALSE); {@code putGetTimeoutSeconds} how long such a RETR waits for the job to end (0 - 86400,
 * default 600).
 */
public record JesOptions(int interfaceLevel, int entryLimit, boolean getByDsn, int putGetTimeoutSeconds) {
    /** IBM's defaults: level 1, 200 entries, JESGETBYDSN FALSE, JESPUTGETTO 600 seconds. */
    public static final JesOptions DEFAULTS = new JesOptions(1, 200, false, 600);

    public JesOptions {
        if (interfaceLevel != 1 && interfaceLevel != 2) {
            throw new IllegalArgumentException("JESINTERFACELEVEL is 1 or 2, not " + interfaceLevel);
        }
    }
}

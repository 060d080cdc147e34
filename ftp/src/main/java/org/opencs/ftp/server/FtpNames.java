package org.opencs.ftp.server;

import org.opencs.core.ZosException;

/**
 * Which realm a name in a command names, MVS data sets or z/OS UNIX files, the ways z/OS lets a client name either
 * from either working directory (IP User's Guide and Commands, "Changing the directory of a z/OS FTP server" and
 * "z/OS UNIX file system naming conventions"; the QUOTESOVERRIDE statement):
 * <ul>
 *   <li>{@code /path}: a z/OS UNIX file, whatever the working directory;</li>
 *   <li>{@code 'DSN'}: a data set, fully qualified, while QUOTESOVERRIDE is TRUE (the default); with
 *       NOQUOTESOVERRIDE the quote is part of the name: a file name in a z/OS UNIX directory, an invalid data set
 *       name in MVS;</li>
 *   <li>{@code //DSN} or {@code //'DSN'}: a data set, fully qualified, from either realm; {@code //} alone is the
 *       top of MVS (an empty prefix), as {@code /} is the top of the file system;</li>
 *   <li>anything else: relative to the working directory of the realm the session is in.</li>
 * </ul>
 */
final class FtpNames {
    private FtpNames() {
    }

    /** A name resolved to its realm: {@code text} is what the data set or file commands take. */
    record Name(boolean dataset, String text) {
    }

    static Name of(String argument, boolean mvsWorkingDirectory, boolean quotesOverride) {
        String a = argument.trim();
        if (a.startsWith("//")) {
            String rest = a.substring(2).trim();
            return new Name(true, rest.startsWith("'") ? rest : "'" + rest + "'");
        }
        if (a.startsWith("/")) {
            return new Name(false, a);
        }
        if (a.startsWith("'")) {
            if (quotesOverride) {
                return new Name(true, a);
            }
            if (mvsWorkingDirectory) {
                throw new ZosException("501", "Invalid data set name \"" + org.opencs.core.Values.quoteForMessage(a)
                        + "\".  Use MVS Dsname conventions.");
            }
            return new Name(false, a);
        }
        return new Name(mvsWorkingDirectory, a);
    }
}

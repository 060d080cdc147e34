package org.opencs.ftp.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * z/OS UNIX permission bits for the FTP server: the modes new files and directories get under the session's UMASK
 * (IP Configuration Reference, UMASK statement: a file is requested with 666, so UMASK 027 gives 640; FTP never
 * creates files with execute permission), and SITE CHMOD's octal or symbolic modes (IP User's Guide and Commands,
 * SIte subcommand: "1-3 digit octal value, or {u|g|o|a}{=|+|-}{r|w|x|rw|rx|wx|rwx}").
 */
final class FileModes {
    /** What FTP asks for when it creates a file: rw-rw-rw-. */
    static final int FILE = 0666;
    /** What FTP asks for when it creates a directory: rwxrwxrwx. */
    static final int DIRECTORY = 0777;

    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    private FileModes() {
    }

    /** The mode bits as Java permissions. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(BITS[bit]);
            }
        }
        return set;
    }

    /** Java permissions as mode bits. */
    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (int bit = 0; bit < BITS.length; bit++) {
            if (permissions.contains(BITS[bit])) {
                mode |= 1 << bit;
            }
        }
        return mode;
    }

    /** Gives a file or directory FTP has just created its requested mode less the mask. */
    static void created(Path path, int requested, int umask) throws IOException {
        set(path, requested & ~umask & 0777);
    }

    /** Sets the mode bits where the file system keeps them (a host without POSIX permissions keeps its own). */
    static void set(Path path, int mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions(mode));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to set
        }
    }

    /** The mode bits of a file, or -1 where the file system keeps none. */
    static int of(Path path) throws IOException {
        try {
            return mode(Files.getPosixFilePermissions(path));
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    /**
     * A CHMOD mode applied to the current one: 1-3 octal digits, or comma-separated symbolic clauses such as
     * {@code u+x}, {@code go-w}, {@code a=r}. Throws IllegalArgumentException for anything else.
     */
    static int apply(String mode, int current) {
        if (mode.matches("[0-7]{1,3}")) {
            return Integer.parseInt(mode, 8);
        }
        int result = current;
        for (String clause : mode.split(",", -1)) {
            if (!clause.matches("[ugoa]*[-+=][rwx]*")) {
                throw new IllegalArgumentException(mode);
            }
            int op = clause.replaceAll("[-+=].*", "").length(); // the regex allows exactly one operator
            String who = clause.substring(0, op);
            char operator = clause.charAt(op);
            String what = clause.substring(op + 1);
            int perms = (what.contains("r") ? 4 : 0) | (what.contains("w") ? 2 : 0) | (what.contains("x") ? 1 : 0);
            int mask = 0;
            for (char c : (who.isEmpty() ? "a" : who).toCharArray()) {
                mask |= switch (c) {
                    case 'u' -> 0700;
                    case 'g' -> 0070;
                    case 'o' -> 0007;
                    default -> 0777;
                };
            }
            int bits = (perms << 6 | perms << 3 | perms) & mask;
            result = switch (operator) {
                case '+' -> result | bits;
                case '-' -> result & ~bits;
                default -> (result & ~mask) | bits;
            };
        }
        return result;
    }
}

package org.opencs.core;

import java.nio.file.Path;

/**
 * One directory is one system, like one z/OS image (DESIGN.md): configuration, the z/OS UNIX file system, data sets,
 * the embedded registry, spool and logs.
 */
public record SystemHome(Path root) {
    public static final String DEFAULT_DIRECTORY = "opencs-home";

    public SystemHome {
        root = root.toAbsolutePath().normalize();
    }

    public Path systemConf() {
        return root.resolve("system.conf");
    }

    public Path tcpip() {
        return root.resolve("tcpip");
    }

    public Path hfs() {
        return root.resolve("hfs");
    }

    public Path datasets() {
        return root.resolve("datasets");
    }

    public Path saf() {
        return root.resolve("saf");
    }

    public Path spool() {
        return root.resolve("spool");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /**
     * Maps a z/OS UNIX path ("/u/user1/x.kdb") into hfs/; ".." can never climb out of hfs/. A path with a character
     * no file name may hold (NUL, or any control character: z/OS UNIX path names hold none a user can type) is
     * refused with OCS0007E rather than reaching the file system.
     */
    public Path hfsPath(String unixPath) {
        int bad = Values.firstControlCharacter(unixPath);
        if (bad >= 0) {
            throw new ZosException("OCS0007E", "The path " + Values.quoteForMessage(unixPath) + " is not a valid z/OS "
                    + "UNIX path name: it holds the control character x'" + String.format("%02X", (int) unixPath.charAt(bad))
                    + "' at position " + (bad + 1) + ".");
        }
        Path hfs = hfs();
        Path resolved;
        try {
            resolved = hfs.resolve(unixPath.startsWith("/") ? unixPath.substring(1) : unixPath).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ZosException("OCS0007E", "The path " + Values.quoteForMessage(unixPath)
                    + " is not a valid z/OS UNIX path name: " + e.getReason() + ".");
        }
        if (!resolved.startsWith(hfs)) {
            throw new ZosException("OCS0002E", "The path " + Values.quoteForMessage(unixPath)
                    + " is outside the z/OS UNIX file system.");
        }
        return resolved;
    }
}

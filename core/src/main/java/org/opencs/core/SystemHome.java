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

    /** Maps a z/OS UNIX path ("/u/user1/x.kdb") into hfs/; ".." can never climb out of hfs/. */
    public Path hfsPath(String unixPath) {
        Path hfs = hfs();
        Path resolved = hfs.resolve(unixPath.startsWith("/") ? unixPath.substring(1) : unixPath).normalize();
        if (!resolved.startsWith(hfs)) {
            throw new ZosException("OCS0002E", "The path " + unixPath + " is outside the z/OS UNIX file system.");
        }
        return resolved;
    }
}

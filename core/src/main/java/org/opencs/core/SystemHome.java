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
     * Maps a z/OS UNIX path ("/u/user1/x.kdb") to its host file in hfs/, after resolving it as the file system will
     * ({@link UnixPathResolver}: {@code ..} and symbolic links inside the z/OS UNIX name space), so nothing can
     * climb out of hfs/. A symbolic link in the last component is followed.
     *
     * @throws ZosException EDC5121I/EDC5126I/EDC5146I for a name z/OS UNIX would refuse
     */
    public Path hfsPath(String unixPath) {
        UnixPathResolver resolver = unixFiles();
        return resolver.host(resolver.canonical(unixPath, true));
    }

    /** The resolver of this system's z/OS UNIX file system (hfs/). */
    public UnixPathResolver unixFiles() {
        return new UnixPathResolver(hfs());
    }
}

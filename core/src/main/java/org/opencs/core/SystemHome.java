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
     * climb out of hfs/. A symbolic link in the last component is followed. A path with a control character (NUL
     * or any other: configuration files name no such file) is refused with OCS0007E before it reaches the file system.
     *
     * @throws ZosException OCS0007E for a control character, EDC5126I/EDC5146I for a name z/OS UNIX would refuse
     */
    public Path hfsPath(String unixPath) {
        int bad = Values.firstControlCharacter(unixPath);
        if (bad >= 0) {
            throw new ZosException("OCS0007E", "The path " + Values.quoteForMessage(unixPath) + " is not a valid z/OS "
                    + "UNIX path name: it holds the control character x'" + String.format("%02X", (int) unixPath.charAt(bad))
                    + "' at position " + (bad + 1) + ".");
        }
        UnixPathResolver resolver = unixFiles();
        return resolver.host(resolver.canonical(unixPath, true));
    }

    /** The resolver of this system's z/OS UNIX file system (hfs/). */
    public UnixPathResolver unixFiles() {
        return new UnixPathResolver(hfs());
    }
}

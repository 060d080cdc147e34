package org.opencs.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One node's home (DESIGN.md "Scaling out"): {@code root} keeps what is the node's own (system.conf, tcpip/, saf/ for
 * the embedded registry, logs/ with ports and the start record, temporary files); {@code shared} holds what every node
 * of the system shares, the z/OS UNIX file system (hfs/), the data sets (datasets/) and the JES2 spool (spool/), like
 * shared DASD in a sysplex. A one-node system shares nothing: {@code shared} is the home itself.
 *
 * <p>Open a home with {@link #open(Path)}, which honours system.conf's {@code shared.dir}; {@code new SystemHome(root)}
 * is a home whose shared directory is itself (for {@code init} and tests).
 */
public record SystemHome(Path root, Path shared) {
    public static final String DEFAULT_DIRECTORY = "opencs-home";
    /** The system.conf key naming the shared directory (absolute, or relative to the home). */
    public static final String SHARED_DIR_KEY = "shared.dir";

    public SystemHome {
        root = root.toAbsolutePath().normalize();
        shared = shared == null ? root : root.resolve(shared).toAbsolutePath().normalize();
    }

    /** A home whose shared directory is the home itself (one node). */
    public SystemHome(Path root) {
        this(root, null);
    }

    /**
     * The home in {@code root} with the shared directory its system.conf names ({@code shared.dir}, relative to the
     * home when not absolute), or the home itself when system.conf names none or does not exist yet (the command then
     * reports the missing system.conf itself).
     *
     * @throws ZosException OCS0004E when system.conf cannot be read, OCS0006E for a shared.dir that is no file name,
     *                      OCS0008E when the shared directory does not exist or is not a directory
     */
    public static SystemHome open(Path root) {
        Path conf = root.resolve("system.conf");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(conf, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return new SystemHome(root);
        } catch (IOException e) {
            throw new ZosException("OCS0004E", "system.conf in " + root.toAbsolutePath().normalize()
                    + " cannot be read: " + e.getMessage());
        }
        String text = properties.getProperty(SHARED_DIR_KEY, "").trim();
        if (text.isEmpty()) {
            return new SystemHome(root);
        }
        Path shared;
        try {
            shared = Path.of(text);
        } catch (InvalidPathException e) {
            throw new ZosException("OCS0006E", "system.conf: " + SHARED_DIR_KEY + " '" + Values.quoteForMessage(text)
                    + "' is not a valid directory name.");
        }
        SystemHome home = new SystemHome(root, shared);
        if (!Files.isDirectory(home.shared())) {
            throw new ZosException("OCS0008E", "The shared directory " + home.shared() + " (" + SHARED_DIR_KEY
                    + " in " + home.systemConf() + ") does not exist or is not a directory: mount it, or correct "
                    + SHARED_DIR_KEY + ".");
        }
        return home;
    }

    /** Whether this node shares hfs/, datasets/ and spool/ with other nodes (a shared directory of its own). */
    public boolean isShared() {
        return !shared.equals(root);
    }

    /**
     * Checks that the servers can write the shared directory and its hfs/, datasets/ and spool/ (opencs start).
     *
     * @throws ZosException OCS0008E naming the first directory that is missing or not writable
     */
    public void requireWritableShared() {
        for (Path dir : java.util.List.of(shared, hfs(), datasets(), spool())) {
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new ZosException("OCS0008E", "The shared directory " + dir + (Files.isDirectory(dir)
                        ? " is not writable by this process" : " does not exist or is not a directory")
                        + (isShared() ? " (" + SHARED_DIR_KEY + " in " + systemConf() + ")" : "")
                        + ": the servers keep data sets, z/OS UNIX files and spool there.");
            }
        }
    }

    public Path systemConf() {
        return root.resolve("system.conf");
    }

    public Path tcpip() {
        return root.resolve("tcpip");
    }

    /** The z/OS UNIX file system, in the shared directory. */
    public Path hfs() {
        return shared.resolve("hfs");
    }

    /** The data sets, in the shared directory. */
    public Path datasets() {
        return shared.resolve("datasets");
    }

    public Path saf() {
        return root.resolve("saf");
    }

    /** The JES2 spool, in the shared directory. */
    public Path spool() {
        return shared.resolve("spool");
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

package org.opencs.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves z/OS UNIX path names inside a system's {@code hfs/} the way the file system will: component by component,
 * {@code ..} applied to the directory reached so far, and symbolic links followed with their targets read in the
 * z/OS UNIX name space (an absolute target starts again at the z/OS UNIX root, never at the host's). The result is a
 * canonical path with no {@code .}, {@code ..} or symbolic link left in it, so a permission check made on it holds for
 * the file that will be used, and no name can reach a host file outside {@code hfs/}.
 *
 * <p>Limits are z/OS UNIX's (BPXYPATH: PATH_MAX 1023 bytes, each component at most 255 bytes; a NUL ends a C string
 * so it cannot be part of a name); at most {@value #SYMLOOP_MAX} symbolic links are followed in one resolution.
 */
public final class UnixPathResolver {
    /** The longest path name z/OS UNIX accepts, in bytes. */
    public static final int PATH_MAX = 1023;
    /** The longest path name component z/OS UNIX accepts, in bytes. */
    public static final int NAME_MAX = 255;
    /** Symbolic links followed in one resolution before ELOOP. */
    public static final int SYMLOOP_MAX = 40;

    private final Path root;

    /** {@code root} is the host directory that is the z/OS UNIX root ({@code hfs/}). */
    public UnixPathResolver(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The canonical absolute form of {@code path} ("/u/user1/x.kdb"); a relative path is taken from the root.
     * {@code followLast} false leaves a symbolic link in the last component as it is (lstat: DELE, RNFR, a listing
     * entry), true follows it (stat, open).
     *
     * @throws ZosException EDC5121I for a NUL in the name, EDC5126I for a name over the z/OS limits, EDC5146I when
     *                      more than {@value #SYMLOOP_MAX} symbolic links are met
     */
    public String canonical(String path, boolean followLast) {
        check(path);
        Deque<String> todo = new ArrayDeque<>(split(path));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.pollFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            Path host = host(done, name);
            boolean last = todo.isEmpty();
            if ((followLast || !last) && Files.isSymbolicLink(host)) {
                if (++links > SYMLOOP_MAX) {
                    throw new ZosException("EDC5146I", "Too many levels of symbolic links in " + Values.quoteForMessage(path) + ".");
                }
                String target = readLink(host, path);
                check(target);
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> parts = split(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                continue;
            }
            done.add(name);
        }
        String canonical = "/" + String.join("/", done);
        if (canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PATH_MAX) {
            throw new ZosException("EDC5126I", "Filename too long: a path name has at most " + PATH_MAX + " bytes.");
        }
        return canonical;
    }

    /** The host file behind a canonical path from {@link #canonical}. */
    public Path host(String canonical) {
        return canonical.equals("/") ? root : root.resolve(canonical.substring(1));
    }

    private Path host(List<String> parents, String name) {
        Path p = root;
        for (String parent : parents) {
            p = p.resolve(parent);
        }
        try {
            return p.resolve(name);
        } catch (InvalidPathException e) {
            throw new ZosException("EDC5121I", "Invalid argument: " + Values.quoteForMessage(name) + " is not a valid file name.");
        }
    }

    private static String readLink(Path link, String path) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new ZosException("EDC5129I", "No such file or directory: " + Values.quoteForMessage(path) + ".");
        }
    }

    private static void check(String path) {
        if (path.indexOf('\0') >= 0) {
            throw new ZosException("EDC5121I", "Invalid argument: a path name cannot contain a NUL character.");
        }
        if (path.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PATH_MAX) {
            throw new ZosException("EDC5126I", "Filename too long: a path name has at most " + PATH_MAX + " bytes.");
        }
        for (String name : split(path)) {
            if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > NAME_MAX) {
                throw new ZosException("EDC5126I", "Filename too long: " + Values.quoteForMessage(name) + " has more than "
                        + NAME_MAX + " bytes.");
            }
        }
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}

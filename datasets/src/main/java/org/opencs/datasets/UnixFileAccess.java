package org.opencs.datasets;

import java.nio.file.Path;
import java.util.Map;
import org.opencs.core.UnixPathResolver;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;

/**
 * Who may use a z/OS UNIX file: a user works inside its own OMVS home directory, a SPECIAL user anywhere (OpenCS
 * keeps no permission bits per file yet). Every component that takes a z/OS UNIX path from a user (FTP, TSO
 * OGET/OPUT, programs) resolves it here: the name is made canonical first ({@link UnixPathResolver}: {@code ..} and
 * symbolic links resolved as the file system will), and the check is made on that canonical path, so
 * {@code /u/user1/../../etc/opencs/server.sth} or a link out of the home directory is judged by where it leads.
 */
public final class UnixFileAccess {
    /** A resolved file: the canonical z/OS UNIX path and the host file behind it. */
    public record UnixFile(String path, Path host) {
    }

    private final Registry registry;
    private final UnixPathResolver resolver;

    public UnixFileAccess(Registry registry) {
        this.registry = registry;
        this.resolver = registry.home().unixFiles();
    }

    /**
     * Resolves {@code path} (absolute) for {@code user}; {@code followLast} as in {@link UnixPathResolver#canonical}.
     *
     * @throws ZosException BPXF135E when the canonical path is outside what the user may use (with an audit record),
     *                      EDC51xxI for a name z/OS UNIX refuses
     */
    public UnixFile resolve(User user, String path, boolean followLast) {
        UnixFile file = resolveUnchecked(path, followLast);
        if (!mayUse(user, file.path())) {
            registry.audit().record(registry.clock().instant(), "UNIX_FILE_ACCESS_DENIED",
                    Map.of("user", user.userid(), "path", org.opencs.core.Values.quoteForMessage(path), "resolved", file.path()));
            String home = user.omvsHome();
            throw new ZosException("BPXF135E", "USER " + user.userid() + " MAY NOT USE "
                    + org.opencs.core.Values.quoteForMessage(path) + " (OUTSIDE ITS HOME DIRECTORY " + (home == null ? "NONE" : home) + ")");
        }
        return file;
    }

    /** The canonical path and host file of {@code path}, with no permission check (the caller makes its own). */
    public UnixFile resolveUnchecked(String path, boolean followLast) {
        String canonical = resolver.canonical(path, followLast);
        return new UnixFile(canonical, resolver.host(canonical));
    }

    /** Whether {@code user} may use the canonical path {@code canonical}: inside its (canonical) home, or SPECIAL. */
    public boolean mayUse(User user, String canonical) {
        if (user.special()) {
            return true;
        }
        String home = user.omvsHome();
        if (home == null || home.isBlank()) {
            return false;
        }
        String realHome = resolver.canonical(home, true);
        return canonical.equals(realHome) || canonical.startsWith(realHome.equals("/") ? "/" : realHome + "/");
    }
}

package org.opencs.cli;

import java.nio.file.Path;
import org.opencs.core.SystemHome;
import picocli.CommandLine.Option;

/** The --home option every system command shares (default ./opencs-home). */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "System home (default ./opencs-home)")
    Path home;

    /** The home directory as given (or the default), for commands that create it ({@code init}). */
    public Path root() {
        return home != null ? home : Path.of(SystemHome.DEFAULT_DIRECTORY);
    }

    /**
     * The home, with the shared directory its system.conf names ({@link SystemHome#open}).
     *
     * @throws org.opencs.core.ZosException OCS0008E when that shared directory is missing
     */
    public SystemHome home() {
        return SystemHome.open(root());
    }
}

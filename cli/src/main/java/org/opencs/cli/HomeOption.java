package org.opencs.cli;

import java.nio.file.Path;
import org.opencs.core.SystemHome;
import picocli.CommandLine.Option;

/** The --home option every system command shares (default ./opencs-home). */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "System home (default ./opencs-home)")
    Path home;

    public SystemHome home() {
        return new SystemHome(home != null ? home : Path.of(SystemHome.DEFAULT_DIRECTORY));
    }
}

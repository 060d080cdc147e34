package org.opencs.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.opencs.saf.SystemInitializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code opencs init}: a new system home with its registry, IBMUSER and the servers' user ID; or, when the registry
 * already holds a system, a new node joining it (docs/deployment.md "Several nodes").
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a system home: system.conf, tcpip/ defaults, the master key, the registry, IBMUSER "
                + "(SPECIAL; its initial password is printed once and must be changed at first logon) and TCPIP.",
                "When --registry-url names a registry that already holds a system, the home becomes a node of that "
                + "system instead: no new user, no new master key (the node needs the system's: OPENCS_MASTER_KEY or "
                + "--master-key-file) and a SYSNAME of its own (--sysname)."})
public final class InitCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--registry-url", paramLabel = "JDBC-URL",
            description = "Shared registry, e.g. jdbc:postgresql://dbhost/opencs (default: embedded H2 in saf/)")
    String registryUrl;

    @Option(names = "--shared-dir", paramLabel = "DIR",
            description = "Directory holding hfs/, datasets/ and spool/ for every node (default: the home; created "
                    + "if missing; relative to the home)")
    Path sharedDir;

    @Option(names = "--sysname", paramLabel = "NAME",
            description = "This node's SYSNAME, 1-8 characters (default OPENCS; a joining node must give its own)")
    String sysname;

    @Option(names = "--smfid", paramLabel = "ID", description = "This node's SMF ID, 1-4 characters (default 3090)")
    String smfid;

    @Option(names = "--master-key-file", paramLabel = "FILE",
            description = "Master key file (default saf/master.key; made if missing for a new system; a joining node "
                    + "names the system's key here unless OPENCS_MASTER_KEY is set)")
    Path masterKeyFile;

    @Override
    public Integer call() throws Exception {
        SystemInitializer.Result result = SystemInitializer.initialize(home.root(),
                new SystemInitializer.Options(registryUrl, sharedDir, sysname, smfid, masterKeyFile), Clock.systemUTC(),
                new SecureRandom());
        print(result);
        return 0;
    }

    static void print(SystemInitializer.Result result) {
        if (result.joined()) {
            System.out.println("OCS0041I Node " + result.sysname() + " joined the system in " + result.registry()
                    + "; its home is " + result.home().root() + ", its shared directory " + result.home().shared() + ".");
            System.out.println("  system.conf, tcpip/FTP.DATA, tcpip/PROFILE.TCPIP; users, master key and data are the "
                    + "system's.");
            return;
        }
        System.out.println("System home " + result.home().root() + " created.");
        String key = result.createdMasterKey() == null ? "the master key"
                : result.createdMasterKey().startsWith(result.home().root())
                ? result.home().root().relativize(result.createdMasterKey()) + " (mode 0600)"
                : result.createdMasterKey() + " (mode 0600)";
        System.out.println("  system.conf, tcpip/FTP.DATA, tcpip/PROFILE.TCPIP, " + key + ", registry");
        if (result.home().isShared()) {
            System.out.println("  shared directory (hfs/, datasets/, spool/): " + result.home().shared());
        }
        System.out.println("  users: IBMUSER (SPECIAL), " + result.serverUserid() + " (servers; PROTECTED, cannot log on)");
        System.out.println();
        System.out.println("IBMUSER's initial password: " + new String(result.ibmuserPassword()));
        System.out.println("It is shown only now and must be changed at first logon (TSO PASSWORD command, or any logon).");
        Arrays.fill(result.ibmuserPassword(), '\0');
    }
}

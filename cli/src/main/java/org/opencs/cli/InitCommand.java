package org.opencs.cli;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.opencs.saf.SystemInitializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code opencs init}: a new system home with its registry, IBMUSER and the servers' user ID. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a system home: system.conf, tcpip/ defaults, the master key, the registry, IBMUSER "
                + "(SPECIAL; its initial password is printed once and must be changed at first logon) and TCPIP."})
public final class InitCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--registry-url", paramLabel = "JDBC-URL",
            description = "Shared registry, e.g. jdbc:postgresql://dbhost/opencs (default: embedded H2 in saf/)")
    String registryUrl;

    @Override
    public Integer call() throws Exception {
        SystemInitializer.Result result = SystemInitializer.initialize(home.home(), registryUrl, Clock.systemUTC(),
                new SecureRandom());
        print(result);
        return 0;
    }

    static void print(SystemInitializer.Result result) {
        System.out.println("System home " + result.home().root() + " created.");
        System.out.println("  system.conf, tcpip/FTP.DATA, tcpip/PROFILE.TCPIP, saf/master.key (mode 0600), registry");
        System.out.println("  users: IBMUSER (SPECIAL), " + result.serverUserid() + " (servers; PROTECTED, cannot log on)");
        System.out.println();
        System.out.println("IBMUSER's initial password: " + new String(result.ibmuserPassword()));
        System.out.println("It is shown only now and must be changed at first logon (TSO PASSWORD command, or any logon).");
        Arrays.fill(result.ibmuserPassword(), '\0');
    }
}

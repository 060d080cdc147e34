package org.opencs.bench.multinode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opencs.bench.BenchHome;
import org.opencs.core.SystemHome;
import org.opencs.pki.net.Haproxy;
import org.opencs.saf.Registry;

/**
 * A system of two nodes made as docs/deployment.md says ("Several nodes"): a fresh schema in PostgreSQL, one shared
 * directory, and two node homes made by the real {@code opencs init} (the second joins with its own SYSNAME and the
 * first's master key file). Then the benchmark's user and server key database ({@link BenchHome#populate}) go into
 * the registry and the shared HFS, and each node gets its own tcpip/FTP.DATA (FTPS required, its PASSIVEDATAPORTS
 * range, a BANNER naming the node) and PROFILE.TCPIP (CONNTYPE SECURE, DEFAULTAPPL TSO, a DEFAULTLUS range of its own,
 * so a terminal learns its node from its LU name), and system.conf keys for the balancer ({@code proxy.protocol.from})
 * and no session limits (every client is 127.0.0.1).
 */
final class TwoNodeSystem {
    static final List<String> SYSNAMES = List.of("SYS1", "SYS2");
    /** The LU name prefix of each node's DEFAULTLUS range (LUA00001.., LUB00001..). */
    static final List<String> LU_PREFIXES = List.of("LUA", "LUB");

    final Path dir;
    final Ports ports;
    final String schemaUrl;
    final List<Path> homes = new ArrayList<>();

    private TwoNodeSystem(Path dir, Ports ports, String schemaUrl) {
        this.dir = dir;
        this.ports = ports;
        this.schemaUrl = schemaUrl;
    }

    /** Makes the schema, the shared directory and both homes under {@code dir}. */
    static TwoNodeSystem create(Path dir, LoadOptions options, Ports ports) throws Exception {
        TwoNodeSystem system = new TwoNodeSystem(dir, ports, freshSchema(options.registryUrl()));
        Path shared = dir.resolve("shared");
        for (int i = 0; i < SYSNAMES.size(); i++) {
            Path home = dir.resolve("node" + (i + 1));
            List<String> init = new ArrayList<>(List.of(java(), "-jar", options.opencsJar().toString(), "init", "--home",
                    home.toString(), "--registry-url", system.schemaUrl, "--shared-dir", shared.toString(), "--sysname",
                    SYSNAMES.get(i)));
            if (i > 0) {
                init.addAll(List.of("--master-key-file", system.homes.get(0).resolve("saf/master.key").toString()));
            }
            run(init, dir.resolve("init-" + SYSNAMES.get(i) + ".out"));
            system.homes.add(home);
        }
        try (Registry registry = Registry.open(SystemHome.open(system.homes.get(0)), Clock.systemUTC(),
                new SecureRandom())) {
            BenchHome.populate(registry, dir);
            for (String sysname : SYSNAMES) {
                Path banner = registry.home().hfsPath("/etc/bench/banner." + sysname);
                Files.writeString(banner, "Node " + sysname + "\n", StandardCharsets.US_ASCII);
            }
        }
        for (int i = 0; i < SYSNAMES.size(); i++) {
            system.configure(i);
        }
        return system;
    }

    private void configure(int node) throws IOException {
        Path home = homes.get(node);
        Files.writeString(home.resolve("system.conf"), String.join("\n",
                "# MultiNodeLoad: the balancer's connections carry the PROXY protocol; every client is 127.0.0.1.",
                "proxy.protocol.from=" + Haproxy.SOURCE,
                "ftp.max.sessions=0",
                "ftp.max.sessions.per.client=0",
                "tn3270.max.sessions=0",
                "tn3270.max.sessions.per.client=0",
                ""), StandardOpenOption.APPEND);
        Files.writeString(home.resolve("tcpip/FTP.DATA"), String.join("\n",
                "EXTENSIONS AUTH_TLS",
                "SECURE_FTP REQUIRED",
                "SECURE_DATACONN PRIVATE",
                "; Commons Net's FTPSClient does not resume the control connection's TLS session (docs/ftp.md).",
                "SECURE_SESSION_REUSE ALLOWED",
                "KEYRING " + BenchHome.KEYRING,
                "STARTDIRECTORY HFS",
                "INACTIVE 0",
                "BANNER /etc/bench/banner." + SYSNAMES.get(node),
                "PASSIVEDATAPORTS (" + ports.passiveLow(node) + "," + ports.passiveHigh(node) + ")",
                ""), StandardCharsets.UTF_8);
        String lu = LU_PREFIXES.get(node);
        Files.writeString(home.resolve("tcpip/PROFILE.TCPIP"), String.join("\n",
                "TELNETPARMS",
                " SECUREPORT " + ports.tn3270(node),
                " CONNTYPE SECURE",
                " KEYRING HFS " + BenchHome.KEYRING,
                " INACTIVE 0",
                " TIMEMARK 0",
                "ENDTELNETPARMS",
                "BEGINVTAM",
                " DEFAULTLUS",
                "  " + lu + "00001.." + lu + "09999",
                " ENDDEFAULTLUS",
                " DEFAULTAPPL TSO",
                "ENDVTAM",
                ""), StandardCharsets.UTF_8);
    }

    /** The node of an LU name, or "" when it is none of ours. */
    static String nodeOfLu(String lu) {
        for (int i = 0; i < LU_PREFIXES.size(); i++) {
            if (lu.startsWith(LU_PREFIXES.get(i))) {
                return SYSNAMES.get(i);
            }
        }
        return "";
    }

    /** Creates schema {@code loadNNN} in the URL's database; the URL with {@code currentSchema} set to it. */
    private static String freshSchema(String base) throws Exception {
        String schema = "load" + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(base); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command to its end, its output in {@code out}; an exit code other than 0 is an exception with it. */
    private static void run(List<String> command, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(out));
        }
    }

    /** Drops the run's schema again (what is in it is of no use after the run); a failure is only reported. */
    void dropSchema(String base) {
        String schema = schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + "currentSchema=".length());
        try (Connection connection = DriverManager.getConnection(base); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (java.sql.SQLException e) {
            System.err.println("schema " + schema + " was not dropped: " + e.getMessage());
        }
    }
}

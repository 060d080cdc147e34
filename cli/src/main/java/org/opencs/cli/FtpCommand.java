package org.opencs.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opencs.core.ZosException;
import org.opencs.ftp.client.BatchFtpClient;
import org.opencs.ftp.client.ClientSettings;
import org.opencs.ftp.config.FtpData;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.KeyDatabaseRing;
import org.opencs.pki.tls.KeyRing;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.KeyRingResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code opencs ftp}: z/OS's batch FTP client. The INPUT stream comes on stdin (or --input), the output (SYSPRINT)
 * goes to stdout; the exit code is the z/OS client error code of the first failure, 0 when all went well.
 */
@Command(name = "ftp", mixinStandardHelpOptions = true,
        description = {"Batch FTP client with TLS that reads its INPUT stream as z/OS's PGM=FTP does.",
                "The first line is 'host [port] [(exit]', the second 'user [password]', then subcommands follow (cd, "
                + "dir, ls, get, put, mget, mput, append, delete, mkdir, rmdir, rename, ascii, binary, site, quote, "
                + "lcd, quit).",
                "KEYRING in the FTP.DATA (-f) is a key database path with its .sth stash beside it, or a SAF ring "
                + "(RING = the --user's own ring, OWNER/RING) in the --home registry."})
public final class FtpCommand implements Callable<Integer> {
    @Option(names = "-a", paramLabel = "TLS", description = "Try this security mechanism at connect (TLS or NEVER)")
    String tryMechanism;

    @Option(names = "-r", paramLabel = "TLS", description = "Require this security mechanism: fail if it cannot be set up")
    String requireMechanism;

    @Option(names = "-f", paramLabel = "FTP.DATA", description = "Client FTP.DATA (SECURE_MECHANISM, SECURE_FTP, "
            + "SECURE_DATACONN, KEYRING, TLSTIMEOUT, CLIENTEXIT)")
    Path ftpData;

    @Option(names = "-e", description = "End at the first failing subcommand (as (EXIT does)")
    boolean exitOnError;

    @Option(names = "--user", paramLabel = "USERID", description = "The local user ID: NAME prompt and owner of a SAF KEYRING")
    String user;

    @Option(names = "--input", paramLabel = "FILE", description = "Read the INPUT stream from FILE instead of stdin")
    Path input;

    @Mixin
    HomeOption home;

    @Parameters(arity = "0..2", paramLabel = "HOST [PORT]", description = "Server (else the first input line names it)")
    List<String> target = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String localUser = (user != null ? user : System.getProperty("user.name", "USER")).toUpperCase(Locale.ROOT);
        FtpData config;
        if (ftpData != null) {
            FtpDataParser.Result parsed = FtpDataParser.parseClient(Files.readString(ftpData, StandardCharsets.UTF_8), ftpData.toString());
            parsed.warnings().forEach(System.err::println);
            System.out.println("EZY2640I Using '" + ftpData + "' for local site configuration parameters.");
            config = parsed.config();
        } else {
            config = FtpDataParser.parseClient("", "(defaults)").config();
        }
        Integer port = null;
        if (target.size() > 1) {
            try {
                port = Integer.parseInt(target.get(1));
            } catch (NumberFormatException e) {
                System.err.println("EZA1553I Port " + target.get(1) + " is not a number.");
                return 4;
            }
        }
        KeyRing ring;
        try {
            ring = config.keyring() == null ? null : keyRing(config.keyring(), localUser);
        } catch (ZosException e) {
            System.out.println(e.getMessage());
            return 17;
        }
        ClientSettings settings = ClientSettings.of(config, tryMechanism, requireMechanism, exitOnError);
        StringBuilder parm = new StringBuilder("FTP");
        if (tryMechanism != null) {
            parm.append(" -a ").append(tryMechanism);
        }
        if (requireMechanism != null) {
            parm.append(" -r ").append(requireMechanism);
        }
        if (exitOnError) {
            parm.append(" -e");
        }
        BatchFtpClient client = new BatchFtpClient(settings, ring, localUser, System.out, Path.of("").toAbsolutePath());
        try (BufferedReader in = input != null ? Files.newBufferedReader(input, StandardCharsets.UTF_8)
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            int rc = client.run(parm.toString(), target.isEmpty() ? null : target.get(0), port, in);
            System.out.flush();
            return rc;
        }
    }

    /** A local key database (its .sth beside it) when the path exists here, else a ring in the --home registry. */
    private KeyRing keyRing(String keyring, String localUser) {
        Path local = Path.of(keyring);
        if (keyring.startsWith("/") && Files.isRegularFile(local)) {
            return new KeyDatabaseRing(KeyDatabase.openStashed(local, new SecureRandom()), null);
        }
        Registry registry = Registry.open(home.home(), Clock.systemUTC(), new SecureRandom());
        try {
            return new KeyRingResolver(registry).resolve(keyring, localUser);
        } finally {
            registry.close();
        }
    }
}

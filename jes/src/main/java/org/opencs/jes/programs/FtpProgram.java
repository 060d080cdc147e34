package org.opencs.jes.programs;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.UnixFileAccess;
import org.opencs.ftp.client.BatchFtpClient;
import org.opencs.ftp.client.ClientSettings;
import org.opencs.ftp.config.FtpData;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;
import org.opencs.pki.tls.KeyRing;
import org.opencs.saf.certs.KeyRingResolver;
import org.opencs.saf.resources.AccessLevel;

/**
 * PGM=FTP: z/OS's batch FTP client (OpenCS's {@link BatchFtpClient}, the engine of {@code opencs ftp}) as a job step
 * runs it (z/OS Communications Server IP User's Guide, "Using the FTP client in batch"; shared/reference/zos-ftp.md
 * section 6):
 * <ul>
 *   <li>PARM: start options {@code -a TLS}, {@code -r TLS}, {@code -e}, {@code (EXIT} or {@code (EXIT=nn}, and an
 *       optional {@code host [port]}; text before a '/' is Language Environment's and is skipped.</li>
 *   <li>INPUT (else SYSIN) holds the INPUT stream; the client's output goes to OUTPUT, or to SYSPRINT when the step has
 *       no OUTPUT DD.</li>
 *   <li>FTP.DATA: the SYSFTPD DD (a data set or a member, e.g. USER1.TCPCS.TCPPARMS(FTPUSER1)), else the data set
 *       userid.FTP.DATA, else /etc/ftp.data, else defaults. SYSTCPD (TCPIP.DATA) is opened and read when present; its
 *       statements do not change the client (name resolution is the JVM's).</li>
 *   <li>KEYRING names the job user's SAF ring (RING or OWNER/RING) or a key database path the user may use; the
 *       client sends that ring's default certificate.</li>
 *   <li>Local files of GET/PUT/LCD are z/OS UNIX files, starting in the job user's home directory and confined to
 *       what the user may use (as the z/OS shell's ftp would see them), never other host files.</li>
 *   <li>Step code: 0 unless the session stops at errors (EXIT, -e, CLIENTEXIT TRUE); then the client error code of
 *       the first failure (zos-ftp.md 6.5), or nn for {@code (EXIT=nn}.</li>
 * </ul>
 */
public final class FtpProgram implements Program {
    @Override
    public Set<String> names() {
        return Set.of("FTP");
    }

    /** The start options of PARM. */
    record Options(String tryMechanism, String requireMechanism, boolean exit, Integer exitCode, String host,
                   Integer port, String echo) {
        static Options parse(String parm) {
            String text = parm.contains("/") ? parm.substring(parm.indexOf('/') + 1) : parm;
            String tryMechanism = null;
            String requireMechanism = null;
            boolean exit = false;
            Integer exitCode = null;
            String host = null;
            Integer port = null;
            StringBuilder echo = new StringBuilder("FTP");
            String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                String w = words[i];
                String upper = w.toUpperCase(Locale.ROOT);
                if ((w.equals("-a") || w.equals("-r")) && i + 1 < words.length) {
                    if (w.equals("-a")) {
                        tryMechanism = words[++i];
                    } else {
                        requireMechanism = words[++i];
                    }
                    echo.append(' ').append(w).append(' ').append(words[i]);
                } else if (w.equals("-e")) {
                    exit = true;
                    echo.append(" -e");
                } else if (upper.startsWith("(EXIT")) {
                    exit = true;
                    if (upper.startsWith("(EXIT=") && upper.substring(6).matches("\\d{1,4}")) {
                        exitCode = Math.min(4095, Integer.parseInt(upper.substring(6)));
                    }
                    echo.append(' ').append(w);
                } else if (w.startsWith("-") || w.startsWith("(")) {
                    echo.append(' ').append(w); // -v, -d, (TRACE...: accepted, no effect here
                } else if (host == null) {
                    host = w;
                    echo.append(' ').append(w);
                } else if (port == null && w.matches("\\d{1,5}")) {
                    port = Integer.parseInt(w);
                    echo.append(' ').append(w);
                }
            }
            return new Options(tryMechanism, requireMechanism, exit, exitCode, host, port, echo.toString());
        }
    }

    @Override
    public int run(StepContext step) throws Abend {
        Options options = Options.parse(step.parm());
        Optional<DataDefinition> outputDd = step.dd("OUTPUT").or(() -> step.dd("SYSPRINT"));
        if (outputDd.isEmpty()) {
            Output.missing(step, "OUTPUT");
        }
        PrintStream out = new PrintStream(new LineSink(outputDd.orElse(null)), true, StandardCharsets.UTF_8);
        Optional<DataDefinition> inputDd = step.dd("INPUT").or(() -> step.dd("SYSIN"));
        if (inputDd.isEmpty()) {
            Output.missing(step, "INPUT");
            out.println("EZA1457I No host name was given in the input.");
            out.flush();
            return 15; // INVALID_ENVIRONMENT: no INPUT
        }
        List<String> input = inputDd.get().readLines().stream().map(String::stripTrailing).toList();
        step.dd("SYSTCPD").ifPresent(DataDefinition::readLines);

        FtpData config;
        try {
            config = ftpData(step, out);
        } catch (ZosException e) {
            out.println(e.getMessage());
            out.flush();
            return 4;
        }
        String userid = step.user().userid();
        KeyRing ring;
        try {
            ring = config.keyring() == null ? null : keyRing(step, config.keyring());
        } catch (ZosException e) {
            out.println(e.getMessage());
            out.flush();
            return options.exit() || exitFromInput(input) ? 17 : 0;
        }
        ClientSettings settings = ClientSettings.of(config, options.tryMechanism(), options.requireMechanism(),
                options.exit());
        UnixFileAccess files = new UnixFileAccess(step.registry());
        Path hfsRoot = step.registry().home().hfs().toAbsolutePath().normalize();
        String home = step.user().omvsHome() == null || step.user().omvsHome().isBlank() ? "/" : step.user().omvsHome();
        Path base = files.resolveUnchecked(home, true).host();
        BatchFtpClient client = new BatchFtpClient(settings, ring, userid, out, base, p -> {
            Path n = p.toAbsolutePath().normalize();
            if (!n.startsWith(hfsRoot)) {
                throw new ZosException("BPXF135E", "USER " + userid + " MAY NOT USE " + n.getFileName());
            }
            String unix = "/" + hfsRoot.relativize(n).toString().replace(java.io.File.separatorChar, '/');
            return files.resolve(step.user(), unix, true).host();
        });
        int rc;
        try {
            rc = client.run(options.echo(), options.host(), options.port(),
                    new BufferedReader(new StringReader(String.join("\n", input) + "\n")));
        } catch (IOException e) {
            out.println("EZA1542I " + e.getMessage());
            rc = 10;
        }
        out.close();
        if (step.cancelled()) {
            throw Ikjeft01.cancelled(step);
        }
        boolean exit = settings.exitOnError() || exitFromInput(input);
        if (!exit || rc == 0) {
            return 0;
        }
        return options.exitCode() != null ? options.exitCode() : rc;
    }

    /** Whether the INPUT's first line (host [port] (options) asks for EXIT. */
    private static boolean exitFromInput(List<String> input) {
        return input.stream().filter(l -> !l.isBlank() && !l.startsWith(";")).findFirst()
                .map(l -> l.toUpperCase(Locale.ROOT).matches(".*\\(\\s*EXIT.*")).orElse(false);
    }

    private static FtpData ftpData(StepContext step, PrintStream out) {
        Optional<DataDefinition> sysftpd = step.dd("SYSFTPD");
        String text = null;
        String source = null;
        if (sysftpd.isPresent()) {
            text = String.join("\n", sysftpd.get().readLines().stream().map(String::stripTrailing).toList());
            source = sysftpd.get().dataset().map(DatasetName::toString).orElse("SYSFTPD");
        } else {
            DatasetName userData = new DatasetName(step.user().userid() + ".FTP.DATA", null);
            Optional<DatasetAttributes> attributes = step.catalog().attributes(userData);
            if (attributes.isPresent() && attributes.get().dsorg().equals("PS")
                    && new DatasetAccess(step.registry()).allowed(step.user(), userData, AccessLevel.READ)) {
                text = step.catalog().readText(userData);
                source = userData.toString();
            } else {
                Path etc = step.registry().home().hfsPath("/etc/ftp.data");
                if (Files.isRegularFile(etc)) {
                    try {
                        text = org.opencs.core.UnixText.readAnyText(etc);
                        source = "/etc/ftp.data";
                    } catch (IOException e) {
                        throw new ZosException("EZA1553I", "/etc/ftp.data cannot be read: " + e.getMessage());
                    }
                }
            }
        }
        if (text == null) {
            return FtpDataParser.parseClient("", "(defaults)").config();
        }
        FtpDataParser.Result parsed = FtpDataParser.parseClient(text, source);
        out.println("EZA2640I Using '" + source + "' for local site configuration parameters.");
        parsed.warnings().forEach(out::println);
        return parsed.config();
    }

    /** A SAF ring of (or allowed to) the job's user, or a key database in hfs/ that the user may use. */
    private static KeyRing keyRing(StepContext step, String keyring) {
        String ref = keyring.trim();
        String path = ref.toUpperCase(Locale.ROOT).startsWith("HFS ") ? ref.substring(4).trim() : ref;
        if (path.startsWith("/")) {
            new UnixFileAccess(step.registry()).resolve(step.user(), path, true);
        }
        return new KeyRingResolver(step.registry()).resolve(ref, step.user().userid());
    }

    /** Bytes printed by the client, cut into lines written to the DD (wrapped at a fixed LRECL), or discarded. */
    private static final class LineSink extends OutputStream {
        private final DataDefinition dd;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSink(DataDefinition dd) {
            this.dd = dd;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                emit();
            } else if (b != '\r') {
                line.write(b);
            }
        }

        /** Writes a last line that has no line end. */
        @Override
        public void close() {
            if (line.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (dd == null) {
                return;
            }
            int width = dd.attributes().filter(a -> a.recfm().fixed()).map(DatasetAttributes::lrecl).orElse(0);
            if (width <= 0 || text.length() <= width) {
                dd.writeLine(text);
                return;
            }
            for (int i = 0; i < text.length(); i += width) {
                dd.writeLine(text.substring(i, Math.min(text.length(), i + width)));
            }
        }
    }
}

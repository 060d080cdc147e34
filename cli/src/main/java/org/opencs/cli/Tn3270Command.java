package org.opencs.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opencs.core.Ebcdic;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.KeyDatabaseRing;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.tn3270.client.ScriptRunner;
import org.opencs.tn3270.client.Tn3270Client;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code opencs tn3270}: a scriptable TN3270E client in the style of s3270. Actions come on stdin, one per line; the
 * exit code is 0 when every action succeeded.
 */
@Command(name = "tn3270", mixinStandardHelpOptions = true,
        description = {"Scriptable TN3270E client that reads s3270-style actions on stdin, one per line.",
                "Actions: Connect([L:][N:]host:port), Wait([seconds,]InputField), String(\"text\"), Tab(), Home(), "
                + "Enter(), PF(n), PA(n), Clear(), Ascii(), Query(Tls|LuName|ScreenCurSize), Macro(file), "
                + "Disconnect(), Quit().",
                "L: starts with a TLS handshake; otherwise START_TLS is accepted when the host offers it.",
                "Express Logon: give --applid and a key database holding the client certificate, and type the "
                + "placeholders )USR.ID( and )PSS.WD( where the user ID and password go.",
                "Macros (PCOMM style): --macro FILE HOST connects, plays FILE and prints the screen; --record FILE "
                + "writes the keystrokes of the actions on stdin to FILE (passwords never)."})
public final class Tn3270Command implements Callable<Integer> {
    @Option(names = "--cafile", paramLabel = "PEM", description = "CA certificate(s) that verify the host")
    Path caFile;

    @Option(names = "--keyring", paramLabel = "KDB|RING", description = "A key database or PKCS#12 file (.sth beside it), "
            + "or a SAF ring in the --home registry (RING = the --user's own, OWNER/RING): its CAs verify the host, its "
            + "default (or --label) certificate is the client certificate")
    String keyring;

    @Option(names = "--user", paramLabel = "USERID", description = "Owner of a SAF --keyring (the invoking user)")
    String user;

    @picocli.CommandLine.Mixin
    HomeOption home;

    @Option(names = "--label", description = "Client certificate label in --keyring (default: its default key)")
    String label;

    @Option(names = "--applid", paramLabel = "APPLID", description = "Express Logon: answer IBMELF=YES for this application")
    String applid;

    @Option(names = "--accepthostname", paramLabel = "NAME", description = "Accept this name in the host's certificate "
            + "instead of the host connected to (any: check only that a trusted CA signed it)")
    String acceptHostname;

    @Option(names = "--model", paramLabel = "2..5", description = "3278 model: 2 (24x80, the default), 3 (32x80), "
            + "4 (43x80) or 5 (27x132)")
    int model = 2;

    @Option(names = "--macro", paramLabel = "FILE", description = "Connect to HOST, play this macro file (its ElfApplid= is "
            + "the --applid) and print the screen")
    Path macro;

    @Option(names = "--record", paramLabel = "FILE", description = "Record the keystrokes of the actions on stdin into this "
            + "macro file; with --applid an Express Logon macro (user ID and password as )USR.ID( and )PSS.WD()")
    Path record;

    @Option(names = "--description", description = "Description= line of a --record macro")
    String description;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "HOST", description = "[L:][N:]host:port to connect to "
            + "before the actions (needed with --macro)")
    String host;

    @Override
    public Integer call() throws Exception {
        SSLContext tls = null;
        if (keyring != null && Files.isRegularFile(Path.of(keyring))) {
            tls = SystemSsl.jsseClient(new KeyDatabaseRing(KeyDatabase.openStashed(Path.of(keyring), new SecureRandom()),
                    label));
        } else if (keyring != null) {
            try (var registry = org.opencs.saf.Registry.open(home.home(), java.time.Clock.systemUTC(), new SecureRandom())) {
                String owner = (user != null ? user : System.getProperty("user.name", "")).toUpperCase(java.util.Locale.ROOT);
                tls = SystemSsl.jsseClient(new org.opencs.saf.certs.KeyRingResolver(registry).resolve(keyring, owner));
            }
        } else if (caFile != null) {
            tls = trusting(caFile);
        }
        String elfApplid = applid;
        if (macro != null) {
            if (host == null) {
                System.err.println("OCST060E --macro needs the HOST to play it on");
                return 8;
            }
            org.opencs.tn3270.client.Macro played = org.opencs.tn3270.client.Macro.parse(
                    Files.readString(macro, StandardCharsets.UTF_8));
            elfApplid = elfApplid != null ? elfApplid : played.elfApplid();
        }
        Tn3270Client client = new Tn3270Client(tls, elfApplid, Ebcdic.IBM_1047);
        client.acceptHostname(acceptHostname);
        if (model < 2 || model > 5) {
            System.err.println("OCST062E --model " + model + " is not a 3278 model 2..5");
            return 8;
        }
        client.model(model);
        ScriptRunner runner = new ScriptRunner(client, System.out);
        java.util.List<org.opencs.tn3270.client.Macro.Step> steps = new java.util.ArrayList<>();
        if (record != null) {
            runner.recordInto(steps, applid != null);
        }
        StringBuilder prologue = new StringBuilder();
        if (host != null) {
            prologue.append("Connect(").append(host).append(")\nWait(InputField)\n");
        }
        java.io.Reader actions;
        if (macro != null) {
            // A macro run needs nothing on stdin: connect, play, show the screen the macro ends on.
            actions = new java.io.StringReader(prologue + "Macro(\"" + macro.toString().replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\")\nAscii()\nQuit()\n");
        } else {
            actions = new InputStreamReader(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(
                    prologue.toString().getBytes(StandardCharsets.UTF_8)), System.in), StandardCharsets.UTF_8);
        }
        int rc = runner.run(new BufferedReader(actions));
        if (record != null) {
            var recorded = new org.opencs.tn3270.client.Macro(description, applid, steps);
            org.opencs.core.AtomicFiles.write(record, recorded.format().getBytes(StandardCharsets.UTF_8), false);
            System.err.println("OCST061I Macro " + record + " recorded (" + steps.size() + " steps)");
        }
        return rc;
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = Files.newInputStream(pem)) {
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, (X509Certificate) certificate);
            }
        }
        TrustManagerFactory trusts = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusts.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trusts.getTrustManagers(), new SecureRandom());
        return context;
    }
}

package org.opencs.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;
import org.slf4j.LoggerFactory;

/**
 * A system for web tests, as the FTP tests build theirs: an H2 registry, a stashed server key database in hfs/
 * (/etc/opencs/server.kdb, "ABC CA" signing a key for localhost and 127.0.0.1, exported to dir/ca.pem), users with
 * passwords, and a web server on 127.0.0.1 port 0 whose TLS context comes from that key ring by its KEYRING name.
 */
final class WebTestSystem implements AutoCloseable {
    static final String KEYRING = "/etc/opencs/server.kdb";

    final MutableClock clock = new MutableClock(Instant.now());
    final Registry registry;
    final Path caFile;
    private final Path dir;
    private final KeyDatabase db;
    private WebServer server;
    private org.opencs.tn3270.server.Tn3270Server tn3270;
    private org.opencs.ftp.server.FtpServer ftp;
    private org.opencs.jes.Jes jes;

    WebTestSystem(Path dir) throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        Path kdb = registry.home().hfsPath(KEYRING);
        Files.createDirectories(kdb.getParent());
        this.dir = dir;
        db = TestPki.caAndServer(kdb);
        db.stash(StashFile.Format.V8);
        caFile = dir.resolve("ca.pem");
        Files.write(caFile, TestPki.operations().exportCertificate(db, "ABC CA", ExportFormat.BASE64_DER));
    }

    /** A user whose password is {@code userid.toLowerCase() + "pw"}, not expired. */
    void user(String userid) {
        user(userid, false);
    }

    /** The same, with the password expired or not. */
    void user(String userid, boolean expired) {
        registry.users().add(User.define(userid, userid, "IBMUSER",
                registry.passwordHasher().hash((userid.toLowerCase() + "pw").toCharArray()), expired, false, 101L,
                "/u/" + userid.toLowerCase(), clock.instant()));
    }

    /**
     * A client certificate from "ABC CA" with subject CN={@code cn}, its key and certificate in dir/{@code file}.pem
     * for curl; registered under {@code owner} (RACDCERT ID(owner) ADD) unless owner is null.
     */
    void clientCertificate(String cn, String owner, String file) throws Exception {
        TestPki.operations().createSigned(db, "ABC CA", cn, org.opencs.pki.cert.KeyType.EC_P256,
                org.opencs.pki.cert.CertificateProfile.CLIENT,
                new org.opencs.pki.cert.SubjectName(cn, "CS Z/OS", "IBM", null, null, "US").toX500Name(), 30,
                java.util.List.of());
        db.save();
        Files.write(dir.resolve(file + ".p12"), TestPki.operations().exportWithKey(db, cn, ExportFormat.BINARY_PKCS12,
                "pw".toCharArray()));
        var openssl = org.opencs.testkit.ExternalCommand.run(dir, "openssl", "pkcs12", "-in", file + ".p12", "-passin",
                "pass:pw", "-nodes", "-out", file + ".pem");
        if (openssl.exitCode() != 0) {
            throw new AssertionError(openssl.all());
        }
        if (owner != null) {
            var cert = db.get(cn).certificate();
            registry.certificates().add(new org.opencs.saf.certs.DigitalCertificate(owner, cn, cert.getEncoded(), false,
                    "TRUST"), null, cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                    cert.getSerialNumber().toString(16), clock.instant());
        }
    }

    /**
     * Starts the web server (once) with {@code settings}' idle timeout and the key ring as opencs start finds it
     * (web.keyring, else FTP.DATA's KEYRING: {@value #KEYRING}); the ring trusts ABC CA, so client certificates are
     * asked for (optional).
     */
    WebServer serve(WebSettings settings) throws Exception {
        server = new WebServer(settings, registry, WebTls.serverContext(registry, settings, KEYRING),
                "127.0.0.1", 0, LoggerFactory.getLogger(WebServer.LOG_NAME));
        return server;
    }

    /**
     * Starts a TN3270E server as opencs start does for a TELNETPARMS block (SECUREPORT 0, CONNTYPE SECURE, this key
     * ring; DEFAULTAPPL TSO) and returns where the web terminal connects: its port on loopback, trusting that ring.
     */
    TerminalHost tn3270() throws Exception {
        return tn3270("TSO");
    }

    /** The same with DEFAULTAPPL {@code defaultAppl} (an APPLID starting TSO is the built-in TSO). */
    TerminalHost tn3270(String defaultAppl) throws Exception {
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure",
                "  Keyring HFS " + KEYRING, "EndTelnetParms");
        var port = org.opencs.tn3270.config.ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0);
        tn3270 = new org.opencs.tn3270.server.Tn3270Server(port, registry, "127.0.0.1", 0, defaultAppl);
        return TerminalHost.of(registry, port, "127.0.0.1", tn3270.port());
    }

    /**
     * As RDEFINE PTKTDATA {@code applid} SSIGNON(KEYMASKED({@code hexKey})) and, when {@code active}, SETROPTS
     * CLASSACT(PTKTDATA): the key sealed with the master key as the TSO command seals it.
     */
    void passTicketProfile(String applid, String hexKey, boolean active) {
        String cls = org.opencs.saf.passticket.PassTicketService.CLASS;
        var key = org.opencs.saf.passticket.PassTicketKey.legacy(hexKey, false);
        registry.resources().add(org.opencs.saf.resources.ResourceProfile.simple(cls, applid, "IBMUSER",
                org.opencs.saf.resources.AccessLevel.NONE).withPassTicketKey(registry.masterKey().seal(key.key(),
                cls + ":" + applid), false, null, null, null), clock.instant());
        if (active) {
            registry.options().set("CLASSACT." + cls, "YES");
        }
    }

    /** A SPECIAL user whose password is {@code userid.toLowerCase() + "pw"}. */
    void specialUser(String userid) {
        user(userid);
        registry.users().update(registry.users().find(userid).orElseThrow().withSpecial(true));
    }

    /**
     * A certificate signed by "ABC CA" with subject CN={@code cn}, valid for {@code days} days from now, added to the
     * registry under {@code owner} with {@code label} (as RACDCERT ID(owner) ADD would).
     */
    void registryCertificate(String owner, String label, String cn, int days) throws Exception {
        var cert = TestPki.operations().createSigned(db, "ABC CA", label, org.opencs.pki.cert.KeyType.EC_P256,
                org.opencs.pki.cert.CertificateProfile.CLIENT,
                new org.opencs.pki.cert.SubjectName(cn, null, "IBM", null, null, "US").toX500Name(), days,
                java.util.List.of());
        registry.certificates().add(new org.opencs.saf.certs.DigitalCertificate(owner, label, cert.getEncoded(), false,
                "TRUST"), null, cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), clock.instant());
    }

    /** JES on this registry without initiators: submitted jobs wait on the input queue. */
    org.opencs.jes.Jes jes() {
        jes = org.opencs.jes.Jes.builder(registry).initiators(0).start();
        return jes;
    }

    /** JES on this registry with {@code initiators} initiators: submitted jobs run (IEFBR14, IEBGENER, ...). */
    org.opencs.jes.Jes jes(int initiators) {
        jes = org.opencs.jes.Jes.builder(registry).initiators(initiators).start();
        return jes;
    }

    /** The web server with the console's jobs from {@code jes}. */
    WebServer serve(WebSettings settings, org.opencs.jes.Jes jes) throws Exception {
        server = new WebServer(settings, registry, WebTls.serverContext(registry, settings, KEYRING),
                "127.0.0.1", 0, null, jes, LoggerFactory.getLogger(WebServer.LOG_NAME));
        return server;
    }

    /** The web server with the terminal's sessions going to {@code terminal}. */
    WebServer serve(WebSettings settings, TerminalHost terminal) throws Exception {
        server = new WebServer(settings, registry, WebTls.serverContext(registry, settings, KEYRING),
                "127.0.0.1", 0, terminal, LoggerFactory.getLogger(WebServer.LOG_NAME));
        return server;
    }

    /**
     * The web server, a TN3270E server (as {@link #tn3270()}) and an FTP server (AUTH TLS with this key ring, on
     * 127.0.0.1 port 0) sharing {@code live}, the node's live sessions, as opencs start builds them; the FTP server is
     * closed with the system.
     */
    WebServer serveWithLiveSessions(WebSettings settings, org.opencs.core.sessions.LiveSessions live) throws Exception {
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure",
                "  Keyring HFS " + KEYRING, "  Inactive 0", "EndTelnetParms");
        var port = org.opencs.tn3270.config.ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0);
        tn3270 = new org.opencs.tn3270.server.Tn3270Server(port,
                org.opencs.tn3270.apps.HostServices.of(registry).withLiveSessions(live), "127.0.0.1", 0,
                new org.opencs.tn3270.server.Vtam(org.opencs.tn3270.config.VtamConfig.defaultAppl("TSO"),
                        registry.config().tn3270Limits()), LoggerFactory.getLogger("TN3270E"));
        var ftpData = org.opencs.ftp.config.FtpDataParser.parse(String.join("\n", "EXTENSIONS AUTH_TLS",
                "SECURE_DATACONN PRIVATE", "SECURE_SESSION_REUSE NONE", "KEYRING " + KEYRING, "INACTIVE 0",
                "STARTDIRECTORY HFS"), "FTP.DATA")
                .config();
        ftp = new org.opencs.ftp.server.FtpServer(ftpData, registry, "127.0.0.1", 0, -1, null,
                org.opencs.pki.tls.trace.TlsTrace.off(), org.opencs.ftp.server.FtpFrontEnd.DIRECT, live);
        server = new WebServer(settings, registry, WebTls.serverContext(registry, settings, KEYRING),
                "127.0.0.1", 0, null, null, live, LoggerFactory.getLogger(WebServer.LOG_NAME));
        return server;
    }

    /** The TN3270E server's port (after {@link #serveWithLiveSessions}). */
    int tn3270Port() {
        return tn3270.port();
    }

    /** The FTP server's port (after {@link #serveWithLiveSessions}). */
    int ftpPort() {
        return ftp.port();
    }

    String audit() throws java.io.IOException {
        Path log = registry.home().logs().resolve("audit.jsonl");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (ftp != null) {
            ftp.close();
        }
        if (tn3270 != null) {
            tn3270.close();
        }
        if (jes != null) {
            jes.close();
        }
        registry.close();
    }
}

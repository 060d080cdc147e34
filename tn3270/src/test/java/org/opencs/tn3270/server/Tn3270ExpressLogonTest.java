package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.Ebcdic;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.datastream.BufferAddress;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/**
 * Express Logon on the wire, as PCOMM plays the seed's recorded macro: a TLS client with USER1's certificate answers
 * NEW-ENVIRON with IBMELF=YES and IBMAPPLID=TSO3090 (the seed's PTKTDATA profile) and types the placeholders into the
 * logon panel; the server substitutes USER1 and a fresh PassTicket, and TSO logs USER1 on.
 */
class Tn3270ExpressLogonTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server server;
    private SSLContext clientTls;

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        tso("ADDUSER USER1 PASSWORD(user1pw)\nSETROPTS CLASSACT(PTKTDATA)\nSETROPTS RACLIST(PTKTDATA)\n"
                + "RDEFINE PTKTDATA TSO3090 SSIGNON(KEYMASKED(0123456789ABCDEF)) UACC(NONE)\nSETROPTS RACLIST(PTKTDATA) REFRESH");
        KeyDatabase kdb = TestPki.caAndServer(registry.home().hfsPath("/etc/tn3270/server.kdb"));
        TestPki.operations().createSigned(kdb, "ABC CA", "USER1 CERT", KeyType.RSA_2048, CertificateProfile.CLIENT,
                new SubjectName("USER1 CERT", null, "ABC", null, null, "US").toX500Name(), 30, List.of());
        kdb.save();
        kdb.stash(StashFile.Format.V8);
        var cert = kdb.get("USER1 CERT").certificate();
        registry.certificates().add(new DigitalCertificate("USER1", "USER1 CERT", cert.getEncoded(), false, "TRUST"), null,
                cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), clock.instant());
        Files.write(dir.resolve("user1.p12"), TestPki.operations().exportWithKey(kdb, "USER1 CERT",
                ExportFormat.BINARY_PKCS12, "pw".toCharArray()));
        clientTls = clientContext(kdb);
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure", "  Clientauth SAFCert",
                "  Keyring HFS /etc/tn3270/server.kdb", "  ExpressLogon", "EndTelnetParms");
        server = log.serve(ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0), registry);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private void tso(String stream) {
        List<String> listing = new ArrayList<>();
        int rc = new TsoProcessor().runStream(stream, new TsoSession(registry, registry.users().find("IBMUSER").orElseThrow()),
                listing::add);
        assertThat(rc).as(String.join("\n", listing)).isZero();
    }

    private SSLContext clientContext(KeyDatabase kdb) throws Exception {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(dir.resolve("user1.p12").toFile())) {
            identity.load(in, "pw".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, "pw".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", kdb.get("ABC CA").certificate());
        TrustManagerFactory trusts = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusts.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trusts.getTrustManagers(), null);
        return context;
    }

    /** Negotiates TN3270E and NEW-ENVIRON as an Express Logon client does; returns the first screen's record. */
    private byte[] negotiate(TelnetConnection client, String applid) throws Exception {
        while (true) {
            TelnetMessage m = client.next(20_000);
            assertThat(m).as("the server ended the session during negotiation").isNotNull();
            if (m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.DO) {
                client.send(new TelnetMessage.Negotiation(Telnet.WILL, n.option()));
            } else if (m instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.TN3270E) {
                if (s.data()[0] == 0x08) {
                    client.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                            concat(new byte[] {0x02, 0x07}, "IBM-3278-2-E".getBytes(StandardCharsets.US_ASCII))));
                } else if (s.data()[0] == 0x02 && s.data()[1] == 0x04) {
                    client.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x07}));
                }
            } else if (m instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.NEW_ENVIRON) {
                assertThat(s.data()).isEqualTo(concat(new byte[] {0x01, 0x03}, "IBMELF".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {0x03}, "IBMAPPLID".getBytes(StandardCharsets.US_ASCII)));
                client.send(new TelnetMessage.Subnegotiation(Telnet.NEW_ENVIRON, concat(new byte[] {0x00, 0x03},
                        "IBMELF".getBytes(StandardCharsets.US_ASCII), new byte[] {0x01}, "YES".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {0x03}, "IBMAPPLID".getBytes(StandardCharsets.US_ASCII), new byte[] {0x01},
                        applid.getBytes(StandardCharsets.US_ASCII))));
            } else if (m instanceof TelnetMessage.Record r) {
                return r.data();
            }
        }
    }

    /** Enter with the placeholders typed into the user ID (row 5, col 16) and password (row 7, col 16) fields. */
    private static TelnetMessage.Record macro() {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[5]);
        record.write(0x7D);
        record.writeBytes(BufferAddress.encode(7 * 80 + 24));
        record.write(0x11);
        record.writeBytes(BufferAddress.encode(5 * 80 + 16));
        record.writeBytes(ExpressLogon.USER_PLACEHOLDER);
        record.write(0x11);
        record.writeBytes(BufferAddress.encode(7 * 80 + 16));
        record.writeBytes(ExpressLogon.PASSWORD_PLACEHOLDER);
        return new TelnetMessage.Record(record.toByteArray());
    }

    private String screenAfterMacro(String applid) throws Exception {
        try (TelnetConnection client = new TelnetConnection(tlsSocket())) {
            String first = Ebcdic.decode(negotiate(client, applid));
            assertThat(first).contains("TSO/E LOGON").contains("USER1");
            client.send(macro());
            TelnetMessage next = client.next(20_000);
            assertThat(next).isInstanceOf(TelnetMessage.Record.class);
            return Ebcdic.decode(((TelnetMessage.Record) next).data());
        }
    }

    private SSLSocket tlsSocket() throws Exception {
        SSLSocket socket = (SSLSocket) clientTls.getSocketFactory().createSocket("localhost", server.port());
        socket.startHandshake();
        return socket;
    }

    @Test
    void theMacroLogsOnWithAPassTicketAndNoPassword() throws Exception {
        String screen = screenAfterMacro("TSO3090");
        assertThat(screen).contains("USER1 LOGON IN PROGRESS AT");
        String audit = Files.readString(registry.home().logs().resolve("audit.jsonl"));
        assertThat(audit).contains("TN3270_EXPRESS_LOGON").contains("TSO3090");
    }

    @Test
    void withoutAPassTicketProfileThePlaceholdersNeverReachTheApplication() throws Exception {
        String screen = screenAfterMacro("TSO9999");
        assertThat(screen).contains("IKJ56700A ENTER USERID").doesNotContain("LOGON IN PROGRESS");
        String audit = Files.readString(registry.home().logs().resolve("audit.jsonl"));
        assertThat(audit).contains("TN3270_EXPRESS_LOGON_FAILED").contains("TSO9999");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The same macro played by OpenCS's scriptable client, as PCOMM plays the seed's mvs098_tso.mac. */
    @Test
    void theScriptableClientPlaysTheMacro() throws Exception {
        KeyDatabase kdb = KeyDatabase.openStashed(registry.home().hfsPath("/etc/tn3270/server.kdb"), new java.security.SecureRandom());
        var ring = new org.opencs.pki.tls.KeyDatabaseRing(kdb, "USER1 CERT");
        var client = new org.opencs.tn3270.client.Tn3270Client(org.opencs.pki.tls.SystemSsl.jsseClient(ring), "TSO3090",
                Ebcdic.IBM_1047);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String script = String.join("\n", "Connect(L:localhost:" + server.port() + ")", "Wait(InputField)", "Query(Tls)",
                "Query(LuName)", "Ascii()", "Home()", "String(\")USR.ID(\")", "Tab()", "String(\")PSS.WD(\")", "Enter()", "Ascii()",
                "String(\"6\")", "Enter()", "String(\"LISTUSER\")", "Enter()", "Ascii()", "PF(3)", "Quit()", "");
        int rc = new org.opencs.tn3270.client.ScriptRunner(client, new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(new java.io.BufferedReader(new java.io.StringReader(script)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(out).isZero();
        assertThat(out).contains("data: secure host-verified").contains("data: TCP00001").contains("TSO/E LOGON")
                .contains("USER1 LOGON IN PROGRESS AT").contains("USER=USER1").doesNotContain("error");
    }
}

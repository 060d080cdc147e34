package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.tls.trace.TlsTrace;
import org.opencs.pki.tls.trace.TraceCodec;
import org.opencs.pki.tls.trace.TraceEvent;
import org.opencs.pki.tls.trace.TraceRecord;
import org.opencs.pki.tls.trace.TraceSettings;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.testkit.ExternalCommand;

/**
 * The System SSL trace (GSK_TRACE, GSK_TRACE_FILE) of the FTP server, driven by curl with a client certificate, the
 * seed's client-authentication set-up: the control connection's handshake with the client certificate and its
 * validation, and the protected data connection resuming the control connection's session.
 */
class FtpTlsTraceTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;
    private TlsTrace trace;
    private Path traceFile;

    @BeforeEach
    void setUp() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        var kdb = system.keyDatabase;
        TestPki.operations().createSigned(kdb, "ABC CA", "USER1 CERT", KeyType.RSA_2048, CertificateProfile.CLIENT,
                new SubjectName("USER1 CERT", "CS Z/OS", "IBM", null, null, "US").toX500Name(), 30, List.of());
        kdb.save();
        Files.write(dir.resolve("user1.p12"), TestPki.operations().exportWithKey(kdb, "USER1 CERT",
                ExportFormat.BINARY_PKCS12, "pw".toCharArray()));
        assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "user1.p12", "-passin", "pass:pw", "-nodes",
                "-out", "user1.pem").exitCode()).isZero();
        var cert = kdb.get("USER1 CERT").certificate();
        system.registry.certificates().add(new DigitalCertificate("USER1", "USER1 CERT", cert.getEncoded(), false,
                        "TRUST"), null, cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), system.clock.instant());
        traceFile = dir.resolve("gskssl.trc");
        trace = TlsTrace.open(new TraceSettings(traceFile, 0xff), system.clock, "FTPD");
        String ftpData = String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_LOGIN VERIFY_USER",
                "SECURE_PASSWORD REQUIRED", "SECURE_DATACONN PRIVATE", "KEYRING /etc/ftp/server.kdb",
                "STARTDIRECTORY HFS", "SECUREIMPLICITZOS FALSE");
        var config = FtpDataParser.parse(ftpData, "FTP.DATA").config();
        server = new FtpServer(config, system.registry, "127.0.0.1", 0, 0, config.dataTimeout(),
                system.registry.config().ftpLimits(), log, null, trace);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        trace.close();
        system.close();
    }

    /** Stops the server and the trace, then reads every record. */
    private List<TraceRecord> records() throws Exception {
        server.close();
        server = null;
        trace.close();
        TraceCodec.Reader reader = TraceCodec.reader(new ByteArrayInputStream(Files.readAllBytes(traceFile)));
        List<TraceRecord> records = new ArrayList<>();
        for (TraceRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    private static List<Long> connections(List<TraceRecord> records, String role) {
        return records.stream().filter(r -> r.event() == TraceEvent.CONNECTION && role.equals(r.field("role")))
                .map(TraceRecord::connection).toList();
    }

    private static List<TraceRecord> of(List<TraceRecord> records, long connection) {
        return records.stream().filter(r -> r.connection() == connection).toList();
    }

    private static TraceRecord first(List<TraceRecord> records, TraceEvent event) {
        return records.stream().filter(r -> r.event() == event).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " in " + records));
    }

    @Test
    void controlAndDataConnectionsAreTracedWithTheClientCertificateAndTheResumedSession() throws Exception {
        var curl = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem",
                "--cert", "user1.pem", "--key", "user1.pem", "--user", "USER1:user1pw",
                "ftp://127.0.0.1:" + server.port() + "/"));
        assertThat(curl.exitCode()).as(curl.all()).isZero();
        Matcher negotiated = Pattern.compile("SSL connection using (\\S+) / (\\S+)").matcher(curl.stderr());
        assertThat(negotiated.find()).as(curl.stderr()).isTrue();
        List<TraceRecord> records = records();

        List<Long> control = connections(records, "FTP control");
        assertThat(control).hasSize(1);
        List<TraceRecord> c = of(records, control.get(0));
        assertThat(c).extracting(TraceRecord::event).containsSubsequence(TraceEvent.CONNECTION,
                TraceEvent.HANDSHAKE_START, TraceEvent.CLIENT_HELLO, TraceEvent.NEGOTIATED, TraceEvent.SESSION,
                TraceEvent.CERTIFICATE_SENT, TraceEvent.CERTIFICATE_RECEIVED, TraceEvent.VALIDATION_OK,
                TraceEvent.HANDSHAKE_END, TraceEvent.CONNECTION_CLOSED);
        assertThat(first(c, TraceEvent.NEGOTIATED).field("protocol")).isEqualTo(negotiated.group(1));
        if (negotiated.group(1).equals("TLSv1.3")) { // OpenSSL names TLS 1.2 suites its own way
            assertThat(first(c, TraceEvent.NEGOTIATED).field("cipher suite")).isEqualTo(negotiated.group(2));
        }
        assertThat(first(c, TraceEvent.CERTIFICATE_RECEIVED).field("subject"))
                .isEqualTo("CN=USER1 CERT,OU=CS Z/OS,O=IBM,C=US");
        assertThat(first(c, TraceEvent.SESSION).field("session")).isEqualTo("new");

        List<Long> data = connections(records, "FTP data");
        assertThat(data).isNotEmpty();
        List<TraceRecord> d = of(records, data.get(0));
        assertThat(d).extracting(TraceRecord::event).containsSubsequence(TraceEvent.CLIENT_HELLO,
                TraceEvent.NEGOTIATED, TraceEvent.SESSION, TraceEvent.HANDSHAKE_END, TraceEvent.CONNECTION_CLOSED);
        assertThat(first(d, TraceEvent.CLIENT_HELLO).field("resumption offered")).isEqualTo("yes");
        assertThat(first(d, TraceEvent.SESSION).field("session")).isEqualTo("resumed");

        String raw = new String(Files.readAllBytes(traceFile), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("user1pw").doesNotContain("PRIVATE KEY");
        byte[] key = system.keyDatabase.privateKey("server").getEncoded();
        for (int i = 0; i + 16 <= key.length; i += 8) {
            assertThat(raw).doesNotContain(new String(key, i, 16, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void theImplicitTlsPortIsTracedToo() throws Exception {
        var curl = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--cacert", "ca.pem", "--cert", "user1.pem",
                "--key", "user1.pem", "--user", "USER1:user1pw", "ftps://127.0.0.1:" + server.tlsPort() + "/"));
        assertThat(curl.exitCode()).as(curl.all()).isZero();
        int tlsPort = server.tlsPort();
        List<TraceRecord> records = records();
        List<Long> control = connections(records, "FTP control");
        assertThat(control).hasSize(1);
        assertThat(first(of(records, control.get(0)), TraceEvent.CONNECTION).field("local"))
                .isEqualTo("127.0.0.1:" + tlsPort);
        assertThat(of(records, control.get(0))).extracting(TraceRecord::event)
                .contains(TraceEvent.NEGOTIATED, TraceEvent.VALIDATION_OK);
    }
}

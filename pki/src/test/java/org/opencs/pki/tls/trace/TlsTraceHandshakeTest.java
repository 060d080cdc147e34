package org.opencs.pki.tls.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.KeyDatabaseRing;
import org.opencs.pki.tls.KeyRing;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.testkit.ExternalCommand;

/**
 * The System SSL trace of a TLS server driven by openssl s_client: the handshake's records in order, the protocol and
 * cipher openssl printed, the client certificate and its validation, a refused protocol with its alert, the
 * GSK_TRACE mask, and nothing secret in the file (no private key, no TLS secret from openssl's key log).
 */
class TlsTraceHandshakeTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private KeyRing ring;
    private Path traceFile;

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private KeyDatabase keyDatabase() throws Exception {
        KeyDatabase db = TestPki.caAndServer(dir.resolve("server.kdb"));
        TestPki.operations().createSigned(db, "ABC CA", "user1", KeyType.RSA_2048, CertificateProfile.CLIENT,
                new SubjectName("USER1", null, "ABC", null, null, "US").toX500Name(), 30, List.of());
        db.save();
        db.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(db, "ABC CA", ExportFormat.BASE64_DER));
        Files.write(dir.resolve("user1.p12"), TestPki.operations().exportWithKey(db, "user1", ExportFormat.BINARY_PKCS12,
                "pw".toCharArray()));
        assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "user1.p12", "-passin", "pass:pw", "-nodes",
                "-out", "user1.pem").exitCode()).isZero();
        return db;
    }

    /** A traced server with {@code mask}; returns its port. */
    private int serve(ClientAuth auth, int mask) throws Exception {
        ring = new KeyDatabaseRing(SystemSsl.openKeyRing(keyDatabase().path()), null);
        SslContext context = SystemSsl.server(ring, auth);
        traceFile = dir.resolve("trace/gskssl.trc");
        TlsTrace trace = TlsTrace.open(new TraceSettings(traceFile, mask), Clock.systemUTC(), "test");
        open.add(trace);
        TracedEchoServer server = new TracedEchoServer(context, trace);
        open.add(server);
        return server.port();
    }

    private ExternalCommand.Result sClient(int port, String... extra) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", "-CAfile", "ca.pem", "-brief", "-ign_eof"));
        command.addAll(List.of(extra));
        return ExternalCommand.run(dir, "hello\n".getBytes(StandardCharsets.US_ASCII), command);
    }

    /** Stops the server and the trace (which writes everything queued), then reads the whole file. */
    private List<TraceRecord> records() throws Exception {
        stop();
        open.clear();
        return TlsTraceCodecTest.decodeAll(Files.readAllBytes(traceFile));
    }

    private static List<TraceEvent> events(List<TraceRecord> records, long connection) {
        return records.stream().filter(r -> r.connection() == connection).map(TraceRecord::event).toList();
    }

    private static TraceRecord first(List<TraceRecord> records, long connection, TraceEvent event) {
        return records.stream().filter(r -> r.connection() == connection && r.event() == event).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " for connection " + connection + " in " + records));
    }

    private static String printed(String output, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ":? *(\\S+)").matcher(output);
        assertThat(m.find()).as(label + " in " + output).isTrue();
        return m.group(1);
    }

    @Test
    void aTls13HandshakeIsTracedInOrderWithWhatOpensslNegotiated() throws Exception {
        int port = serve(ClientAuth.NONE, 0xff);
        ExternalCommand.Result client = sClient(port, "-keylogfile", "keys.log");
        assertThat(client.all()).contains("echo:hello");
        List<TraceRecord> records = records();

        assertThat(records.get(0).event()).isEqualTo(TraceEvent.TRACE_START);
        assertThat(records.get(0).field("mask")).isEqualTo("0x000000ff");
        assertThat(records.get(records.size() - 1).event()).isEqualTo(TraceEvent.TRACE_END);
        assertThat(events(records, 1)).containsExactly(TraceEvent.CONNECTION, TraceEvent.HANDSHAKE_START,
                TraceEvent.CLIENT_HELLO, TraceEvent.NEGOTIATED, TraceEvent.SESSION, TraceEvent.CERTIFICATE_SENT,
                TraceEvent.CERTIFICATE_SENT, TraceEvent.NO_PEER_CERTIFICATE, TraceEvent.HANDSHAKE_END, TraceEvent.CLOSE_NOTIFY_SENT,
                TraceEvent.CONNECTION_CLOSED);
        assertThat(first(records, 1, TraceEvent.CONNECTION).field("peer")).startsWith("127.0.0.1:");
        assertThat(first(records, 1, TraceEvent.CONNECTION).field("local")).isEqualTo("127.0.0.1:" + port);
        TraceRecord hello = first(records, 1, TraceEvent.CLIENT_HELLO);
        assertThat(hello.field("versions")).contains("TLSv1.3");
        assertThat(hello.field("server name")).isEqualTo("localhost");
        assertThat(hello.field("cipher suites")).contains("1302 TLS_AES_256_GCM_SHA384");
        TraceRecord negotiated = first(records, 1, TraceEvent.NEGOTIATED);
        assertThat(negotiated.field("protocol")).isEqualTo(printed(client.all(), "Protocol version"));
        assertThat(negotiated.field("cipher suite")).isEqualTo(printed(client.all(), "Ciphersuite"));
        assertThat(first(records, 1, TraceEvent.SESSION).field("session")).isEqualTo("new");
        // The server's certificate, then its CA's: the chain in the key database.
        TraceRecord sent = first(records, 1, TraceEvent.CERTIFICATE_SENT);
        assertThat(sent.field("certificate")).isEqualTo("1 of 2");
        assertThat(sent.field("subject")).contains("CN=");
        assertThat(sent.field("issuer")).isNotBlank();
        assertThat(sent.field("serial")).matches("[0-9A-F]+");
        assertThat(sent.field("valid to")).endsWith("UTC");
        assertNothingSecret(Files.readAllBytes(dir.resolve("keys.log")));
    }

    @Test
    void aClientCertificateIsTracedWithItsValidation() throws Exception {
        int port = serve(ClientAuth.REQUIRE, 0xff);
        ExternalCommand.Result client = sClient(port, "-cert", "user1.pem", "-key", "user1.pem", "-keylogfile", "keys.log");
        assertThat(client.all()).contains("echo:hello");
        List<TraceRecord> records = records();
        TraceRecord received = first(records, 1, TraceEvent.CERTIFICATE_RECEIVED);
        assertThat(received.field("subject")).isEqualTo("CN=USER1,O=ABC,C=US");
        assertThat(received.field("certificate")).isEqualTo("1 of 2"); // openssl sends the chain from user1.pem
        assertThat(first(records, 1, TraceEvent.VALIDATION_OK).field("subject")).isEqualTo("CN=USER1,O=ABC,C=US");
        assertThat(events(records, 1)).doesNotContain(TraceEvent.NO_PEER_CERTIFICATE, TraceEvent.HANDSHAKE_FAILED);
        assertNothingSecret(Files.readAllBytes(dir.resolve("keys.log")));
        String pem = Files.readString(dir.resolve("user1.pem"));
        String clientKey = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"));
        byte[] der = java.util.Base64.getMimeDecoder().decode(clientKey.strip());
        assertNoWindowOf(der, Files.readAllBytes(traceFile));
    }

    @Test
    void anUntrustedClientCertificateIsAValidationFailureWithItsReason() throws Exception {
        int port = serve(ClientAuth.REQUIRE, 0xff);
        assertThat(ExternalCommand.run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=STRANGER", "-keyout", "stranger.pem", "-out", "stranger.pem").exitCode()).isZero();
        ExternalCommand.Result client = sClient(port, "-cert", "stranger.pem", "-key", "stranger.pem");
        assertThat(client.all()).doesNotContain("echo:hello");
        List<TraceRecord> records = records();
        assertThat(events(records, 1)).containsSubsequence(TraceEvent.CLIENT_HELLO, TraceEvent.VALIDATION_FAILED,
                TraceEvent.HANDSHAKE_FAILED, TraceEvent.HANDSHAKE_END);
        assertThat(first(records, 1, TraceEvent.VALIDATION_FAILED).field("reason")).isNotBlank()
                .doesNotContain("java.", "Exception");
        assertThat(first(records, 1, TraceEvent.HANDSHAKE_END).field("status")).isEqualTo("handshake failed");
    }

    @Test
    void aRefusedProtocolIsTracedWithTheAlertSent() throws Exception {
        int port = serve(ClientAuth.NONE, 0xff);
        ExternalCommand.Result client = sClient(port, "-tls1_1", "-cipher", "ALL:@SECLEVEL=0");
        assertThat(client.exitCode()).isNotZero();
        List<TraceRecord> records = records();
        assertThat(first(records, 1, TraceEvent.CLIENT_HELLO).field("versions")).isEqualTo("TLSv1.1");
        TraceRecord alert = first(records, 1, TraceEvent.ALERT_SENT);
        assertThat(alert.field("level")).isEqualTo("fatal");
        assertThat(alert.field("description")).isEqualTo("protocol_version (70)");
        assertThat(first(records, 1, TraceEvent.HANDSHAKE_FAILED).field("cause")).isNotBlank()
                .doesNotContain("Exception");
        assertThat(events(records, 1)).containsSubsequence(TraceEvent.HANDSHAKE_START, TraceEvent.CLIENT_HELLO,
                TraceEvent.HANDSHAKE_FAILED, TraceEvent.HANDSHAKE_END, TraceEvent.CONNECTION_CLOSED);
        assertThat(events(records, 1)).doesNotContain(TraceEvent.NEGOTIATED, TraceEvent.CLOSE_NOTIFY_SENT);
    }

    @Test
    void theMaskSelectsTheRecords() throws Exception {
        int port = serve(ClientAuth.NONE, TraceCategory.ERROR.bit());
        assertThat(sClient(port).all()).contains("echo:hello");
        assertThat(sClient(port, "-tls1_1", "-cipher", "ALL:@SECLEVEL=0").exitCode()).isNotZero();
        List<TraceRecord> records = records();
        assertThat(records.stream().filter(r -> r.connection() != 0).map(r -> r.event().category()).distinct())
                .containsExactly(TraceCategory.ERROR);
        assertThat(events(records, 1)).isEmpty();
        assertThat(events(records, 2)).contains(TraceEvent.HANDSHAKE_FAILED, TraceEvent.ALERT_SENT);
    }

    @Test
    void theFormattedTraceReadsLikeZosGsktrace() throws Exception {
        int port = serve(ClientAuth.NONE, 0xffff);
        assertThat(sClient(port).all()).contains("echo:hello");
        records();
        StringBuilder out = new StringBuilder();
        GskTraceFormatter.Summary summary;
        try (InputStream in = Files.newInputStream(traceFile)) {
            summary = GskTraceFormatter.format(in, ZoneOffset.UTC, out);
        }
        assertThat(summary.problem()).isNull();
        assertThat(summary.records()).isGreaterThan(10);
        String text = out.toString();
        assertThat(text).containsPattern("(?m)^\\d\\d/\\d\\d/\\d{4}-\\d\\d:\\d\\d:\\d\\d\\.\\d{3} Thd-\\d+ INFO "
                + "gsk_environment_open\\(\\): System SSL trace started$");
        assertThat(text).containsPattern("(?m) Thd-\\d+ ENTRY gsk_secure_socket_init\\(\\): Conn 1: ---> Entry$")
                .containsPattern("(?m) Thd-\\d+ INFO read_v3_client_hello\\(\\): Conn 1: Received CLIENT-HELLO message$")
                .containsPattern("(?m)^    server name: localhost$")
                .containsPattern("(?m)^    protocol: TLSv1.3$")
                .containsPattern("(?m) Thd-\\d+ EXIT gsk_secure_socket_init\\(\\): Conn 1: <--- Exit$");
        assertNothingSecret(new byte[0]);
        assertThat(text).doesNotContain("PRIVATE KEY");
    }

    @Test
    void controlCharactersFromThePeerCannotMakeLinesOfTheirOwn() {
        TraceRecord record = new TraceRecord(0, 1, 2, TraceEvent.CLIENT_HELLO,
                List.of(new TraceRecord.Field("server name", "evil\n01/01/2025-00:00:00.000 Thd-1 INFO x(): forged\u0085")));
        assertThat(GskTraceFormatter.line(record, ZoneOffset.UTC).lines()).hasSize(2);
        assertThat(GskTraceFormatter.line(record, ZoneOffset.UTC)).contains("evil\\x0A01/01/2025").contains("forged\\x85");
    }

    /** The raw file holds no byte window of the server's private key, no PEM key, and no secret from {@code keyLog}. */
    private void assertNothingSecret(byte[] keyLog) throws Exception {
        byte[] raw = Files.readAllBytes(traceFile);
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("PRIVATE KEY").doesNotContain("BEGIN");
        assertNoWindowOf(ring.identityKey().getEncoded(), raw);
        for (String line : new String(keyLog, StandardCharsets.US_ASCII).split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3) {
                byte[] secret = HexFormat.of().parseHex(parts[2]);
                assertNoWindowOf(secret, raw);
                assertThat(text.toLowerCase()).doesNotContain(parts[2].toLowerCase());
            }
        }
    }

    /** No 16-byte window of {@code secret} appears in {@code file}. */
    private static void assertNoWindowOf(byte[] secret, byte[] file) {
        assertThat(secret.length).isGreaterThanOrEqualTo(16);
        String haystack = new String(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 16 <= secret.length; i += 8) {
            String window = new String(secret, i, 16, StandardCharsets.ISO_8859_1);
            assertThat(haystack.contains(window)).as("secret bytes at " + i).isFalse();
        }
    }
}

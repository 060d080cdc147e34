package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.tls.CipherSuiteProbe;
import org.opencs.pki.tls.trace.TlsTrace;
import org.opencs.pki.tls.trace.TraceCodec;
import org.opencs.pki.tls.trace.TraceEvent;
import org.opencs.pki.tls.trace.TraceRecord;
import org.opencs.pki.tls.trace.TraceSettings;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.config.VtamConfig;

/**
 * The System SSL trace (GSK_TRACE, GSK_TRACE_FILE) of the TN3270E server: openssl s_client's direct handshake on a
 * CONNTYPE SECURE port in order, with what openssl printed; TLS 1.1 refused with its alert; s3270's START_TLS on a
 * NEGTSECURE port.
 */
class Tn3270TlsTraceTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private TlsTrace trace;
    private Path traceFile;
    private final List<Tn3270Server> servers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        registry = TestHost.open(dir, clock);
        traceFile = dir.resolve("gskssl.trc");
        trace = TlsTrace.open(new TraceSettings(traceFile, 0xff), clock, "TN3270E");
    }

    @AfterEach
    void stop() {
        servers.forEach(Tn3270Server::close);
        servers.clear();
        trace.close(); // closing again does nothing
        registry.close();
    }

    private Tn3270Server serve(String connType) throws InterruptedException {
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype " + connType,
                "  Clientauth none", "  Keyring HFS /etc/tn3270/server.kdb", "  Inactive 0", "EndTelnetParms");
        TelnetPort port = ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0);
        Tn3270Server server = new Tn3270Server(port, org.opencs.tn3270.apps.HostServices.of(registry), "127.0.0.1", 0,
                new Vtam(VtamConfig.defaultAppl("TSO"), registry.config().tn3270Limits()), log, trace);
        servers.add(server);
        return server;
    }

    /** Stops the servers and the trace, then reads every record. */
    private List<TraceRecord> records() throws Exception {
        servers.forEach(Tn3270Server::close);
        servers.clear();
        trace.close();
        TraceCodec.Reader reader = TraceCodec.reader(new ByteArrayInputStream(Files.readAllBytes(traceFile)));
        List<TraceRecord> records = new ArrayList<>();
        for (TraceRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    private static List<TraceRecord> of(List<TraceRecord> records, long connection) {
        return records.stream().filter(r -> r.connection() == connection).toList();
    }

    private static TraceRecord first(List<TraceRecord> records, TraceEvent event) {
        return records.stream().filter(r -> r.event() == event).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " in " + records));
    }

    private static String printed(String output, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ": *(\\S+)").matcher(output);
        assertThat(m.find()).as(label + " in " + output).isTrue();
        return m.group(1);
    }

    @Test
    void opensslsDirectHandshakeOnASecurePortIsTracedInOrder() throws Exception {
        Tn3270Server server = serve("secure");
        String client = CipherSuiteProbe.handshake(dir, server.port(), List.of("-CAfile", "ca.pem", "-servername",
                "localhost"));
        assertThat(client).contains("Verification: OK");
        int port = server.port();
        List<TraceRecord> c = of(records(), 1);
        assertThat(c).extracting(TraceRecord::event).containsSubsequence(TraceEvent.CONNECTION,
                TraceEvent.HANDSHAKE_START, TraceEvent.CLIENT_HELLO, TraceEvent.NEGOTIATED, TraceEvent.SESSION,
                TraceEvent.CERTIFICATE_SENT, TraceEvent.NO_PEER_CERTIFICATE, TraceEvent.HANDSHAKE_END,
                TraceEvent.CLOSE_NOTIFY_RECEIVED, TraceEvent.CONNECTION_CLOSED);
        assertThat(first(c, TraceEvent.CONNECTION).field("role")).isEqualTo("TN3270");
        assertThat(first(c, TraceEvent.CONNECTION).field("local")).isEqualTo("127.0.0.1:" + port);
        assertThat(first(c, TraceEvent.CLIENT_HELLO).field("server name")).isEqualTo("localhost");
        assertThat(first(c, TraceEvent.NEGOTIATED).field("protocol")).isEqualTo(printed(client, "Protocol version"));
        assertThat(first(c, TraceEvent.NEGOTIATED).field("cipher suite")).isEqualTo(printed(client, "Ciphersuite"));
        assertThat(first(c, TraceEvent.CERTIFICATE_SENT).field("subject")).startsWith("CN=localhost");
    }

    @Test
    void aRefusedProtocolIsTracedWithItsAlert() throws Exception {
        Tn3270Server server = serve("secure");
        String client = CipherSuiteProbe.handshake(dir, server.port(), List.of("-tls1_1", "-cipher", "ALL:@SECLEVEL=0"));
        assertThat(client).doesNotContain("Ciphersuite:");
        List<TraceRecord> c = of(records(), 1);
        assertThat(c).extracting(TraceRecord::event).containsSubsequence(TraceEvent.CLIENT_HELLO,
                TraceEvent.HANDSHAKE_FAILED, TraceEvent.HANDSHAKE_END).doesNotContain(TraceEvent.NEGOTIATED);
        assertThat(first(c, TraceEvent.CLIENT_HELLO).field("versions")).isEqualTo("TLSv1.1");
        assertThat(first(c, TraceEvent.ALERT_SENT).field("description")).isEqualTo("protocol_version (70)");
        assertThat(first(c, TraceEvent.HANDSHAKE_FAILED).field("cause")).isNotBlank();
    }

    @Test
    void s3270sStartTlsIsTraced() throws Exception {
        Tn3270Server server = serve("negtsecure");
        var s3270 = ExternalCommand.run(dir, ("Connect(localhost:" + server.port() + ")\nWait(20,InputField)\n"
                + "Query(Tls)\nQuit()\n").getBytes(StandardCharsets.US_ASCII), List.of("timeout", "60", "s3270",
                "-cafile", dir.resolve("ca.pem").toString(), "-model", "3278-2"));
        assertThat(s3270.all()).contains("data: secure host-verified");
        List<TraceRecord> c = of(records(), 1);
        assertThat(first(c, TraceEvent.CONNECTION).field("role")).isEqualTo("TN3270 START_TLS");
        assertThat(c).extracting(TraceRecord::event).containsSubsequence(TraceEvent.CLIENT_HELLO,
                TraceEvent.NEGOTIATED, TraceEvent.HANDSHAKE_END, TraceEvent.CONNECTION_CLOSED);
    }
}

package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.passticket.PassTicketKey;
import org.opencs.saf.passticket.PassTickets;
import org.opencs.testkit.ExternalCommand;

/**
 * Express Logon end to end on the real web server: curl logs on at /login/certificate with USER1's client
 * certificate, then a Java WebSocket client (java.net.http, with the session cookie, the page's CSRF token and the
 * server's own Origin, as the page's script connects) opens /terminal/ws. The TN3270E server's TSO/E logon panel is
 * filled by the web server and the primary menu arrives, with no PassTicket in any WebSocket message: the messages
 * are read here whole, as the page would get them ({@link WebExpressLogonBrowserTest} does the same in Chromium).
 */
class WebExpressLogonSocketTest {
    private static final String KEY = "0123456789ABCDEF";

    @TempDir
    Path dir;

    @Test
    void aCertificateLogonReachesTsoWithoutAPasswordAndThePassTicketNeverReachesTheSocket() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir)) {
            Terminal terminal = certificateTerminal(system);
            WebSocket socket = terminal.socket();
            List<String> messages = terminal.messages();
            try {
                waitFor(messages, "OpenCS Primary Option Menu");
            } finally {
                socket.abort();
            }
            String all = String.join("\n", messages);
            String applid = terminal.applid();
            assertThat(all).contains("OCSW070I Express Logon: USER1 is logged on to " + applid);
            PassTicketKey key = PassTicketKey.legacy(KEY, true);
            long now = system.clock.instant().getEpochSecond();
            Matcher words = Pattern.compile("[A-Za-z0-9]{8}").matcher(all);
            int checked = 0;
            while (words.find()) {
                checked++;
                assertThat(PassTickets.evaluate(key, "USER1", applid, words.group(), now))
                        .as("a PassTicket went over the WebSocket: %s", words.group()).isEmpty();
            }
            assertThat(checked).isPositive();
            assertThat(system.audit()).containsPattern("\"type\":\"WEB_LOGON\".*\"method\":\"CERTIFICATE\"")
                    .containsPattern("\"type\":\"WEB_EXPRESS_LOGON\".*\"user\":\"USER1\".*\"result\":\"PASSTICKET\"");
        }
    }

    /**
     * A web terminal whose user is revoked while it runs ends at the next key: USER1's certificate session reaches the
     * primary menu, USER1 is revoked (as ADMIN1's console would), the next Enter closes the WebSocket (the key never
     * reaches the host) and the web session ends with WEB_LOGOFF reason REVOKED.
     */
    @Test
    void aRevokedUsersTerminalEndsAtTheNextKey() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir)) {
            Terminal terminal = certificateTerminal(system);
            WebSocket socket = terminal.socket();
            List<String> messages = terminal.messages();
            Collector collector = terminal.collector();
            WebServer server = terminal.server();
            String session = terminal.session();
            try {
                waitFor(messages, "OpenCS Primary Option Menu");
                var users = system.registry.users();
                users.update(users.find("USER1").orElseThrow().withRevoked(true));
                socket.sendText("{\"aid\":\"ENTER\",\"cursor\":0,\"fields\":[]}", true).get();
                collector.closed.get(20, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                socket.abort();
            }
            assertThat(system.audit()).containsPattern("\"type\":\"WEB_LOGOFF\".*\"user\":\"USER1\".*"
                    + "\"reason\":\"REVOKED\"");
            assertThat(server.sessions().find(session)).isEmpty();
        }
    }

    /** A web terminal of USER1's certificate session, its WebSocket open and collecting messages. */
    private record Terminal(WebServer server, String session, String applid, WebSocket socket, List<String> messages,
                            Collector collector) {
    }

    /**
     * USER1 with a client certificate and a PTKTDATA profile for TSO + SMFID: curl logs on at /login/certificate and
     * fetches /terminal (its CSRF token); a java.net.http WebSocket then opens /terminal/ws with the session cookie.
     */
    private Terminal certificateTerminal(WebTestSystem system) throws Exception {
        system.user("USER1");
        system.clientCertificate("USER1 CERT", "USER1", "user1");
        String applid = system.registry.config().tsoApplication();
        system.passTicketProfile(applid, KEY, true);
        WebServer server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0),
                system.tn3270(applid));
        String base = "https://127.0.0.1:" + server.port();

        var form = curl("user1", base + "/login");
        var logon = curl("user1", "-H", "Cookie: OCSLOGIN=" + value(form.stdout(),
                "(?im)^set-cookie: OCSLOGIN=([^;\\r\\n]*)"), "--data-urlencode", "csrf=" + value(form.stdout(),
                "name=\"csrf\" value=\"([A-Za-z0-9_-]+)\""), base + "/login/certificate");
        String session = value(logon.stdout(), "(?im)^set-cookie: OCSSESSION=([^;\\r\\n]*)");
        var page = curl(null, "-H", "Cookie: OCSSESSION=" + session, base + "/terminal");
        String csrf = value(page.stdout(), "name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

        List<String> messages = new CopyOnWriteArrayList<>();
        Collector collector = new Collector(messages);
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(system.caFile)).build();
        WebSocket socket = http.newWebSocketBuilder().header("Cookie", "OCSSESSION=" + session)
                .header("Origin", base).connectTimeout(Duration.ofSeconds(20))
                .buildAsync(URI.create("wss://127.0.0.1:" + server.port() + TerminalSocket.PATH + "?csrf=" + csrf),
                        collector).get();
        return new Terminal(server, session, applid, socket, messages, collector);
    }

    /** Text frames, whole messages only. */
    private static final class Collector implements WebSocket.Listener {
        private final List<String> messages;
        private final StringBuilder part = new StringBuilder();
        final java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();

        Collector(List<String> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                messages.add(part.toString());
                part.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1); // the connection closed without a close frame
        }
    }

    private static void waitFor(List<String> messages, String text) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (messages.stream().anyMatch(m -> m.contains(text))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no WebSocket message with " + text + "; " + messages.size() + " messages, the last: "
                + (messages.isEmpty() ? "" : messages.get(messages.size() - 1)));
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private ExternalCommand.Result curl(String pem, String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-D", "-", "--cacert", "ca.pem"));
        if (pem != null) {
            command.addAll(List.of("--cert", pem + ".pem", "--key", pem + ".pem"));
        }
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    private static String value(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}

package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/**
 * The terminal's WebSocket upgrade on the real server, with curl: without a session, without the session's CSRF
 * token or from another Origin it is refused (403, and no TN3270E session is opened: no WEB_TERMINAL record); with
 * all three the server switches protocols and opens the session, audited with the web user.
 */
class TerminalUpgradeCurlTest {
    @TempDir
    Path dir;

    @Test
    void upgradeNeedsSessionTokenAndOwnOrigin() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir)) {
            system.user("USER1");
            WebServer server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0), system.tn3270());
            String base = "https://127.0.0.1:" + server.port();
            var form = curl(base + "/login");
            String loginCookie = value(form.stdout(), "(?im)^set-cookie: OCSLOGIN=([^;\\r\\n]*)");
            var logon = curl("-H", "Cookie: OCSLOGIN=" + loginCookie, "--data-urlencode",
                    "csrf=" + value(form.stdout(), "name=\"csrf\" value=\"([A-Za-z0-9_-]+)\""), "--data-urlencode",
                    "userid=user1", "--data-urlencode", "password=user1pw", base + "/login");
            String session = value(logon.stdout(), "(?im)^set-cookie: OCSSESSION=([^;\\r\\n]*)");
            var page = curl("-H", "Cookie: OCSSESSION=" + session, base + "/terminal");
            assertThat(page.stdout()).startsWith("HTTP/1.1 200").contains("/assets/terminal.js")
                    .doesNotContain("<script>");
            String csrf = value(page.stdout(), "name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");
            String ws = base + TerminalSocket.PATH;

            assertThat(upgrade(ws + "?csrf=" + csrf, null, base).stdout()).startsWith("HTTP/1.1 403").contains("OCSW035E");
            assertThat(upgrade(ws, session, base).stdout()).startsWith("HTTP/1.1 403").contains("OCSW010E");
            assertThat(upgrade(ws + "?csrf=x" + csrf, session, base).stdout()).startsWith("HTTP/1.1 403");
            assertThat(upgrade(ws + "?csrf=" + csrf, session, "https://evil.example").stdout())
                    .startsWith("HTTP/1.1 403").contains("OCSW036E");
            assertThat(upgrade(ws + "?csrf=" + csrf + "&model=7", session, base).stdout())
                    .startsWith("HTTP/1.1 403").contains("OCSW039E The terminal model 7 is not valid");
            assertThat(system.audit()).doesNotContain("WEB_TERMINAL");
            // the page: a model 4 is offered and chosen; a bad model is named and the page does not connect
            assertThat(curl("-H", "Cookie: OCSSESSION=" + session, base + "/terminal?model=4").stdout())
                    .contains("data-available=\"yes\" data-model=\"4\"").contains("<option value=\"5\">");
            assertThat(curl("-H", "Cookie: OCSSESSION=" + session, base + "/terminal?model=x").stdout())
                    .contains("data-available=\"no\"").contains("OCSW039E The terminal model x is not valid");

            assertThat(upgrade(ws + "?csrf=" + csrf, session, base).stdout()).startsWith("HTTP/1.1 101");
            for (int i = 0; i < 100 && !system.audit().contains("\"type\":\"WEB_TERMINAL\""); i++) {
                Thread.sleep(100);
            }
            assertThat(system.audit()).containsPattern("\"type\":\"WEB_TERMINAL\".*\"user\":\"USER1\".*\"lu\":\"TCP\\d+\"");
        }
    }

    private ExternalCommand.Result curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-D", "-", "--cacert", "ca.pem"));
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    /** A WebSocket upgrade request (curl gives up after 3 seconds on a connection that switched protocols). */
    private ExternalCommand.Result upgrade(String url, String session, String origin) {
        List<String> args = new ArrayList<>(List.of("--http1.1", "--max-time", "3", "-H", "Connection: Upgrade", "-H",
                "Upgrade: websocket", "-H", "Sec-WebSocket-Version: 13", "-H",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "-H", "Origin: " + origin));
        if (session != null) {
            args.addAll(List.of("-H", "Cookie: OCSSESSION=" + session));
        }
        args.add(url);
        return curl(args.toArray(String[]::new));
    }

    private static String value(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in\n" + text).isTrue();
        return m.group(1);
    }
}

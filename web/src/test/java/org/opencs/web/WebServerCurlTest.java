package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencs.web.Curl.cookie;
import static org.opencs.web.Curl.csrf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/**
 * The web server with curl over TLS on loopback: redirects to /login, the security headers, the cookie flags, logon
 * through the registry (ICH408I on a bad password, audited), CSRF refusal that changes nothing, and logout.
 */
class WebServerCurlTest {
    @TempDir
    Path dir;

    private WebTestSystem system;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        system = new WebTestSystem(dir);
        system.user("USER1");
        server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0));
    }

    @AfterEach
    void stop() {
        system.close();
    }

    private ExternalCommand.Result curl(String... args) {
        return Curl.run(dir, args);
    }

    private String url(String path) {
        return Curl.url(server.port(), path);
    }

    /** Logs USER1 on; the session cookie. */
    private String logon() {
        var form = curl(url("/login"));
        String loginCookie = cookie(form.stdout(), "OCSLOGIN");
        var logon = curl("-H", "Cookie: OCSLOGIN=" + loginCookie, "--data-urlencode", "csrf=" + csrf(form.stdout()),
                "--data-urlencode", "userid=user1", "--data-urlencode", "password=user1pw", url("/login"));
        assertThat(logon.stdout()).startsWith("HTTP/1.1 303").containsIgnoringCase("location: /");
        return cookie(logon.stdout(), "OCSSESSION");
    }

    @Test
    void everyPageButLoginLeadsToLoginWithTheSecurityHeaders() {
        for (String path : List.of("/", "/terminal", "/api/whoami", "/nothing", "/assets/../pages/console.html")) {
            var r = curl(url(path));
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.stdout()).as(path).startsWith("HTTP/1.1 303").containsIgnoringCase("location: /login\r\n");
        }
        var login = curl(url("/login"));
        assertThat(login.stdout()).startsWith("HTTP/1.1 200")
                .containsIgnoringCase("content-security-policy: default-src 'self'; script-src 'self'; object-src 'none'; "
                        + "frame-ancestors 'none'; base-uri 'none'\r\n")
                .containsIgnoringCase("x-content-type-options: nosniff")
                .containsIgnoringCase("referrer-policy: no-referrer")
                .containsIgnoringCase("cache-control: no-store")
                .contains("<form method=\"post\" action=\"/login\"").contains("name=\"userid\"").contains("name=\"password\"")
                .doesNotContain("<script>").doesNotContainIgnoringCase(" onclick=");
        assertThat(login.stdout()).containsPattern("(?i)set-cookie: OCSLOGIN=[A-Za-z0-9_-]{43}; Path=/; Secure; HTTPOnly; SameSite=Strict");
        var css = curl(url("/assets/style.css"));
        assertThat(css.stdout()).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/css")
                .containsIgnoringCase("x-content-type-options: nosniff");
        assertThat(curl(url("/assets/nothing.js")).stdout()).startsWith("HTTP/1.1 404");
    }

    @Test
    void logonSessionCsrfAndLogout() throws Exception {
        var bad = curl(url("/login"));
        String token = csrf(bad.stdout());
        var refused = curl("-H", "Cookie: OCSLOGIN=" + cookie(bad.stdout(), "OCSLOGIN"), "--data-urlencode", "csrf=" + token,
                "--data-urlencode", "userid=USER1", "--data-urlencode", "password=wrong", url("/login"));
        assertThat(refused.stdout()).startsWith("HTTP/1.1 401")
                .contains("ICH408I USER(USER1) LOGON/JOB INITIATION - INVALID PASSWORD")
                .doesNotContainIgnoringCase("set-cookie: OCSSESSION");
        assertThat(system.audit()).contains("\"type\":\"LOGON_FAILURE\"").contains("\"client\":\"127.0.0.1\"")
                .contains("\"application\":\"OCSWEB\"");
        assertThat(system.registry.users().find("USER1").orElseThrow().failedLogons()).isEqualTo(1);

        String session = logon();
        assertThat(curl(url("/login")).stdout()).containsPattern(
                "(?i)set-cookie: OCSLOGIN=[^;]+; Path=/; Secure; HTTPOnly; SameSite=Strict");
        var console = curl("-H", "Cookie: OCSSESSION=" + session, url("/"));
        assertThat(console.stdout()).startsWith("HTTP/1.1 200").containsIgnoringCase("cache-control: no-store")
                .contains("Logged on as <strong id=\"userid\">USER1</strong>");
        assertThat(system.audit()).contains("\"type\":\"WEB_LOGON\"").contains("\"user\":\"USER1\"");
        var whoami = curl("-H", "Cookie: OCSSESSION=" + session, url("/api/whoami"));
        assertThat(whoami.stdout()).containsIgnoringCase("content-type: application/json")
                .contains("\"userid\":\"USER1\"").contains("\"client\":\"127.0.0.1\"").contains("\"idleTimeoutMinutes\":15");

        // Logout without the CSRF token (or with another) changes nothing.
        var noToken = curl("-H", "Cookie: OCSSESSION=" + session, "-X", "POST", url("/logout"));
        assertThat(noToken.stdout()).startsWith("HTTP/1.1 403").contains("OCSW010E");
        var wrongToken = curl("-H", "Cookie: OCSSESSION=" + session, "-H", "X-CSRF-Token: " + token, "-X", "POST",
                url("/logout"));
        assertThat(wrongToken.stdout()).startsWith("HTTP/1.1 403");
        assertThat(curl("-H", "Cookie: OCSSESSION=" + session, url("/terminal")).stdout()).startsWith("HTTP/1.1 200");
        assertThat(system.audit()).doesNotContain("WEB_LOGOFF");

        String csrf = csrf(console.stdout());
        var logout = curl("-H", "Cookie: OCSSESSION=" + session, "-H", "X-CSRF-Token: " + csrf, "-X", "POST", url("/logout"));
        assertThat(logout.stdout()).startsWith("HTTP/1.1 303").containsIgnoringCase("location: /login\r\n")
                .containsPattern("(?i)set-cookie: OCSSESSION=; Max-Age=0");
        assertThat(curl("-H", "Cookie: OCSSESSION=" + session, url("/")).stdout()).startsWith("HTTP/1.1 303");
        assertThat(system.audit()).contains("\"type\":\"WEB_LOGOFF\"").contains("\"reason\":\"LOGOUT\"");
    }

    @Test
    void loginWithoutItsTokenChangesNothingAndUserTextIsEscaped() throws Exception {
        var noToken = curl("--data-urlencode", "userid=USER1", "--data-urlencode", "password=user1pw", url("/login"));
        assertThat(noToken.stdout()).startsWith("HTTP/1.1 403").doesNotContainIgnoringCase("set-cookie: OCSSESSION");
        assertThat(system.audit()).doesNotContain("WEB_LOGON");

        var form = curl(url("/login"));
        var script = curl("-H", "Cookie: OCSLOGIN=" + cookie(form.stdout(), "OCSLOGIN"), "--data-urlencode",
                "csrf=" + csrf(form.stdout()), "--data-urlencode", "userid=<script>", "--data-urlencode",
                "password=x", url("/login"));
        assertThat(script.stdout()).startsWith("HTTP/1.1 401").doesNotContain("<script>")
                .contains("value=\"&lt;script&gt;\"").contains("USER(&lt;SCRIPT&gt;)");
    }

    /** GET /login, then POST it with these fields (name=value) and the form's token. */
    private ExternalCommand.Result post(String... fields) {
        var form = curl(url("/login"));
        List<String> args = new ArrayList<>(List.of("-H", "Cookie: OCSLOGIN=" + cookie(form.stdout(), "OCSLOGIN"),
                "--data-urlencode", "csrf=" + csrf(form.stdout())));
        for (String field : fields) {
            args.addAll(List.of("--data-urlencode", field));
        }
        args.add(url("/login"));
        return curl(args.toArray(new String[0]));
    }

    /** An expired password is changed on the form, as at the TSO/E logon panel (RACF's password rules apply). */
    @Test
    void anExpiredPasswordIsChangedOnTheForm() throws Exception {
        system.user("USER2", true);
        assertThat(post("userid=USER2", "password=user2pw").stdout()).startsWith("HTTP/1.1 401")
                .contains("ICH408I USER(USER2) LOGON/JOB INITIATION - PASSWORD HAS EXPIRED: enter a new password too.");
        assertThat(post("userid=USER2", "password=user2pw", "newpassword=ab").stdout()).startsWith("HTTP/1.1 401")
                .contains("ICH08002I");
        assertThat(post("userid=USER2", "password=user2pw", "newpassword=Fresh123").stdout())
                .startsWith("HTTP/1.1 303").containsIgnoringCase("set-cookie: OCSSESSION=");
        assertThat(post("userid=USER2", "password=user2pw").stdout()).startsWith("HTTP/1.1 401")
                .contains("INVALID PASSWORD");
        assertThat(post("userid=USER2", "password=Fresh123").stdout()).startsWith("HTTP/1.1 303");
    }

    /** The session ends after web.idle.timeout minutes without a request (the registry's clock), audited. */
    @Test
    void anIdleSessionEnds() throws Exception {
        String session = logon();
        system.clock.advanceSeconds(14 * 60);
        assertThat(curl("-H", "Cookie: OCSSESSION=" + session, url("/")).stdout()).startsWith("HTTP/1.1 200");
        system.clock.advanceSeconds(15 * 60 + 1);
        var idle = curl("-H", "Cookie: OCSSESSION=" + session, url("/"));
        assertThat(idle.stdout()).startsWith("HTTP/1.1 303").containsIgnoringCase("location: /login\r\n");
        assertThat(system.audit()).contains("\"type\":\"WEB_LOGOFF\"").contains("\"reason\":\"IDLE_TIMEOUT\"");
    }

    @Test
    void aBodyOverTheLimitIs413WithTheHeaders() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("big.txt"), "userid=USER1&password=" + "x".repeat(WebServer.MAX_BODY));
        var big = curl("-H", "Content-Type: application/x-www-form-urlencoded", "--data-binary", "@big.txt",
                url("/login"));
        assertThat(big.stdout()).startsWith("HTTP/1.1 413")
                .containsIgnoringCase("content-security-policy: default-src 'self'");
        assertThat(system.audit()).doesNotContain("LOGON_FAILURE");
    }

    @Test
    void onlyTls12And13() {
        var old = ExternalCommand.run(dir, "curl", "-sS", "--cacert", "ca.pem", "--tlsv1.1", "--tls-max", "1.1",
                url("/login"));
        assertThat(old.exitCode()).isNotZero();
        var tls13 = ExternalCommand.run(dir, "curl", "-sS", "-v", "--cacert", "ca.pem", "--tlsv1.3", url("/login"));
        assertThat(tls13.exitCode()).as(tls13.all()).isZero();
        assertThat(tls13.stderr()).contains("TLSv1.3");
    }
}

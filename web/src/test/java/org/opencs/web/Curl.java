package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencs.testkit.ExternalCommand;

/**
 * curl against a test web server on loopback, as the web module's curl tests drive it: response headers on standard
 * output before the body ({@code -D -}), the test CA ({@code ca.pem} in {@code dir}) trusted, and the pieces of a
 * response those tests read (a Set-Cookie value, the logon form's CSRF token).
 */
final class Curl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Curl() {
    }

    /** A logged-on browser: its session cookie and the CSRF token the console page carries. */
    record Browser(String session, String csrf) {
    }

    /**
     * The logon form as a browser posts it (the OCSLOGIN cookie and the form's token) for {@code userid} with the test
     * systems' password rule (the user ID in lower case + {@code pw}); the response as it came.
     */
    static ExternalCommand.Result postLogon(Path dir, int port, String userid) {
        var form = run(dir, url(port, "/login"));
        return run(dir, "-H", "Cookie: OCSLOGIN=" + cookie(form.stdout(), "OCSLOGIN"), "--data-urlencode",
                "csrf=" + csrf(form.stdout()), "--data-urlencode", "userid=" + userid, "--data-urlencode",
                "password=" + userid.toLowerCase() + "pw", url(port, "/login"));
    }

    /** Logs {@code userid} on (303 expected) and reads the console page's CSRF token. */
    static Browser logon(Path dir, int port, String userid) {
        var logon = postLogon(dir, port, userid);
        assertThat(logon.stdout()).as(logon.all()).startsWith("HTTP/1.1 303");
        String session = cookie(logon.stdout(), "OCSSESSION");
        var page = run(dir, "-H", "Cookie: OCSSESSION=" + session, url(port, "/"));
        return new Browser(session, csrf(page.stdout()));
    }

    /** The JSON body of a response read with {@code -D -} (after the headers' blank line). */
    static JsonNode body(ExternalCommand.Result r) throws Exception {
        return JSON.readTree(r.stdout().substring(r.stdout().indexOf("\r\n\r\n") + 4));
    }

    /** Runs {@code curl -sS -D - --cacert ca.pem args...} in {@code dir}. */
    static ExternalCommand.Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-D", "-", "--cacert", "ca.pem"));
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    /** {@code https://127.0.0.1:port/path}. */
    static String url(int port, String path) {
        return "https://127.0.0.1:" + port + path;
    }

    /** The value of the cookie {@code name} set in {@code headers}; fails the test when none is set. */
    static String cookie(String headers, String name) {
        Matcher m = Pattern.compile("(?im)^set-cookie: " + name + "=([^;\\r\\n]*)").matcher(headers);
        assertThat(m.find()).as("Set-Cookie " + name + " in\n" + headers).isTrue();
        return m.group(1);
    }

    /** The hidden {@code csrf} field's value in {@code page}; fails the test when there is none. */
    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }
}

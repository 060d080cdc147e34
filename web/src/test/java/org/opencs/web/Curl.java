package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

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
    private Curl() {
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

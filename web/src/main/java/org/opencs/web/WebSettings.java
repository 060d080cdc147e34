package org.opencs.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import org.opencs.core.SystemHome;
import org.opencs.core.Values;
import org.opencs.core.ZosException;

/**
 * The web server's keys of system.conf (docs/web.md "Serving"): {@code web.port} (0 = any free port; absent = no web
 * server), {@code web.keyring} (a key database path or SAF ring as KEYRING statements take them; absent = FTP.DATA's
 * KEYRING) and {@code web.idle.timeout} (minutes a session may stay unused, 1 to 1440; default 15). A bad value is
 * OCS0006E, as for every other system.conf key.
 *
 * @param port        the port, or null when the web server is off
 * @param keyring     the key ring reference, or null for the FTP server's
 * @param idleTimeout how long a session lives without a request
 */
public record WebSettings(Integer port, String keyring, Duration idleTimeout) {
    public static final String PORT_KEY = "web.port";
    public static final String KEYRING_KEY = "web.keyring";
    public static final String IDLE_TIMEOUT_KEY = "web.idle.timeout";
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);

    /** The settings in {@code home}'s system.conf (no system.conf: the web server is off). */
    public static WebSettings load(SystemHome home) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(home.systemConf(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return new WebSettings(null, null, DEFAULT_IDLE_TIMEOUT); // SystemConfig reports an unreadable system.conf
        }
        return from(properties);
    }

    /** The settings in {@code properties}; OCS0006E for a bad value. */
    public static WebSettings from(Properties properties) {
        Integer port = null;
        String portText = properties.getProperty(PORT_KEY);
        if (portText != null) {
            port = whole(PORT_KEY, portText, 0, 65535);
        }
        String keyring = properties.getProperty(KEYRING_KEY);
        if (keyring != null) {
            keyring = keyring.trim();
            if (keyring.isEmpty()) {
                throw new ZosException("OCS0006E", "system.conf: " + KEYRING_KEY
                        + " is empty: name a key database path or SAF key ring, or remove the key to use FTP.DATA's KEYRING.");
            }
        }
        String idle = properties.getProperty(IDLE_TIMEOUT_KEY);
        Duration timeout = idle == null ? DEFAULT_IDLE_TIMEOUT
                : Duration.ofMinutes(whole(IDLE_TIMEOUT_KEY, idle, 1, 1440));
        return new WebSettings(port, keyring, timeout);
    }

    /** The same settings with the port {@code opencs start --web-port} gives (null: keep this one). */
    public WebSettings withPort(Integer override) {
        return override == null ? this : new WebSettings(override, keyring, idleTimeout);
    }

    /** Whether the web server runs. */
    public boolean enabled() {
        return port != null;
    }

    private static int whole(String key, String text, int min, int max) {
        String digits = text.trim();
        if (digits.matches("[0-9]{1,9}")) {
            int value = Integer.parseInt(digits);
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw new ZosException("OCS0006E", "system.conf: " + key + " '" + Values.quoteForMessage(text.trim())
                + "' is not a number from " + min + " to " + max + ".");
    }
}

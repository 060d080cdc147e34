package org.opencs.ftp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetName;
import org.opencs.saf.Registry;

/**
 * The BANNER and LOGINMSG files of FTP.DATA: a z/OS UNIX path or a data set name, whose lines become 220- or 230-
 * lines, with IBM's magic cookies replaced (%T time, %C working directory, %E administrator address, %R remote host,
 * %L local host, %U user ID). A file that cannot be read is left out: the session goes on as IBM's server does.
 */
final class LoginMessages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

    private LoginMessages() {
    }

    /** The file's lines prefixed with {@code code-}, each ending in CRLF; empty when there is no file. */
    static String lines(Registry registry, String file, String code, Map<Character, String> cookies) {
        if (file == null) {
            return "";
        }
        String text;
        try {
            if (file.startsWith("/")) {
                // By its tag, or as EBCDIC or host text as it reads (an operator may edit it on either side).
                text = org.opencs.core.UnixText.readAnyText(registry.home().hfsPath(file));
            } else {
                Catalog catalog = new Catalog(registry.home(), registry.clock());
                text = catalog.readText(DatasetName.resolve(file.startsWith("'") ? file : "'" + file + "'", null));
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.lines().forEach(line -> out.append(code).append('-').append(expand(line, cookies)).append("\r\n"));
        return out.toString();
    }

    static Map<Character, String> cookies(Registry registry, String workingDirectory, String remoteHost, String localHost,
                                          String userid) {
        ZonedDateTime now = registry.clock().instant().atZone(ZoneOffset.UTC);
        return Map.of('T', TIME.format(now), 'C', workingDirectory, 'E', "root@" + localHost, 'R', remoteHost,
                'L', localHost, 'U', userid);
    }

    private static String expand(String line, Map<Character, String> cookies) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '%' && i + 1 < line.length() && cookies.containsKey(line.charAt(i + 1))) {
                out.append(cookies.get(line.charAt(++i)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

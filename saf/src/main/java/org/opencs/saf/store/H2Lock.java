package org.opencs.saf.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import org.opencs.core.Values;

/**
 * The embedded registry's lock (H2 with AUTO_SERVER=TRUE): the first process to open {@code registry.mv.db} writes
 * {@code registry.lock.db} (H2's FileLock, method=file) with the address of the small TCP server through which the
 * other processes then reach the database. Opening fails while two processes race for the file ("Another process was
 * faster", "Lock file recently modified") or when the holder cannot be reached (it is exiting, or runs where its
 * address does not lead); the races end by themselves, so they are retried, and what remains is described with the
 * holder's address from the lock file.
 */
final class H2Lock {
    private H2Lock() {
    }

    /** True when the failure is about who holds the database file, not about the database itself. */
    static boolean isContention(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            if (cause instanceof java.net.ConnectException || text.contains("Lock file recently modified")
                    || text.contains("Another process was faster") || text.contains("Database may be already in use")
                    || text.contains("Connection refused") || text.contains("Connection is broken")
                    || text.contains("Database is already closed")) {
                return true;
            }
        }
        return false;
    }

    /** H2's own words for the failure, without its error codes and class names. */
    static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return "its server refused the connection";
            }
        }
        String text = Database.reason(e).replaceAll("\\s*\\[[0-9-]+\\]\\s*$", "")
                .replaceAll("^Error opening database: ", "").replace("\"", "");
        return Values.quoteForMessage(text.lines().findFirst().orElse(text));
    }

    /** The database file's path from {@code jdbc:h2:file:PATH;...}, or null for other URLs. */
    static Path databasePath(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return null;
        }
        int semicolon = url.indexOf(';');
        String path = url.substring(prefix.length(), semicolon < 0 ? url.length() : semicolon);
        try {
            return Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** What the lock file says about its holder: "its registry server is localhost:40701 on host h", or "". */
    static String holder(Path database) {
        if (database == null) {
            return "";
        }
        Path lock = database.resolveSibling(database.getFileName() + ".lock.db");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(lock, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
        String server = properties.getProperty("server");
        String host = properties.getProperty("hostName");
        if (server == null) {
            return " (lock file " + lock + ")";
        }
        return "; its registry server is " + Values.quoteForMessage(server)
                + (host == null ? "" : " on host " + Values.quoteForMessage(host)) + " (lock file " + lock + ")";
    }
}

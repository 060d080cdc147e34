package org.opencs.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/** The GSKit-made key databases in shared/fixtures/gskit, copied before use (they must never be modified). */
public final class Fixtures {
    public static final char[] PASSWORD = "password".toCharArray();

    private Fixtures() {
    }

    public static Path sharedDir() {
        String configured = System.getProperty("opencs.shared");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared");
        if (!Files.isDirectory(dir)) {
            dir = Paths.get("..", "shared");
        }
        if (!Files.isDirectory(dir)) {
            dir = Paths.get("..", "..", "shared");
        }
        return dir.toAbsolutePath().normalize();
    }

    public static Path gskit(String name) {
        Path path = sharedDir().resolve("fixtures/gskit").resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("fixture missing: " + path);
        }
        return path;
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(gskit(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path copyTo(Path dir, String name) {
        try {
            return Files.copy(gskit(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

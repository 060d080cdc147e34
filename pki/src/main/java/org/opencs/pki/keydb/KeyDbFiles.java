package org.opencs.pki.keydb;

import java.nio.file.Path;

/** The companion files of a key database: {@code name.rdb} (requests) and {@code name.sth} (stashed password). */
public final class KeyDbFiles {
    private KeyDbFiles() {
    }

    public static Path requestDatabase(Path keyDatabase) {
        return sibling(keyDatabase, ".rdb");
    }

    public static Path stash(Path keyDatabase) {
        return sibling(keyDatabase, ".sth");
    }

    private static Path sibling(Path path, String extension) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 && name.length() - dot <= 4 ? name.substring(0, dot) : name;
        return path.resolveSibling(base + extension);
    }
}

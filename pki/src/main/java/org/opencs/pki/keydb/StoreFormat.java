package org.opencs.pki.keydb;

import java.nio.file.Path;
import java.util.Locale;
import org.opencs.pki.kdb.KdbCodec;

/** The file formats a key database path may name: a GSKit CMS .kdb, or a PKCS #12 file (.p12/.pfx). */
public enum StoreFormat {
    KDB,
    PKCS12;

    /** Existing files are recognised by content; new ones by extension (.p12, .pfx), else CMS. */
    static StoreFormat of(Path path, byte[] existingContent) {
        if (existingContent != null && existingContent.length > 0) {
            return KdbCodec.looksLikeKdb(existingContent) ? KDB : PKCS12;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx") ? PKCS12 : KDB;
    }
}

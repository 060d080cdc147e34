package org.opencs.ftp.server;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The temporary files uploads are received into before they replace their target: a name of the server's own
 * ({@value #PREFIX}...{@value #SUFFIX}) beside the target, so a server killed mid-upload leaves the previous content
 * and a file that the next start recognises and removes.
 */
final class PartialUploads {
    static final String PREFIX = ".opencs-upload-";
    static final String SUFFIX = ".part";

    private PartialUploads() {
    }

    /** Removes every partial upload under {@code hfs}; the number removed. Unreadable directories are skipped. */
    static int removeLeftovers(Path hfs) {
        if (!Files.isDirectory(hfs)) {
            return 0;
        }
        int[] removed = {0};
        try {
            Files.walkFileTree(hfs, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String name = file.getFileName().toString();
                    if (attributes.isRegularFile() && name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                        Files.deleteIfExists(file);
                        removed[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what could be removed was; the rest stays hidden and is never taken for a target
        }
        return removed[0];
    }
}

package org.opencs.ftp.server;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The temporary files uploads are received into before they replace their target: a name of the server's own
 * ({@value #PREFIX}SYSNAME-...{@value #SUFFIX}) beside the target, so a server killed mid-upload leaves the previous
 * content and a file that the next start recognises and removes.
 *
 * <p>Several nodes share hfs/ and datasets/ (docs/deployment.md): a node starting must not remove the partial uploads
 * other nodes are receiving at that moment. The node's SYSNAME in the name tells its own leftovers; another node's
 * (one that never came back) and the short-lived temporary files of data set writes are removed once they are older
 * than {@link #ABANDONED}, which no transfer in progress reaches without writing (an upload appends as data arrives,
 * and the data connection's idle timeout ends it long before).
 */
final class PartialUploads {
    static final String PREFIX = ".opencs-upload-";
    static final String SUFFIX = ".part";
    /** The age after which any node's leftover in a shared directory is taken as abandoned. */
    static final java.time.Duration ABANDONED = java.time.Duration.ofHours(24);

    private PartialUploads() {
    }

    /** The file name prefix of this node's partial uploads: {@value #PREFIX}SYSNAME-. */
    static String prefix(String sysname) {
        return PREFIX + sysname + "-";
    }

    /**
     * Removes the partial uploads under {@code hfs} and, under {@code datasets}, the temporary files of data set
     * writes a killed process left ({@link org.opencs.core.AtomicFiles}: ".name.digits.tmp"); the number removed.
     * On a home of its own ({@code shared} false) every leftover is this system's and goes. On a shared directory only
     * this node's partial uploads go at once; every other leftover only when last modified before
     * {@code now - }{@link #ABANDONED}. Unreadable directories are skipped.
     */
    static int removeLeftovers(Path hfs, Path datasets, String sysname, boolean shared, java.time.Instant now) {
        java.time.Instant abandoned = shared ? now.minus(ABANDONED) : java.time.Instant.MAX;
        String own = prefix(sysname);
        return remove(hfs, (name, modified) -> name.startsWith(PREFIX) && name.endsWith(SUFFIX)
                        && (name.startsWith(own) || modified.isBefore(abandoned)))
                + remove(datasets, (name, modified) -> name.matches("\\..+\\.\\d+\\.tmp")
                        && modified.isBefore(abandoned));
    }

    private static int remove(Path root, java.util.function.BiPredicate<String, java.time.Instant> leftover) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int[] removed = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String name = file.getFileName().toString();
                    if (attributes.isRegularFile()
                            && leftover.test(name, attributes.lastModifiedTime().toInstant())) {
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

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

    /**
     * Removes every partial upload under {@code hfs}, and under {@code datasets} the temporary files of data set
     * writes a killed process left ({@link org.opencs.core.AtomicFiles}: ".name.digits.tmp"); the number removed.
     * Unreadable directories are skipped.
     */
    static int removeLeftovers(Path hfs, Path datasets) {
        return remove(hfs, name -> name.startsWith(PREFIX) && name.endsWith(SUFFIX))
                + remove(datasets, name -> name.matches("\\..+\\.\\d+\\.tmp"));
    }

    private static int remove(Path root, java.util.function.Predicate<String> leftover) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int[] removed = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String name = file.getFileName().toString();
                    if (attributes.isRegularFile() && leftover.test(name)) {
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

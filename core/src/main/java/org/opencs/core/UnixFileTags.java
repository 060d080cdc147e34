package org.opencs.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Optional;

/**
 * Where OpenCS keeps z/OS UNIX file tags ({@link FileTag}) for the files under {@code hfs/}: in a user extended
 * attribute of the host file ({@code user.zos.filetag}), so a tag moves with its file on rename, leaves with it on
 * delete and survives the temporary-file-and-rename writes of {@link AtomicFiles}. On a host file system without user
 * extended attributes a file cannot be tagged and is treated as untagged (IBM-1047 text), as an untagged z/OS file is.
 */
public final class UnixFileTags {
    private static final String ATTRIBUTE = "zos.filetag";

    private UnixFileTags() {
    }

    /** The file's tag, or empty when it has none (or it cannot be read). */
    public static Optional<FileTag> read(Path file) {
        try {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
            if (view == null || !view.list().contains(ATTRIBUTE)) {
                return Optional.empty();
            }
            ByteBuffer value = ByteBuffer.allocate(Math.min(view.size(ATTRIBUTE), 256));
            view.read(ATTRIBUTE, value);
            value.flip();
            return FileTag.parse(StandardCharsets.US_ASCII.decode(value).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Tags the file ({@code chtag -tc <codeSet>}); true when the file system kept the tag. */
    public static boolean write(Path file, FileTag tag) {
        try {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
            if (view == null) {
                return false;
            }
            view.write(ATTRIBUTE, StandardCharsets.US_ASCII.encode(tag.format()));
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Removes the tag ({@code chtag -r}), if there is one. */
    public static void remove(Path file) {
        try {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
            if (view != null && view.list().contains(ATTRIBUTE)) {
                view.delete(ATTRIBUTE);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // an untagged file is what was asked for
        }
    }
}

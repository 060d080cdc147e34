package org.opencs.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A host I/O failure as the z/OS UNIX (Language Environment) message a z/OS user reads for the same errno:
 * "EDC5129I No such file or directory." and so on. The host's own text is never passed on, because it names host
 * paths (z/OS XL C/C++ Runtime Library Reference, errno values and EDC51xx messages).
 */
public final class UnixErrors {
    private UnixErrors() {
    }

    /** The EDC message for {@code e}, ending with a full stop; never a host path or a Java class name. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "EDC5129I No such file or directory.";
        }
        if (e instanceof AccessDeniedException) {
            return "EDC5111I Permission denied.";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "EDC5117I File exists.";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "EDC5136I Directory not empty.";
        }
        if (e instanceof NotDirectoryException) {
            return "EDC5135I Not a directory.";
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "EDC5133I No space left on device.";
        }
        if (lower.contains("name too long")) {
            return "EDC5126I Filename too long.";
        }
        if (lower.contains("is a directory")) {
            return "EDC5123I Is a directory.";
        }
        if (lower.contains("not a directory")) {
            return "EDC5135I Not a directory.";
        }
        if (lower.contains("read-only file system")) {
            return "EDC5141I Read-only file system.";
        }
        if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
            return "EDC5111I Permission denied.";
        }
        return "EDC5122I Input/output error.";
    }
}

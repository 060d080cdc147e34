package org.opencs.cli.keydb;

import java.nio.file.Path;
import org.opencs.cli.PasswordSource;
import picocli.CommandLine.Option;

/** The password of a PKCS #12 file being imported or exported. */
public final class FilePasswordOption {
    @Option(names = "--file-password-file", paramLabel = "FILE",
            description = "Read the PKCS #12 file password from FILE (else OPENCS_FILE_PASSWORD, else a prompt)")
    Path file;

    char[] password(String prompt) {
        return PasswordSource.resolve(file, "OPENCS_FILE_PASSWORD", prompt);
    }

    /** The password of a file being written: asked twice at a terminal (see {@link PasswordSource#resolveNew}). */
    char[] newPassword(String prompt, String again) {
        return PasswordSource.resolveNew(file, "OPENCS_FILE_PASSWORD", prompt, again);
    }
}

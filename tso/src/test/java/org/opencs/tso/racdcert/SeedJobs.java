package org.opencs.tso.racdcert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The seed's RACF jobs, their SYSTSIN text exactly as the seed prints it (test resources under seed/), shared with the
 * CLI's integration test through the tso test-jar.
 */
public final class SeedJobs {
    private SeedJobs() {
    }

    public static String read(String name) {
        try (InputStream in = SeedJobs.class.getResourceAsStream("/seed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("seed job " + name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

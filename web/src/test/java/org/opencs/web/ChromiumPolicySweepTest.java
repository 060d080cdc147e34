package org.opencs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep of stale Chromium policy files ({@link ChromiumClientCertificate#sweepStale}): a file a killed test JVM
 * left (older than an hour) goes, a fresh one (a test running now) and other policies stay.
 */
class ChromiumPolicySweepTest {
    @Test
    void deletesOnlyOldTestPolicies(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2026-11-30T21:00:00Z");
        Path old = Files.writeString(dir.resolve("opencs-test-old.json"), "{}");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofHours(2))));
        Path fresh = Files.writeString(dir.resolve("opencs-test-fresh.json"), "{}");
        Files.setLastModifiedTime(fresh, FileTime.from(now.minus(Duration.ofMinutes(5))));
        Path other = Files.writeString(dir.resolve("site-policy.json"), "{}");
        Files.setLastModifiedTime(other, FileTime.from(now.minus(Duration.ofDays(30))));

        assertEquals(1, ChromiumClientCertificate.sweepStale(dir, now));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(other));
        assertEquals(0, ChromiumClientCertificate.sweepStale(dir.resolve("absent"), now));
    }
}

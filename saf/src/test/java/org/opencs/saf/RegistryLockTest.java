package org.opencs.saf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.ZosException;

/**
 * An embedded registry held by a process this one cannot reach: the message names the holder (its H2 server address
 * from the lock file, and the home's opencs start record) and never a JDBC URL, password or Java exception.
 */
class RegistryLockTest {
    @TempDir
    Path dir;

    @Test
    void aRegistryHeldByAnUnreachableProcessNamesTheHolder() throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, TestRegistries.Store.H2, Clock.systemUTC());
        Path lock = result.home().saf().resolve("registry.lock.db");
        Files.writeString(lock, "#FileLock\nserver=127.0.0.1\\:1\nhostName=node2\nmethod=file\nid=0123456789abcdef\n");
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Files.createDirectories(result.home().logs());
        Files.writeString(result.home().logs().resolve("start.pid"), "pid=" + parent + "\nstarted=2026-01-01T00:00:00Z\n");
        // The holder is alive: H2's FileLock sees its lock file change all the time.
        Thread toucher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        });
        toucher.start();
        try {
            assertThatThrownBy(() -> Registry.open(result.home(), Clock.systemUTC(), new SecureRandom()).close())
                    .isInstanceOf(ZosException.class)
                    .hasMessage("OCS0023E The registry " + result.home().saf().resolve("registry") + " is held by another "
                            + "process (opencs start, PID " + parent + ", running since 2026-01-01T00:00:00Z) that cannot be "
                            + "reached; its registry server is 127.0.0.1:1 on host node2 (lock file " + lock + "): Lock file "
                            + "recently modified. Stop that process or wait for it to finish, then try again.");
        } finally {
            toucher.interrupt();
            toucher.join();
        }
        // A lock left by a process that was killed is cleared by the next open.
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(3600)));
        try (Registry registry = Registry.open(result.home(), Clock.systemUTC(), new SecureRandom())) {
            assertThat(registry.users().find("IBMUSER")).isPresent();
        }
    }
}

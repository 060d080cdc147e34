package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;

/**
 * PASS while the registry's logon pool is full (its threads busy and {@code Registry.LOGONS_WAITING} logons queued):
 * the client hears 421 with OCSF005E and is disconnected, and the refusal is in the server log and the audit log
 * (LOGON_FAILURE, reason LOGON QUEUE FULL). The pool is filled for real, with tasks that wait on a latch.
 */
class FtpLogonQueueFullTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
        system.close();
    }

    @Test
    void aFullLogonQueueGets421AndIsAuditedAndTheNextLogonAfterItWorks() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        var config = FtpDataParser.parse(String.join("\n", List.of("SECURE_FTP ALLOWED", "SECURE_DATACONN CLEAR",
                "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS")), "FTP.DATA").config();
        server = log.serve(config, system.registry);
        fill(system.registry.logonExecutor());

        try (RawFtp ftp = new RawFtp(server.port())) {
            assertThat(ftp.send("USER USER1")).startsWith("331");
            assertThat(ftp.send("PASS user1pw")).isEqualTo("421-OCSF005E Logon queue full: the logon was not done; "
                    + "try again later.\n421 Service not available, closing control connection.");
            assertThat(ftp.readLine()).as("the control connection is closed").isNull();
        }
        assertThat(String.join("\n", log.lines())).contains("OCSF005E").contains("logon of user USER1 not done");
        assertThat(Files.readString(system.registry.home().logs().resolve("audit.jsonl")))
                .contains("\"LOGON_FAILURE\"").contains("\"reason\":\"LOGON QUEUE FULL\"");

        release.countDown();
        try (RawFtp ftp = new RawFtp(server.port())) {
            assertThat(ftp.send("USER USER1")).startsWith("331");
            assertThat(ftp.send("PASS user1pw")).as("once the queue drains").startsWith("230");
        }
    }

    /** Busies every thread of the pool and fills its queue until it refuses a task. */
    private void fill(java.util.concurrent.Executor pool) {
        int submitted = 0;
        try {
            for (; submitted < 100_000; submitted++) {
                pool.execute(() -> {
                    try {
                        release.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        } catch (RejectedExecutionException full) {
            assertThat(submitted).isGreaterThanOrEqualTo(org.opencs.saf.Registry.LOGONS_WAITING);
            return;
        }
        throw new AssertionError("the logon pool never refused a task");
    }
}

package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SessionLimits;

/**
 * Issue 15, "no client can stall others": raw sockets play the clients that hold a session open on purpose (a PASV
 * and STOR whose data port is never connected, a trickling upload), and the server must go on serving everybody
 * else, bound each client (data connection timeout, session limits) with z/OS's replies, and stop within seconds.
 */
class FtpServerResourceTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @AfterEach
    void stop() {
        system.close();
    }

    private void start(int dataTimeoutSeconds, SessionLimits limits) throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        server = system.serve(log, dataTimeoutSeconds, limits, "EXTENSIONS AUTH_TLS", "SECURE_FTP ALLOWED",
                "SECURE_DATACONN CLEAR", "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS",
                "FTPLOGGING TRUE");
    }

    private RawFtp client() throws IOException {
        return new RawFtp(server.port());
    }

    private Path home(String file) {
        return system.registry.home().hfsPath("/u/user1/" + file);
    }

    @Test
    void aClientThatNeverConnectsItsDataPortHoldsUpNoOtherSession() throws Exception {
        start(3, new SessionLimits(0, 0));
        Files.writeString(home("keep.txt"), "previous\n");
        try (RawFtp stuck = client().logOn()) {
            stuck.passivePort();
            stuck.write("STOR keep.txt");
            // While it waits, more clients than the server has session threads (16) connect and are answered: before,
            // every 16th got no banner and waited with the stuck session's thread.
            List<RawFtp> others = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    RawFtp other = client();
                    other.write("USER USER1");
                    assertThat(other.reply()).startsWith("331");
                    others.add(other);
                }
            } finally {
                for (RawFtp other : others) {
                    other.close();
                }
            }
            // The stuck client is bounded by the data connection timeout: 425, and its session goes on.
            assertThat(stuck.reply()).isEqualTo("425 Can't open data connection within 3 seconds.");
            stuck.write("NOOP");
            assertThat(stuck.reply()).startsWith("200");
        }
        assertThat(home("keep.txt")).hasContent("previous\n");
    }

    @Test
    void aTricklingUploadDoesNotStallOthersAndAStalledOneEndsWith451() throws Exception {
        start(2, new SessionLimits(0, 0));
        Files.writeString(home("keep.txt"), "previous\n");
        try (RawFtp slow = client().logOn()) {
            int port = slow.passivePort();
            slow.write("STOR keep.txt");
            try (Socket data = new Socket("127.0.0.1", port)) {
                assertThat(slow.reply()).isEqualTo("125 Storing data set /u/user1/keep.txt");
                for (int i = 0; i < 3; i++) {
                    data.getOutputStream().write("trickle\n".getBytes(StandardCharsets.US_ASCII));
                    try (RawFtp other = client().logOn()) {
                        other.write("NOOP");
                        assertThat(other.reply()).startsWith("200");
                    }
                    Thread.sleep(500);
                }
                // Then it stops sending without closing: after the data connection timeout it is a failed transfer.
                assertThat(slow.reply()).isEqualTo(
                        "451 Transfer aborted: no data arrived for the data connection timeout. /u/user1/keep.txt is unchanged.");
            }
        }
        assertThat(home("keep.txt")).hasContent("previous\n");
        assertThat(Files.readString(system.registry.home().logs().resolve("ftp-activity.log")))
                .contains("TRANS FAILED Reply=451 Transfer aborted: no data arrived");
        assertThat(Files.readString(system.registry.home().logs().resolve("audit.jsonl"))).contains("\"reply\":\"451\"");
    }

    @Test
    void aborEndsAWaitingTransferAtOnce() throws Exception {
        start(30, new SessionLimits(0, 0));
        try (RawFtp client = client().logOn()) {
            client.passivePort();
            client.write("RETR nothing-yet.txt");
            assertThat(client.reply()).startsWith("550");
            Files.writeString(home("a.txt"), "abc\n");
            client.passivePort();
            client.write("RETR a.txt");
            client.write("ABOR");
            assertThat(client.reply()).isEqualTo("425 Can't open data connection; the transfer was aborted.");
            assertThat(client.reply()).isEqualTo("226 Abort successful");
            client.write("NOOP");
            assertThat(client.reply()).startsWith("200");
        }
    }

    /** The first line the server sends to a connection from {@code clientAddress}, then whether it closed. */
    private String firstLine(String clientAddress) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port(), java.net.InetAddress.getByName(clientAddress), 0)) {
            socket.setSoTimeout(5000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void sessionLimitsPerClientAddressAndInAll() throws Exception {
        start(30, new SessionLimits(3, 2));
        try (RawFtp first = client(); RawFtp second = client()) {
            assertThat(firstLine("127.0.0.1")).isEqualTo("421 Service not available, too many sessions: "
                    + "2 sessions from 127.0.0.1 (ftp.max.sessions.per.client).");
            // Another address still gets in while the total allows it (3), and a fourth session does not.
            try (Socket third = new Socket("127.0.0.1", server.port(), java.net.InetAddress.getByName("127.0.0.2"), 0)) {
                third.setSoTimeout(5000);
                assertThat(new BufferedReader(new InputStreamReader(third.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine()).startsWith("220");
                assertThat(firstLine("127.0.0.3")).isEqualTo(
                        "421 Service not available, too many sessions: 3 sessions in all (ftp.max.sessions).");
            }
            second.close();
            Thread.sleep(300); // a session that ended frees its place as soon as its connection is closed
            try (RawFtp again = client()) {
                again.write("NOOP");
                assertThat(again.reply()).startsWith("200");
            }
        }
    }

    @Test
    void shutdownEndsWaitingTransfersAndClosesThePortWithinSeconds() throws Exception {
        start(600, new SessionLimits(0, 0));
        int port = server.port();
        try (RawFtp waiting = client().logOn()) {
            waiting.passivePort();
            waiting.write("STOR never.txt");
            Thread.sleep(300);
            long started = System.nanoTime();
            server.close();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5000);
            List<String> heard = new ArrayList<>();
            try {
                for (String line = waiting.readLine(); line != null; line = waiting.readLine()) {
                    heard.add(line);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // the connection is gone
            }
            assertThat(heard).contains("421 Service not available, the server is shutting down.");
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThat(home("never.txt")).doesNotExist();
    }

    /** A client that leaves while its STOR waits for the data connection frees the passive port at once. */
    @Test
    void anUploadWhoseControlConnectionClosesIsNotCommitted() throws Exception {
        start(600, new SessionLimits(0, 0));
        Files.writeString(home("keep.txt"), "previous\n");
        Socket data;
        try (RawFtp client = client().logOn()) {
            int port = client.passivePort();
            client.write("STOR keep.txt");
            data = new Socket("127.0.0.1", port);
            assertThat(client.reply()).isEqualTo("125 Storing data set /u/user1/keep.txt");
            data.getOutputStream().write("half of the new content\n".getBytes(StandardCharsets.US_ASCII));
            data.getOutputStream().flush();
        } // the control connection closes first, then the data connection ends as if the file were whole
        try (data) {
            data.setSoTimeout(20_000); // before the fix the server waited for the rest (600 s data timeout)
            assertThat(data.getInputStream().read()).as("the server ends the transfer and closes the data connection")
                    .isEqualTo(-1);
        }
        assertThat(home("keep.txt")).hasContent("previous\n");
    }

    @Test
    void aClientThatLeavesMidWaitFreesItsDataPortAtOnce() throws Exception {
        start(600, new SessionLimits(0, 0));
        int port;
        try (RawFtp client = client().logOn()) {
            port = client.passivePort();
            client.write("STOR never.txt");
            Thread.sleep(300);
        }
        boolean refused = false;
        for (int i = 0; i < 50 && !refused; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(100);
            } catch (ConnectException e) {
                refused = true;
            }
        }
        assertThat(refused).as("the passive port closes well before the 600 s data connection timeout").isTrue();
        assertThat(home("never.txt")).doesNotExist();
    }
}

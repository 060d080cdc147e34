package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opencs.core.SessionLimits;

/**
 * Issue 15's fuzzing kept in CI (bounded: a few seconds): random command lines, known verbs with hostile arguments
 * (NUL and other control characters, "..", quotes, wildcards, data set names, very long values) and random text, on a
 * logged-on session of a real server on a loopback port. Every line gets a well-formed reply that names no Java class,
 * says no "null" and reports no internal error, and the session still answers NOOP afterwards. The long runs are
 * bench/'s FuzzHarness.
 */
class FtpCommandFuzzTest {
    /** The servers' logs, checked when the container ends (jqwik runs no JUnit extensions). */
    private static final FtpServerLog LOG = new FtpServerLog();
    private static FtpTestSystem system;
    private static FtpServer server;

    @BeforeContainer
    static void start() throws Exception {
        system = FtpTestSystem.temporary("ftp-fuzz");
        Files.writeString(system.registry.home().hfsPath("/u/user1/file.txt"), "text\n");
        server = system.serve(LOG, 1, new SessionLimits(0, 0), "EXTENSIONS AUTH_TLS", "SECURE_FTP ALLOWED",
                "SECURE_DATACONN CLEAR", "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS");
    }

    @AfterContainer
    static void stop() {
        system.close();
        LOG.assertReadable();
    }

    private static final List<String> VERBS = List.of("CWD", "CDUP", "PWD", "LIST", "NLST", "MLSD", "MLST", "RETR", "STOR",
            "APPE", "STOU", "SIZE", "MDTM", "DELE", "MKD", "RMD", "RNFR", "RNTO", "REST", "TYPE", "STRU", "MODE", "SITE",
            "STAT", "HELP", "FEAT", "OPTS", "SYST", "NOOP", "PASV", "EPSV", "PORT", "EPRT", "ABOR", "ACCT", "PBSZ", "PROT",
            "AUTH", "USER", "PASS", "XMKD", "XPWD", "XCUP", "XRMD", "ZZZZ");

    @Provide
    Arbitrary<List<String>> sessions() {
        Arbitrary<String> hostile = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("\u007f").ofMaxLength(4)
                        .filter(t -> t.indexOf('\n') < 0 && t.indexOf('\r') < 0),
                Arbitraries.of("..", "../..", "/", "//", "'", "''", "'SYS1'", "'USER1.X(MEM)'", "*", "**", "%", "(",
                        ")", "-la", "|1|127.0.0.1|1|", "1,2,3,4,5,6", "A", "I", "E", "R", "P", "-1",
                        "99999999999999999999", "LRECL=100 RECFM=FB", "FILETYPE=JES", "UMASK 027", "/u/user1/../..",
                        "file.txt", "/etc", "ä€\uD83D\uDE00"),
                Arbitraries.strings().alpha().numeric().withChars("./'()*%-_ ").ofMaxLength(40),
                Arbitraries.strings().withChars('x').ofMinLength(250).ofMaxLength(10_000));
        Arbitrary<String> argument = hostile.list().ofMaxSize(3).map(parts -> String.join("", parts));
        Arbitrary<String> line = Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(Arbitraries.of(VERBS), argument).as((verb, arg) -> arg.isEmpty() ? verb : verb + " " + arg),
                Arbitraries.strings().ofMaxLength(60).filter(t -> t.indexOf('\n') < 0 && t.indexOf('\r') < 0));
        return line.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 40)
    void everyLineGetsAClearReplyAndTheSessionGoesOn(@ForAll("sessions") List<String> lines) throws IOException {
        List<String> replies = new ArrayList<>();
        try (RawFtp ftp = new RawFtp(server.port()).logOn()) {
            for (String line : lines) {
                String reply = ftp.send(line);
                replies.add(reply);
                assertThat(reply).as("reply to %s", line).matches("(?s)\\d{3}[ -].*");
                assertThat(reply).as("reply to %s", line)
                        .doesNotContainPattern("\\b(?:java|javax|io\\.netty|org\\.opencs)\\.[a-z]")
                        .doesNotContain("Exception").doesNotContain("null").doesNotContain("local error in processing")
                        .doesNotContain(system.registry.home().root().toString());
                if (reply.startsWith("1")) {
                    replies.add(ftp.reply()); // no data connection comes: the transfer's own end (425) follows
                }
            }
            String noop = ftp.send("NOOP");
            assertThat(noop).as("after %s: %s", lines, replies).startsWith("200");
        } catch (SocketException e) {
            throw new AssertionError("the server dropped the session after " + lines + ": " + replies, e);
        }
    }
}

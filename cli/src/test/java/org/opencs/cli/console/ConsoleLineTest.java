package org.opencs.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ThrowableProxy;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The text rules of every console and system log line (docs/messages.md, docs/diagnostics.md "System log"). */
class ConsoleLineTest {
    /** What StartIT refuses on the console: a qualified Java name or an exception's name. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            ".*\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*.*|.*\\b\\w+(?:Exception|Error)\\b.*");

    @Test
    void aMessageWithItsOwnIdIsKeptAsWritten() {
        assertThat(ConsoleLine.text("I", "FTPD", "EZY2702I Server-FTP: Initialization completed", null))
                .isEqualTo("EZY2702I Server-FTP: Initialization completed");
        assertThat(ConsoleLine.text("I", "JES2", "$HASP492 JES2 ALL-MEMBER WARM START", null))
                .isEqualTo("$HASP492 JES2 ALL-MEMBER WARM START");
        assertThat(ConsoleLine.text("E", "FTPD", "OCSF002E Session 3 failed", new ThrowableProxy(
                new IOException("java.io.IOException: Broken pipe")))).isEqualTo("OCSF002E Session 3 failed (Broken pipe)");
    }

    @Test
    void aLibraryLineBecomesOcs0090WithItsSourceAndNoJavaNames() {
        assertThat(ConsoleLine.text("W", "io.netty.util.concurrent.DefaultPromise",
                "An exception was thrown by io.netty.bootstrap.ServerBootstrap$1.operationComplete()", null))
                .isEqualTo("OCS0090W DefaultPromise: An exception was thrown by operationComplete()");
        assertThat(ConsoleLine.text("E", "org.h2.Driver", "failed", new ThrowableProxy(new IllegalStateException(
                "wrapper", new java.net.ConnectException("Connection refused")))))
                .isEqualTo("OCS0090E Driver: failed (wrapper)");
        assertThat(ConsoleLine.text("W", "io.netty.Foo$Inner", "SSLHandshakeException: no cipher suites in common", null))
                .isEqualTo("OCS0090W Foo: no cipher suites in common");
    }

    @Test
    void nothingSaysNull() {
        assertThat(ConsoleLine.text("W", null, null, null)).isEqualTo("OCS0090W OpenCS: no further detail");
        assertThat(ConsoleLine.text("E", "io.netty.X", null, new ThrowableProxy(new NullPointerException())))
                .isEqualTo("OCS0090E X: no further detail");
        assertThat(ConsoleLine.text("E", "io.netty.X", "null", null)).isEqualTo("OCS0090E X: no further detail");
        assertThat(ConsoleLine.text("E", "FTPD", "", new ThrowableProxy(new RuntimeException(
                new IOException((String) null))))).isEqualTo("OCS0090E FTPD: no further detail");
        // The first cause that says something in words.
        assertThat(ConsoleLine.text("E", "FTPD", "", new ThrowableProxy(new RuntimeException(
                new IOException("Connection reset"))))).isEqualTo("OCS0090E FTPD: Connection reset");
    }

    @Test
    void aRecordIsKeptAsWrittenWithoutAnId() {
        assertThat(ConsoleLine.record("FR1932 ftpAuth: connect as a server requesting client certificate", null))
                .isEqualTo("FR1932 ftpAuth: connect as a server requesting client certificate");
        assertThat(ConsoleLine.record("FR2080 ftpAuth: handshake failed", new ThrowableProxy(
                new javax.net.ssl.SSLHandshakeException("Received fatal alert: certificate_unknown"))))
                .isEqualTo("FR2080 ftpAuth: handshake failed (Received fatal alert: certificate_unknown)");
    }

    @Test
    void lineBreaksSplitLinesAndControlCharactersCannotForgeOne() {
        assertThat(ConsoleLine.lines("first\nsecond\r\nthird\n")).containsExactly("first", "second", "third");
        assertThat(ConsoleLine.lines("a\u001b[2Jb\tc\u0000")).containsExactly("a?[2Jb c?");
        assertThat(ConsoleLine.lines("x\u2028N OPENCS")).containsExactly("x", "N OPENCS");
        assertThat(ConsoleLine.lines("")).containsExactly("");
        assertThat(ConsoleLine.lines("a\n\n  \nb  ")).containsExactly("a", "b");
    }

    @Test
    void loggerNamesTellServerRecordAndLibrary() {
        assertThat(LogSource.of("FTPD")).isEqualTo(LogSource.SERVER);
        assertThat(LogSource.of("TN3270E")).isEqualTo(LogSource.SERVER);
        assertThat(LogSource.of("JES2")).isEqualTo(LogSource.SERVER);
        assertThat(LogSource.of("org.opencs.jes.Jes")).isEqualTo(LogSource.SERVER);
        assertThat(LogSource.of("FTPD.TRACE")).isEqualTo(LogSource.RECORD);
        assertThat(LogSource.of("FTPD.ACTIVITY")).isEqualTo(LogSource.RECORD);
        assertThat(LogSource.of("io.netty.handler.ssl.SslHandler")).isEqualTo(LogSource.LIBRARY);
        assertThat(LogSource.of("com.zaxxer.hikari.HikariDataSource")).isEqualTo(LogSource.LIBRARY);
        assertThat(LogSource.of("TOOLONGNAME")).isEqualTo(LogSource.LIBRARY);
        assertThat(LogSource.of("FTPD.trace")).isEqualTo(LogSource.LIBRARY);
        assertThat(LogSource.of("")).isEqualTo(LogSource.LIBRARY);
        assertThat(List.of("FTPD", "FTPD.TRACE", "TN3270E.TRACE", "JES2", "io.netty.X", "org.opencs.cli.OpenCs")
                .stream().map(LogSource::jobName)).containsExactly("FTPD", "FTPD", "TN3270E", "JES2", "OPENCS", "OPENCS");
    }

    /** No message a library or server may log, with any failure, gives a line with a Java name or {@code null}. */
    @Property(tries = 500)
    void noLoggedMessageYieldsAJavaNameOrNull(@ForAll("messages") String message, @ForAll("loggers") String logger,
                                             @ForAll("failures") Throwable failure) {
        // A message that starts with its own message ID is the server's own text, kept as written.
        net.jqwik.api.Assume.that(message == null || !ConsoleLine.MESSAGE_ID.matcher(message).matches());
        ThrowableProxy proxy = failure == null ? null : new ThrowableProxy(failure);
        List<String> lines = ConsoleLine.lines(ConsoleLine.text("W", logger, message, proxy));
        assertThat(lines.get(0)).matches("OCS0090W \\S.*|[A-Z]{3}[A-Z0-9]{2,6}[IWEAS]\\b.*");
        for (String line : lines) {
            assertThat(line).doesNotMatch(JAVA_NAME).doesNotContainPattern("\\bnull\\b").isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).filter(w -> !w.equals("null")),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(6),
                javaNames(), Arbitraries.of(":", "(", ")", "-", "/", "127.0.0.1:2021", "$1", "{}", "\n"));
        return Arbitraries.oneOf(word.list().ofMaxSize(12).map(words -> String.join(" ", words)),
                Arbitraries.just((String) null), word.list().ofMaxSize(6).map(words -> String.join("", words)))
                .filter(m -> m == null || !m.contains("null"));
    }

    @Provide
    Arbitrary<String> loggers() {
        return Arbitraries.oneOf(javaNames().map(n -> n.replace(":", "")),
                Arbitraries.of("FTPD", "JES2", "TN3270E", "io.netty.Foo$Bar", ""), Arbitraries.just((String) null));
    }

    @Provide
    Arbitrary<Throwable> failures() {
        Arbitrary<String> text = Arbitraries.oneOf(messages(), javaNames().map(n -> n + ": Connection reset"));
        Arbitrary<Throwable> single = Combinators.combine(text, Arbitraries.integers().between(0, 3))
                .as((m, kind) -> switch (kind) {
                    case 0 -> new IOException(m);
                    case 1 -> new IllegalStateException(m);
                    case 2 -> new javax.net.ssl.SSLHandshakeException(m);
                    default -> new NullPointerException(m);
                });
        return Arbitraries.oneOf(single, Combinators.combine(text, single).as(RuntimeException::new),
                Arbitraries.just((Throwable) null));
    }

    /** Qualified class names, exception names, inner classes. */
    private static Arbitrary<String> javaNames() {
        Arbitrary<String> pkg = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)
                .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts));
        Arbitrary<String> simple = Arbitraries.of("IOException", "SslHandler", "ServerBootstrap$1", "NullPointerException",
                "AbstractChannel$AnnotatedConnectException", "OutOfMemoryError", "X", "DecoderException:");
        return Arbitraries.oneOf(Combinators.combine(pkg, simple).as((p, s) -> p + "." + s), simple);
    }
}

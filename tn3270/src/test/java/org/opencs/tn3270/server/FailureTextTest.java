package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The reasons log lines give for a failure: words, never a class name or null (the seen-in-the-field examples). */
class FailureTextTest {
    @Test
    void failuresAreDescribedInWords() {
        assertThat(FailureText.of(new DecoderException(new SSLHandshakeException("Empty client certificate chain"))))
                .isEqualTo("Empty client certificate chain");
        assertThat(FailureText.of(new DecoderException(new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path"))))
                .isEqualTo("PKIX path building failed: unable to find valid certification path");
        assertThat(FailureText.of(new SocketException("Connection reset"))).isEqualTo("the client reset the connection");
        assertThat(FailureText.of(new IOException())).isEqualTo("a network error");
        assertThat(FailureText.of(new ClosedChannelException())).isEqualTo("the connection was closed");
        assertThat(FailureText.of(new CorruptedFrameException("telnet record longer than 65536 bytes")))
                .isEqualTo("telnet record longer than 65536 bytes");
        assertThat(FailureText.of(new NotSslRecordException("not an SSL/TLS record: " + "ab".repeat(4000))))
                .isEqualTo("the client sent data that is not TLS where TLS was expected");
        assertThat(FailureText.of(new DecoderException("x".repeat(500)))).hasSizeLessThan(200);
        assertThat(FailureText.of(new NullPointerException())).isEqualTo("internal error (OCS0001E: please report it)");
        assertThat(FailureText.of(new DecoderException(new SSLHandshakeException(null))))
                .isEqualTo("the TLS connection failed");
    }

    @Test
    void theLogCheckRecognisesWhatItMustReject() {
        assertThat(ServerLog.violations(List.of("INFO OCST003I Session null ended: x",
                "INFO OCST003I Session LU A ended: javax.net.ssl.SSLHandshakeException: Empty client certificate chain",
                "INFO OCST022I TLS handshake with client 1.2.3.4:5 failed: SSLHandshakeException",
                "WARN OCST001W something [stack trace]",
                "INFO OCST003I Session LU TCP00001 ended: the client reset the connection",
                "INFO OCST051I Printer PRT00001 printed USER1.PCOMM.B64 (3 lines)"))).hasSize(4);
    }
}

package org.opencs.pki.tls.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The ClientHello decoder (RFC 8446 section 4.1.2): real ClientHellos made by the JDK's TLS client, a round trip
 * with an encoder written here from the RFC, and arbitrary bytes, which are refused with a reason and nothing else.
 */
class TlsTraceClientHelloTest {
    @Test
    void aJdkClientHelloShowsItsVersionsSuitesAndServerName() throws Exception {
        SSLEngine client = SSLContext.getDefault().createSSLEngine();
        client.setUseClientMode(true);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        parameters.setCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
        parameters.setServerNames(List.of(new SNIHostName("ftp.example.org")));
        client.setSSLParameters(parameters);
        ClientHello hello = ClientHello.decode(clientHelloBody(client));
        assertThat(hello.offeredVersions()).containsExactly(0x0304, 0x0303);
        assertThat(hello.legacyVersion()).isEqualTo(0x0303);
        assertThat(hello.cipherSuites()).startsWith(0x1302, 0xC02F);
        assertThat(hello.cipherSuites().stream().map(TlsNames::cipherSuite))
                .contains("1302 TLS_AES_256_GCM_SHA384", "C02F TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(hello.serverName()).isEqualTo("ftp.example.org");
        assertThat(hello.resumption()).isFalse();
    }

    @Test
    void aTls12OnlyClientWithoutServerNameOffersItsLegacyVersion() throws Exception {
        SSLEngine client = SSLContext.getDefault().createSSLEngine();
        client.setUseClientMode(true);
        client.setEnabledProtocols(new String[] {"TLSv1.2"});
        ClientHello hello = ClientHello.decode(clientHelloBody(client));
        assertThat(hello.offeredVersions()).containsExactly(0x0303);
        assertThat(hello.serverName()).isEmpty();
        assertThat(hello.cipherSuites()).isNotEmpty();
    }

    @Property(tries = 300)
    void encodedClientHellosDecodeToWhatWasEncoded(@ForAll("hellos") ClientHello hello, @ForAll byte[] filler) {
        assertThat(ClientHello.decode(encode(hello, filler))).isEqualTo(hello);
    }

    @Property(tries = 500)
    void arbitraryBytesDecodeOrAreRefusedWithAReason(@ForAll byte[] bytes) {
        try {
            ClientHello.decode(bytes);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void aClientHelloCutShortIsRefused(@ForAll("hellos") ClientHello hello, @ForAll byte[] filler,
                                       @ForAll("cuts") int cut) {
        byte[] body = encode(hello, filler);
        byte[] cutShort = Arrays.copyOf(body, Math.floorMod(cut, body.length));
        // Extensions are optional (RFC 5246 7.4.1.2): a body cut right before them is a ClientHello without any.
        int withoutExtensions = 2 + 32 + 1 + hello.sessionIdLength() + 2 + 2 * hello.cipherSuites().size() + 2;
        if (cutShort.length == withoutExtensions) {
            assertThat(ClientHello.decode(cutShort).supportedVersions()).isEmpty();
        } else {
            assertThatThrownBy(() -> ClientHello.decode(cutShort)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void greaseAndUnknownCodesAreShownByTheirCode() {
        assertThat(TlsNames.version(0x0A0A)).isEqualTo("GREASE");
        assertThat(TlsNames.cipherSuite(0x3A3A)).isEqualTo("3A3A GREASE");
        assertThat(TlsNames.cipherSuite(0x009E)).isEqualTo("009E");
        assertThat(TlsNames.version(0x0302)).isEqualTo("TLSv1.1");
        assertThat(TlsNames.alert(70)).isEqualTo("protocol_version");
        assertThat(TlsNames.alert(200)).isEqualTo("alert 200");
    }

    /** The ClientHello a client engine sends first, without the record and handshake headers. */
    static byte[] clientHelloBody(SSLEngine client) throws Exception {
        ByteBuffer out = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        client.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        assertThat(out.get(0)).as("a handshake record").isEqualTo((byte) 22);
        assertThat(out.get(5)).as("a ClientHello").isEqualTo((byte) 1);
        int length = ((out.get(6) & 0xFF) << 16) | ((out.get(7) & 0xFF) << 8) | (out.get(8) & 0xFF);
        return Arrays.copyOfRange(out.array(), 9, 9 + length);
    }

    /** A ClientHello body from the RFC's structure, with {@code filler} as random, session ID and another extension. */
    static byte[] encode(ClientHello hello, byte[] filler) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u16(b, hello.legacyVersion());
        for (int i = 0; i < 32; i++) {
            b.write(filler.length == 0 ? 0 : filler[i % filler.length]);
        }
        b.write(hello.sessionIdLength());
        for (int i = 0; i < hello.sessionIdLength(); i++) {
            b.write(i);
        }
        u16(b, hello.cipherSuites().size() * 2);
        hello.cipherSuites().forEach(s -> u16(b, s));
        b.write(1);
        b.write(0);
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        extension(ext, 10, filler); // supported_groups: not traced, skipped
        if (!hello.supportedVersions().isEmpty()) {
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            v.write(hello.supportedVersions().size() * 2);
            hello.supportedVersions().forEach(x -> u16(v, x));
            extension(ext, 43, v.toByteArray());
        }
        if (!hello.serverName().isEmpty()) {
            byte[] name = hello.serverName().getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream sni = new ByteArrayOutputStream();
            u16(sni, name.length + 3);
            sni.write(0);
            u16(sni, name.length);
            sni.writeBytes(name);
            extension(ext, 0, sni.toByteArray());
        }
        if (hello.resumption()) {
            extension(ext, 35, new byte[] {1, 2, 3, 4});
        }
        u16(b, ext.size());
        b.writeBytes(ext.toByteArray());
        return b.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 100_000);
    }

    @Provide
    Arbitrary<ClientHello> hellos() {
        Arbitrary<Integer> code = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').withChars('.', '-').ofMinLength(1)
                .ofMaxLength(60);
        return Combinators.combine(code, Arbitraries.integers().between(0, 32), code.list().ofMinSize(1).ofMaxSize(40),
                        code.list().ofMaxSize(6), Arbitraries.oneOf(Arbitraries.just(""), host), Arbitraries.of(true, false))
                .as(ClientHello::new);
    }
}

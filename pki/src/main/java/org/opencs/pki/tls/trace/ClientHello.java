package org.opencs.pki.tls.trace;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a trace tells of a TLS ClientHello: the version fields, the offered suites, the server name and whether the
 * client tries to resume. Only the lengths of the session ID and of any ticket or pre-shared key are looked at, never
 * their bytes: those are secrets.
 *
 * @param legacyVersion     the {@code legacy_version} field (0x0303 for TLS 1.2 and 1.3 clients)
 * @param sessionIdLength   the length of {@code legacy_session_id} (0-32)
 * @param cipherSuites      the offered suites' codes, in the client's order
 * @param supportedVersions the {@code supported_versions} extension's versions (RFC 8446 section 4.2.1), empty when absent
 * @param serverName        the {@code server_name} extension's host name (RFC 6066 section 3), empty when absent
 * @param resumption        whether the client offers a session ticket (RFC 5077) or a pre-shared key (RFC 8446)
 */
public record ClientHello(int legacyVersion, int sessionIdLength, List<Integer> cipherSuites,
                          List<Integer> supportedVersions, String serverName, boolean resumption) {
    private static final int SERVER_NAME = 0;
    private static final int SESSION_TICKET = 35;
    private static final int PRE_SHARED_KEY = 41;
    private static final int SUPPORTED_VERSIONS = 43;

    public ClientHello {
        cipherSuites = List.copyOf(cipherSuites);
        supportedVersions = List.copyOf(supportedVersions);
    }

    /** The versions the client offers: {@code supported_versions} when present, else {@code legacy_version}. */
    public List<Integer> offeredVersions() {
        return supportedVersions.isEmpty() ? List.of(legacyVersion) : supportedVersions;
    }

    /**
     * Decodes a ClientHello message's body (after the 4-byte handshake header, as Netty's {@code
     * SslClientHelloHandler} hands it over), RFC 8446 section 4.1.2 and RFC 5246 section 7.4.1.2.
     *
     * @throws IllegalArgumentException the bytes are not a well-formed ClientHello (the message says where)
     */
    public static ClientHello decode(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            int legacyVersion = u16(in);
            skip(in, 32, "random");
            int sessionIdLength = u8(in);
            if (sessionIdLength > 32) {
                throw new IllegalArgumentException("session ID of " + sessionIdLength + " bytes");
            }
            skip(in, sessionIdLength, "session ID");
            int suitesLength = u16(in);
            if (suitesLength % 2 != 0) {
                throw new IllegalArgumentException("odd cipher suite list length " + suitesLength);
            }
            ByteBuffer suites = slice(in, suitesLength, "cipher suites");
            List<Integer> cipherSuites = new ArrayList<>(suitesLength / 2);
            while (suites.hasRemaining()) {
                cipherSuites.add(u16(suites));
            }
            skip(in, u8(in), "compression methods");
            List<Integer> versions = new ArrayList<>();
            String serverName = "";
            boolean resumption = false;
            if (in.hasRemaining()) {
                ByteBuffer extensions = slice(in, u16(in), "extensions");
                while (extensions.hasRemaining()) {
                    int type = u16(extensions);
                    ByteBuffer data = slice(extensions, u16(extensions), "extension " + type);
                    switch (type) {
                        case SUPPORTED_VERSIONS -> {
                            ByteBuffer list = slice(data, u8(data), "supported_versions");
                            while (list.remaining() >= 2) {
                                versions.add(u16(list));
                            }
                        }
                        case SERVER_NAME -> serverName = hostName(data);
                        case SESSION_TICKET -> resumption |= data.hasRemaining();
                        case PRE_SHARED_KEY -> resumption = true;
                        default -> {
                            // not traced
                        }
                    }
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the extensions");
            }
            return new ClientHello(legacyVersion, sessionIdLength, cipherSuites, versions, serverName, resumption);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the message ends early");
        }
    }

    /** The first host_name entry of a server_name extension (RFC 6066 section 3). */
    private static String hostName(ByteBuffer data) {
        ByteBuffer list = slice(data, u16(data), "server_name");
        while (list.hasRemaining()) {
            int nameType = u8(list);
            byte[] name = new byte[u16(list)];
            list.get(name);
            if (nameType == 0) {
                return new String(name, StandardCharsets.US_ASCII);
            }
        }
        return "";
    }

    private static int u8(ByteBuffer in) {
        return in.get() & 0xFF;
    }

    private static int u16(ByteBuffer in) {
        return in.getShort() & 0xFFFF;
    }

    private static void skip(ByteBuffer in, int n, String what) {
        if (in.remaining() < n) {
            throw new IllegalArgumentException(what + " longer than the message");
        }
        in.position(in.position() + n);
    }

    private static ByteBuffer slice(ByteBuffer in, int n, String what) {
        if (in.remaining() < n) {
            throw new IllegalArgumentException(what + " longer than the message");
        }
        ByteBuffer part = in.slice();
        part.limit(n);
        in.position(in.position() + n);
        return part;
    }
}

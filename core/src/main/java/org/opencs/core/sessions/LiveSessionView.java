package org.opencs.core.sessions;

import java.time.Instant;

/**
 * What one live session looks like at one moment (docs/web.md "Actions and sessions"): its kind, public handle (16
 * hex digits, random; never a secret), user ID (empty until logged on), the real client address (after the PROXY
 * protocol), the server's local port, when it started, the LU name (TN3270; else empty), the TLS protocol and cipher
 * suite of the finished handshake (empty when plain), the client certificate's subject (RFC 2253; empty when none),
 * and the bytes received and sent on the wire (TLS records included; for FTP, data connections too).
 */
public record LiveSessionView(SessionKind kind, String handle, String userid, String client, int localPort,
                              Instant started, String lu, String tlsProtocol, String cipher,
                              String certificateSubject, long bytesIn, long bytesOut) {
}

package org.opencs.pki.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What System SSL takes from a key ring, wherever it lives (an HFS key database or a SAF ring): the identity (the
 * default key and its chain) and the trust anchors (trusted CA certificates).
 */
public interface KeyRing {
    /** A human-readable name for messages: the file path or "SAF ring TCPIP/TCPRING". */
    String description();

    PrivateKey identityKey();

    /** The identity certificate first, then its issuers. */
    List<X509Certificate> identityChain();

    List<X509Certificate> trustAnchors();
}

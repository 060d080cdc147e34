package org.opencs.web;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import org.opencs.core.ZosException;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.KeyRingResolver;

/**
 * The web server's TLS context: the key ring named by system.conf {@code web.keyring}, or else the FTP server's
 * KEYRING from FTP.DATA, resolved as KEYRING statements are (an HFS key database path with its stash, or a SAF ring
 * owned by server.userid or named OWNER/RING); TLS 1.2 and 1.3 with the forward-secret AEAD suites of
 * {@link SystemSsl#DEFAULT_CIPHER_SUITES}, as the FTP and TN3270E servers use.
 */
public final class WebTls {
    private WebTls() {
    }

    /** The key ring reference in effect: web.keyring, else {@code ftpKeyring} (null or blank: none, OCSW002E). */
    public static String keyringReference(WebSettings settings, String ftpKeyring) {
        if (settings.keyring() != null) {
            return settings.keyring();
        }
        if (ftpKeyring != null && !ftpKeyring.isBlank()) {
            return ftpKeyring.trim();
        }
        throw new ZosException("OCSW002E", "The web server has no key ring: set web.keyring in system.conf (a key "
                + "database path or SAF key ring) or KEYRING in tcpip/FTP.DATA.");
    }

    /**
     * A server context from that ring (errors of the ring: its GSK/ICH/OCSK message). When the ring holds trusted CA
     * certificates the server asks for a client certificate without requiring one (ClientAuth OPTIONAL), so a browser
     * with a certificate from those CAs can log on with it (/login/certificate); without CAs it asks for none.
     */
    public static SslContext serverContext(Registry registry, WebSettings settings, String ftpKeyring) {
        var ring = new KeyRingResolver(registry).resolve(keyringReference(settings, ftpKeyring));
        return SystemSsl.server(ring, ring.trustAnchors().isEmpty() ? ClientAuth.NONE : ClientAuth.OPTIONAL);
    }
}

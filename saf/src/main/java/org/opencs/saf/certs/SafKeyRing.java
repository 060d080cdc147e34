package org.opencs.saf.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencs.core.ZosException;
import org.opencs.pki.tls.KeyRing;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.Authorization;
import org.opencs.saf.users.User;

/**
 * A SAF key ring as System SSL sees it (KEYRING SAF TCPRING, or owner/ring): the DEFAULT member's certificate and
 * private key are the identity, the trusted CERTAUTH members the trust anchors. Opening it needs FACILITY
 * IRR.DIGTCERT.LISTRING for the user the server runs under, as IBM documents: READ for its own rings, UPDATE for
 * another user's.
 */
public final class SafKeyRing implements KeyRing {
    private final Registry registry;
    private final String owner;
    private final String ring;
    private final DigitalCertificate identity;
    private final List<X509Certificate> anchors;

    private SafKeyRing(Registry registry, String owner, String ring, DigitalCertificate identity,
                       List<X509Certificate> anchors) {
        this.registry = registry;
        this.owner = owner;
        this.ring = ring;
        this.identity = identity;
        this.anchors = List.copyOf(anchors);
    }

    /** Opens {@code owner}'s ring on behalf of {@code requester} (normally the same: the server's user ID). */
    public static SafKeyRing open(Registry registry, User requester, String owner, String ring) {
        AccessLevel needed = requester.userid().equals(owner) ? AccessLevel.READ : AccessLevel.UPDATE;
        if (!requester.special()) {
            if (!new Authorization(registry).allowed(requester, "FACILITY", "IRR.DIGTCERT.LISTRING", needed)) {
                registry.audit().record(registry.clock().instant(), "ACCESS_DENIED", Map.of("user", requester.userid(),
                        "profile", "IRR.DIGTCERT.LISTRING", "ring", owner + "/" + ring));
                throw new ZosException("ICH408I", "USER(" + requester.userid() + ") IRR.DIGTCERT.LISTRING CL(FACILITY) "
                        + "INSUFFICIENT ACCESS AUTHORITY: key ring " + owner + "/" + ring + " cannot be used");
            }
        }
        CertificateStore store = registry.certificates();
        if (!store.ringExists(owner, ring)) {
            throw new ZosException("IRRD124I", "Ring " + ring + " does not exist for user " + owner + ".");
        }
        DigitalCertificate identity = null;
        List<X509Certificate> anchors = new ArrayList<>();
        for (RingMember member : store.members(owner, ring)) {
            DigitalCertificate certificate = store.find(member.certOwner(), member.certLabel()).orElseThrow();
            if (member.isDefault()) {
                identity = certificate;
            }
            if (member.usage().equals("CERTAUTH") && certificate.trusted()) {
                anchors.add(certificate.x509());
            }
        }
        if (identity == null || !identity.hasPrivateKey()) {
            throw new ZosException("IRRD125I", "Ring " + owner + "/" + ring + " has no DEFAULT certificate with a private key.");
        }
        return new SafKeyRing(registry, owner, ring, identity, anchors);
    }

    @Override
    public String description() {
        return "SAF ring " + owner + "/" + ring;
    }

    @Override
    public PrivateKey identityKey() {
        return RegistryCertificates.privateKey(registry, identity);
    }

    @Override
    public List<X509Certificate> identityChain() {
        return RegistryCertificates.chain(registry, identity.x509());
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return anchors;
    }
}

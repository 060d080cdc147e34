package org.opencs.tso.commands.racdcert;

import java.util.List;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.saf.certs.RingMember;
import org.opencs.tso.parse.Operands;

/** ADDRING, DELRING, CONNECT, REMOVE and LISTRING: key rings of a user and the certificates connected to them. */
final class RingFunctions {
    private static final Set<String> CONNECT = Set.of("CERTAUTH", "SITE", "ID", "LABEL", "RING", "USAGE", "DEFAULT");

    private RingFunctions() {
    }

    static void addRing(RacdcertContext context) {
        String ring = ringName(context.operands.value("ADDRING").orElseThrow());
        context.authorize("ADDRING", context.owner);
        if (!context.store().addRing(context.owner, ring, context.registry.clock().instant())) {
            throw new ZosException("IRRD119I", "Ring " + org.opencs.core.Values.quoteForMessage(ring) + " already exists for user " + context.owner + ".");
        }
    }

    static void delRing(RacdcertContext context) {
        String ring = ringName(context.operands.value("DELRING").orElseThrow());
        context.authorize("DELRING", context.owner);
        if (!context.store().deleteRing(context.owner, ring)) {
            throw ringNotFound(context.owner, ring);
        }
    }

    /**
     * CONNECT(CERTAUTH | SITE | ID(user) LABEL('x') RING(name) USAGE(...) DEFAULT). RING, USAGE and DEFAULT are also
     * taken from outside the parentheses, where the seed's jobs put them.
     */
    static void connect(RacdcertContext context) {
        Operands c = context.operands.nested("CONNECT", CONNECT).orElseThrow();
        String certOwner = c.has("CERTAUTH") ? DigitalCertificate.CERTAUTH : c.has("SITE") ? DigitalCertificate.SITE
                : c.value("ID").map(RacdcertContext::upper).orElse(context.owner);
        String label = c.value("LABEL").orElseThrow(() -> new ZosException("IKJ56700A", "ENTER CONNECT LABEL -"));
        String ring = ringName(c.value("RING").or(() -> context.operands.value("RING"))
                .orElseThrow(() -> new ZosException("IKJ56700A", "ENTER CONNECT RING -")));
        context.authorize("CONNECT", context.owner);
        context.certificate(certOwner, label);
        if (!context.store().ringExists(context.owner, ring)) {
            throw ringNotFound(context.owner, ring);
        }
        String defaultUsage = certOwner.equals(DigitalCertificate.CERTAUTH) || certOwner.equals(DigitalCertificate.SITE)
                ? certOwner : "PERSONAL";
        String usage = RacdcertContext.upper(c.value("USAGE").or(() -> context.operands.value("USAGE")).orElse(defaultUsage));
        if (!Set.of("PERSONAL", "CERTAUTH", "SITE").contains(usage)) {
            throw new ZosException("IRRD120I", "USAGE(" + org.opencs.core.Values.quoteForMessage(usage) + ") is not PERSONAL, CERTAUTH or SITE.");
        }
        boolean isDefault = c.has("DEFAULT") || context.operands.has("DEFAULT");
        if (isDefault && !context.certificate(certOwner, label).hasPrivateKey()) {
            throw new ZosException("IRRD121I", "Certificate '" + org.opencs.core.Values.quoteForMessage(label) + "' has no private key and cannot be the ring's default.");
        }
        context.store().connect(context.owner, ring, new RingMember(certOwner, label, usage, isDefault));
    }

    static void remove(RacdcertContext context) {
        Operands r = context.operands.nested("REMOVE", Set.of("CERTAUTH", "SITE", "ID", "LABEL", "RING")).orElseThrow();
        String certOwner = r.has("CERTAUTH") ? DigitalCertificate.CERTAUTH : r.has("SITE") ? DigitalCertificate.SITE
                : r.value("ID").map(RacdcertContext::upper).orElse(context.owner);
        String label = r.value("LABEL").orElseThrow(() -> new ZosException("IKJ56700A", "ENTER REMOVE LABEL -"));
        String ring = ringName(r.value("RING").or(() -> context.operands.value("RING"))
                .orElseThrow(() -> new ZosException("IKJ56700A", "ENTER REMOVE RING -")));
        context.authorize("REMOVE", context.owner);
        if (!context.store().remove(context.owner, ring, certOwner, label)) {
            throw new ZosException("IRRD122I", "Certificate '" + org.opencs.core.Values.quoteForMessage(label) + "' is not connected to ring " + org.opencs.core.Values.quoteForMessage(ring) + ".");
        }
    }

    /** LISTRING(name | *) in RACF's layout. */
    static void listRing(RacdcertContext context) {
        String requested = context.operands.value("LISTRING").orElse("*");
        context.authorize("LISTRING", context.owner);
        List<String> rings = requested.equals("*") ? context.store().rings(context.owner) : List.of(ringName(requested));
        context.session.print("Digital ring information for user " + context.owner + ":");
        context.session.print("");
        if (rings.isEmpty()) {
            context.session.print("  No rings found.");
        }
        for (String ring : rings) {
            if (!context.store().ringExists(context.owner, ring)) {
                throw ringNotFound(context.owner, ring);
            }
            context.session.print("  Ring:");
            context.session.print("       >" + ring + "<");
            context.session.print("  Certificate Label Name             Cert Owner     USAGE      DEFAULT");
            context.session.print("  --------------------------------   ------------   --------   -------");
            List<RingMember> members = context.store().members(context.owner, ring);
            if (members.isEmpty()) {
                context.session.print("  *** No certificates connected ***");
            }
            for (RingMember m : members) {
                context.session.print(String.format("  %-32s   %-12s   %-8s     %s", m.certLabel(),
                        DigitalCertificate.displayOwner(m.certOwner()), m.usage(), m.isDefault() ? "YES" : "NO"));
            }
            context.session.print("");
        }
    }

    private static String ringName(String name) {
        if (name.isEmpty() || name.length() > 237 || name.contains(" ")) {
            throw new ZosException("IRRD123I", "The ring name '" + org.opencs.core.Values.quoteForMessage(name) + "' is not valid (1 to 237 characters, no blanks).");
        }
        return name;
    }

    private static ZosException ringNotFound(String owner, String ring) {
        return new ZosException("IRRD124I", "Ring " + org.opencs.core.Values.quoteForMessage(ring) + " does not exist for user " + owner + ".");
    }
}

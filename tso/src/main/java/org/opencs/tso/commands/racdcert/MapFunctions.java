package org.opencs.tso.commands.racdcert;

import java.util.List;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.certs.CertificateMap;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.saf.certs.NameFilter;

/** MAP, ALTMAP, DELMAP and LISTMAP: certificate name filters that map certificates to a user. */
final class MapFunctions {
    private static final Set<String> LABEL_ONLY = Set.of("LABEL");

    private MapFunctions() {
    }

    static void map(RacdcertContext context) {
        requireUser(context);
        context.authorize("MAP", context.owner);
        NameFilter sdn = context.operands.value("SDNFILTER").map(NameFilter::parse).orElse(null);
        NameFilter idn = context.operands.value("IDNFILTER").map(NameFilter::parse).orElse(null);
        if (sdn == null && idn == null) {
            throw new ZosException("IRRD131I", "MAP needs SDNFILTER, IDNFILTER or both.");
        }
        String label = RacdcertContext.label(context.operands.value("WITHLABEL")
                .orElse(String.format("LABEL%08d", context.registry.certificateMaps().list(context.owner).size() + 1)));
        boolean trusted = !context.operands.has("NOTRUST");
        if (!context.registry.certificateMaps().add(new CertificateMap(context.owner, label, sdn, idn, trusted),
                context.registry.clock().instant())) {
            throw new ZosException("IRRD109I", "The label '" + org.opencs.core.Values.quoteForMessage(label) + "' is already in use for a mapping of "
                    + context.owner + ".");
        }
    }

    static void altMap(RacdcertContext context) {
        requireUser(context);
        String label = context.operands.nested("ALTMAP", LABEL_ONLY).flatMap(a -> a.value("LABEL"))
                .orElseThrow(() -> new ZosException("IKJ56700A", "ENTER ALTMAP LABEL -"));
        context.authorize("ALTMAP", context.owner);
        CertificateMap map = find(context, label);
        String newLabel = RacdcertContext.label(context.operands.value("NEWLABEL").orElse(label));
        boolean trusted = context.operands.has("NOTRUST") ? false : context.operands.has("TRUST") || map.trusted();
        context.registry.certificateMaps().alter(context.owner, label, newLabel, trusted);
    }

    static void delMap(RacdcertContext context) {
        requireUser(context);
        String label = context.operands.nested("DELMAP", LABEL_ONLY).flatMap(a -> a.value("LABEL"))
                .orElseThrow(() -> new ZosException("IKJ56700A", "ENTER DELMAP LABEL -"));
        context.authorize("DELMAP", context.owner);
        if (!context.registry.certificateMaps().delete(context.owner, label)) {
            throw notFound(context.owner, label);
        }
    }

    static void listMap(RacdcertContext context) {
        requireUser(context);
        context.authorize("LISTMAP", context.owner);
        List<CertificateMap> maps = context.registry.certificateMaps().list(context.owner);
        context.session.print("Mapping information for user " + context.owner + ":");
        context.session.print("");
        if (maps.isEmpty()) {
            context.session.print("  No mappings found.");
        }
        for (CertificateMap map : maps) {
            context.session.print("  Label: " + map.label());
            context.session.print("  Status: " + (map.trusted() ? "TRUST" : "NOTRUST"));
            context.session.print("  Subject's DN filter:");
            context.session.print("       >" + (map.subjectFilter() == null ? "" : map.subjectFilter().text()) + "<");
            context.session.print("  Issuer's DN filter:");
            context.session.print("       >" + (map.issuerFilter() == null ? "" : map.issuerFilter().text()) + "<");
            context.session.print("");
        }
    }

    private static CertificateMap find(RacdcertContext context, String label) {
        return context.registry.certificateMaps().list(context.owner).stream().filter(m -> m.label().equals(label))
                .findFirst().orElseThrow(() -> notFound(context.owner, label));
    }

    private static void requireUser(RacdcertContext context) {
        if (context.owner.equals(DigitalCertificate.CERTAUTH) || context.owner.equals(DigitalCertificate.SITE)) {
            throw new ZosException("IRRD132I", "Certificate name filters belong to users: give ID(userid).");
        }
    }

    private static ZosException notFound(String owner, String label) {
        return new ZosException("IRRD133I", "No mapping with label '" + org.opencs.core.Values.quoteForMessage(label) + "' was found for user " + owner + ".");
    }
}

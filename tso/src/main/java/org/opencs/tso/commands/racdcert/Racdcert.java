package org.opencs.tso.commands.racdcert;

import java.util.List;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.tso.TsoSession;
import org.opencs.tso.commands.TsoCommandHandler;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/**
 * RACDCERT: digital certificates and key rings. The owner is CERTAUTH, SITE or ID(user); without one, the user
 * issuing the command. Exactly one function keyword says what to do.
 */
public final class Racdcert implements TsoCommandHandler {
    private static final List<String> FUNCTIONS = List.of("GENCERT", "GENREQ", "EXPORT", "ADDRING", "DELRING",
            "CONNECT", "REMOVE", "LISTRING", "LIST", "LISTCHAIN", "CHECKCERT", "ADD", "ALTER", "DELETE", "MAP", "ALTMAP",
            "DELMAP", "LISTMAP");
    private static final Set<String> KEYWORDS = Set.of("CERTAUTH", "SITE", "ID", "GENCERT", "EXPORT", "ADDRING",
            "DELRING", "CONNECT", "REMOVE", "LISTRING", "LIST", "ADD", "ALTER", "DELETE", "SUBJECTSDN", "SIZE", "RSA",
            "NISTECC", "DSA", "NOTBEFORE", "NOTAFTER", "WITHLABEL", "SIGNWITH", "KEYUSAGE", "ALTNAME", "DSN", "FORMAT",
            "PASSWORD", "TRUST", "NOTRUST", "HIGHTRUST", "NEWLABEL", "RING", "USAGE", "DEFAULT", "CN", "T", "OU", "O",
            "L", "SP", "C", "GENREQ", "LISTCHAIN", "CHECKCERT", "MAP", "ALTMAP", "DELMAP", "LISTMAP", "SDNFILTER",
            "IDNFILTER");

    @Override
    public Set<String> names() {
        return Set.of("RACDCERT");
    }

    @Override
    public void execute(TsoCommand command, TsoSession session) {
        Operands operands = Operands.of(command.operands(), KEYWORDS);
        List<String> functions = FUNCTIONS.stream().filter(operands::has).toList();
        if (functions.size() != 1) {
            throw new ZosException("IKJ56712I", functions.isEmpty()
                    ? "INVALID KEYWORD: RACDCERT NEEDS ONE FUNCTION (" + String.join(", ", FUNCTIONS) + ")"
                    : "INVALID KEYWORD: ONLY ONE RACDCERT FUNCTION MAY BE GIVEN, NOT " + String.join(" AND ", functions));
        }
        String owner = operands.has("CERTAUTH") ? DigitalCertificate.CERTAUTH
                : operands.has("SITE") ? DigitalCertificate.SITE
                : operands.value("ID").map(RacdcertContext::upper).orElse(session.user().userid());
        if (!owner.equals(DigitalCertificate.CERTAUTH) && !owner.equals(DigitalCertificate.SITE)
                && session.registry().users().find(owner).isEmpty()) {
            throw new ZosException("IRRD104I", "The user ID " + owner + " is not defined to RACF.");
        }
        RacdcertContext context = new RacdcertContext(session, operands, owner);
        switch (functions.get(0)) {
            case "GENCERT" -> GenCert.run(context);
            case "EXPORT" -> ExportCert.run(context);
            case "ADDRING" -> RingFunctions.addRing(context);
            case "DELRING" -> RingFunctions.delRing(context);
            case "CONNECT" -> RingFunctions.connect(context);
            case "REMOVE" -> RingFunctions.remove(context);
            case "LISTRING" -> RingFunctions.listRing(context);
            case "LIST" -> CertFunctions.list(context);
            case "ADD" -> CertFunctions.add(context);
            case "ALTER" -> CertFunctions.alter(context);
            case "GENREQ" -> ChainFunctions.genReq(context);
            case "LISTCHAIN" -> ChainFunctions.listChain(context);
            case "CHECKCERT" -> ChainFunctions.checkCert(context);
            case "MAP" -> MapFunctions.map(context);
            case "ALTMAP" -> MapFunctions.altMap(context);
            case "DELMAP" -> MapFunctions.delMap(context);
            case "LISTMAP" -> MapFunctions.listMap(context);
            default -> CertFunctions.delete(context);
        }
    }

    /**
     * The certificate a label-only function names. Without CERTAUTH, SITE or ID(), RACF looks among the issuer's
     * own certificates; when a SPECIAL issuer has none with that label but exactly one exists in the registry, that
     * one is meant (the seed's EXPORT job is written for USER1 but submitted by an administrator too).
     */
    static DigitalCertificate findForCommand(RacdcertContext context, String label) {
        var own = context.store().find(context.owner, label);
        if (own.isPresent()) {
            return own.get();
        }
        boolean ownerGiven = context.operands.has("CERTAUTH") || context.operands.has("SITE") || context.operands.has("ID");
        if (!ownerGiven && context.session.user().special()) {
            List<DigitalCertificate> anywhere = context.store().findByLabel(label);
            if (anywhere.size() == 1) {
                context.session.print("IRRD199I Certificate '" + label + "' of " + anywhere.get(0).ownerDisplay()
                        + " is used (the issuer owns none with that label).");
                return anywhere.get(0);
            }
        }
        return context.certificate(context.owner, label);
    }
}

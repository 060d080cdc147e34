package org.opencs.pki.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x509.GeneralName;
import org.opencs.pki.KeyDbException;

/** Subject alternative names written as {@code DNS:host}, {@code IP:addr}, {@code EMAIL:x@y}, {@code URI:u}. */
public final class AltNames {
    private AltNames() {
    }

    public static List<GeneralName> parse(List<String> specs) {
        List<GeneralName> names = new ArrayList<>();
        for (String spec : specs) {
            for (String part : spec.split(",")) {
                String item = part.trim();
                if (!item.isEmpty()) {
                    names.add(parseOne(item));
                }
            }
        }
        return names;
    }

    private static GeneralName parseOne(String item) {
        int colon = item.indexOf(':');
        if (colon <= 0) {
            throw KeyDbException.badInput("The alternative name '" + item + "' must be TYPE:value (DNS, IP, EMAIL, URI).");
        }
        String type = item.substring(0, colon).toUpperCase(Locale.ROOT);
        String value = item.substring(colon + 1);
        try {
            return switch (type) {
                case "DNS", "DOMAIN" -> new GeneralName(GeneralName.dNSName, value);
                case "IP" -> new GeneralName(GeneralName.iPAddress, value);
                case "EMAIL" -> new GeneralName(GeneralName.rfc822Name, value);
                case "URI" -> new GeneralName(GeneralName.uniformResourceIdentifier, value);
                default -> throw KeyDbException.badInput("The alternative name type '" + type
                        + "' is not one of DNS, IP, EMAIL, URI.");
            };
        } catch (IllegalArgumentException e) {
            throw KeyDbException.badInput("The alternative name '" + item + "' is not valid: " + e.getMessage());
        }
    }
}

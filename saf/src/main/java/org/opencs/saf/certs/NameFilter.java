package org.opencs.saf.certs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.opencs.core.ZosException;

/**
 * A RACF certificate name filter such as {@code 'OU=CS Z/OS.O=IBM.C=US'}: components written most specific first and
 * separated by dots. It matches a distinguished name whose least specific components are exactly these; more
 * components make a more specific filter.
 */
public record NameFilter(List<String> components) {
    public NameFilter {
        components = List.copyOf(components);
    }

    public static NameFilter parse(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.trim().split("\\.(?=[A-Za-z]+=)")) {
            int equals = part.indexOf('=');
            if (equals <= 0 || equals == part.length() - 1) {
                throw new ZosException("IRRD130I", "The name filter '" + text + "' is not valid: write TYPE=value parts "
                        + "separated by dots, most specific first (OU=Sales.O=IBM.C=US).");
            }
            parts.add(normalize(part.substring(0, equals), part.substring(equals + 1)));
        }
        return new NameFilter(parts);
    }

    /** The components of a certificate name, most specific first (as RFC 2253 writes them). */
    public static List<String> components(X500Principal name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.getName(X500Principal.RFC2253).split(",(?=[A-Za-z0-9.]+=)")) {
            int equals = part.indexOf('=');
            parts.add(normalize(part.substring(0, equals), part.substring(equals + 1).replace("\\,", ",")));
        }
        return parts;
    }

    public boolean matches(X500Principal name) {
        List<String> parts = components(name);
        if (parts.size() < components.size()) {
            return false;
        }
        return parts.subList(parts.size() - components.size(), parts.size()).equals(components);
    }

    /** RACF's dotted form. */
    public String text() {
        return String.join(".", components);
    }

    private static String normalize(String type, String value) {
        String t = type.trim().toUpperCase(Locale.ROOT);
        if (t.equals("ST")) {
            t = "SP";
        }
        return t + "=" + value.trim();
    }
}

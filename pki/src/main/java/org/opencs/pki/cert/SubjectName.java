package org.opencs.pki.cert;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.opencs.pki.KeyDbException;

/**
 * A subject distinguished name from gskkyman's prompts. The RDNs are ordered as z/OS writes them: C, ST, L, O, OU, CN.
 */
public record SubjectName(String commonName, String organizationalUnit, String organization, String locality,
                          String state, String country) {

    public SubjectName {
        if (blank(commonName)) {
            throw KeyDbException.badInput("The common name is required.");
        }
        if (country != null && !country.isEmpty() && !country.matches("[A-Za-z]{2}")) {
            throw KeyDbException.badInput("The country/region code must be 2 letters, '" + country + "' is not.");
        }
        for (String value : new String[] {commonName, organizationalUnit, organization, locality, state}) {
            if (value != null && value.length() > 64) {
                throw KeyDbException.badInput("A subject name value must be at most 64 characters: '" + value + "'.");
            }
        }
    }

    public X500Name toX500Name() {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        if (!blank(country)) {
            builder.addRDN(BCStyle.C, country.toUpperCase(java.util.Locale.ROOT));
        }
        if (!blank(state)) {
            builder.addRDN(BCStyle.ST, state);
        }
        if (!blank(locality)) {
            builder.addRDN(BCStyle.L, locality);
        }
        if (!blank(organization)) {
            builder.addRDN(BCStyle.O, organization);
        }
        if (!blank(organizationalUnit)) {
            builder.addRDN(BCStyle.OU, organizationalUnit);
        }
        builder.addRDN(BCStyle.CN, commonName);
        return builder.build();
    }

    /**
     * Parses an RFC 4514 name as users and openssl write it ({@code CN=x,OU=y,O=z,C=US}: most specific first), so the
     * certificate's name is ordered C, ..., CN like a gskkyman-made one.
     */
    public static X500Name parse(String dn) {
        X500Name name;
        try {
            name = X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
        } catch (IllegalArgumentException e) {
            throw KeyDbException.badInput("The subject name '" + dn + "' is not a valid distinguished name.");
        }
        String country = first(name, BCStyle.C);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw KeyDbException.badInput("The country/region code must be 2 letters, '" + country + "' is not.");
        }
        if (name.getRDNs().length == 0) {
            throw KeyDbException.badInput("The subject name '" + dn + "' is empty.");
        }
        return name;
    }

    private static String first(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        var rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package org.opencs.pki.codec;

import java.util.Locale;

/** gskkyman's "Export File Format" menu entries, and RACDCERT EXPORT's FORMAT() names for the same encodings. */
public enum ExportFormat {
    BINARY_DER("Binary ASN.1 DER", "CERTDER"),
    BASE64_DER("Base64 ASN.1 DER", "CERTB64"),
    BINARY_PKCS7("Binary PKCS #7", "PKCS7DER"),
    BASE64_PKCS7("Base64 PKCS #7", "PKCS7B64"),
    BINARY_PKCS12("Binary PKCS #12", "PKCS12DER"),
    BASE64_PKCS12("Base64 PKCS #12", "PKCS12B64");

    private final String menuText;
    private final String racfName;

    ExportFormat(String menuText, String racfName) {
        this.menuText = menuText;
        this.racfName = racfName;
    }

    public String menuText() {
        return menuText;
    }

    public boolean withKey() {
        return this == BINARY_PKCS12 || this == BASE64_PKCS12;
    }

    /** Accepts RACF names (CERTB64), short names (der, pem, p7b, p7b64, p12, p12b64) and enum names. */
    public static ExportFormat parse(String text) {
        String t = text.toUpperCase(Locale.ROOT).replace("-", "_");
        for (ExportFormat format : values()) {
            if (format.name().equals(t) || format.racfName.equals(t)) {
                return format;
            }
        }
        switch (t) {
            case "DER": return BINARY_DER;
            case "PEM": case "B64": case "BASE64": return BASE64_DER;
            case "P7B": case "PKCS7": return BINARY_PKCS7;
            case "P7B64": case "P7B_PEM": return BASE64_PKCS7;
            case "P12": case "PKCS12": case "PFX": return BINARY_PKCS12;
            case "P12B64": return BASE64_PKCS12;
            default:
                throw new IllegalArgumentException("export format '" + text
                        + "' is not one of der, pem, p7b, p7b64, p12, p12b64 (or CERTDER, CERTB64, PKCS7DER, PKCS7B64, PKCS12DER, PKCS12B64)");
        }
    }
}

package org.opencs.pki.tls.trace;

import java.util.Locale;
import java.util.Map;

/**
 * Names for the numbers a ClientHello and an alert carry, for reading a trace: protocol versions, the cipher suites
 * OpenCS's engines can negotiate (plus the two signalling values clients send), and alert descriptions (IANA TLS
 * registries; RFC 8446 section 6 and B.4, RFC 5246 section 7.2, RFC 7905). A suite not listed is shown by its code
 * only, in the four hexadecimal digits z/OS System SSL uses for cipher specs ({@code C02F}).
 */
public final class TlsNames {
    private static final Map<Integer, String> SUITES = Map.ofEntries(
            Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"),
            Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
            Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0x00FF, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"),
            Map.entry(0x5600, "TLS_FALLBACK_SCSV"));

    private static final Map<Integer, String> ALERTS = Map.ofEntries(
            Map.entry(0, "close_notify"), Map.entry(10, "unexpected_message"), Map.entry(20, "bad_record_mac"),
            Map.entry(21, "decryption_failed"), Map.entry(22, "record_overflow"), Map.entry(30, "decompression_failure"),
            Map.entry(40, "handshake_failure"), Map.entry(41, "no_certificate"), Map.entry(42, "bad_certificate"),
            Map.entry(43, "unsupported_certificate"), Map.entry(44, "certificate_revoked"),
            Map.entry(45, "certificate_expired"), Map.entry(46, "certificate_unknown"),
            Map.entry(47, "illegal_parameter"), Map.entry(48, "unknown_ca"), Map.entry(49, "access_denied"),
            Map.entry(50, "decode_error"), Map.entry(51, "decrypt_error"), Map.entry(60, "export_restriction"),
            Map.entry(70, "protocol_version"), Map.entry(71, "insufficient_security"), Map.entry(80, "internal_error"),
            Map.entry(86, "inappropriate_fallback"), Map.entry(90, "user_canceled"), Map.entry(100, "no_renegotiation"),
            Map.entry(109, "missing_extension"), Map.entry(110, "unsupported_extension"),
            Map.entry(111, "certificate_unobtainable"), Map.entry(112, "unrecognized_name"),
            Map.entry(113, "bad_certificate_status_response"), Map.entry(114, "bad_certificate_hash_value"),
            Map.entry(115, "unknown_psk_identity"), Map.entry(116, "certificate_required"),
            Map.entry(120, "no_application_protocol"));

    private TlsNames() {
    }

    /** Whether {@code value} is a GREASE value (RFC 8701: 0x0A0A, 0x1A1A, ... 0xFAFA), which clients send as noise. */
    public static boolean grease(int value) {
        return (value & 0x0F0F) == 0x0A0A && ((value >> 8) & 0xFF) == (value & 0xFF);
    }

    /** {@code TLSv1.3} for 0x0304 and so on down to {@code SSLv3}; GREASE; else the code in hexadecimal. */
    public static String version(int version) {
        return switch (version) {
            case 0x0304 -> "TLSv1.3";
            case 0x0303 -> "TLSv1.2";
            case 0x0302 -> "TLSv1.1";
            case 0x0301 -> "TLSv1";
            case 0x0300 -> "SSLv3";
            case 0x0002 -> "SSLv2";
            default -> grease(version) ? "GREASE" : hex(version);
        };
    }

    /** {@code C02F TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}; a suite not listed is its code alone ({@code 009E}). */
    public static String cipherSuite(int code) {
        String name = SUITES.get(code);
        return grease(code) ? hex(code) + " GREASE" : name == null ? hex(code) : hex(code) + " " + name;
    }

    /** {@code protocol_version} for 70; an unknown description is {@code alert 200}. */
    public static String alert(int description) {
        String name = ALERTS.get(description);
        return name == null ? "alert " + description : name;
    }

    /** An alert level: 1 warning, 2 fatal. */
    public static String alertLevel(int level) {
        return level == 1 ? "warning" : level == 2 ? "fatal" : "level " + level;
    }

    private static String hex(int code) {
        return String.format(Locale.ROOT, "%04X", code);
    }
}

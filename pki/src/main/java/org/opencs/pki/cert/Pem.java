package org.opencs.pki.cert;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencs.pki.KeyDbException;

/** PEM armour ("-----BEGIN X-----", Base64 in 64-character lines, "-----END X-----"). */
public final class Pem {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 #]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private Pem() {
    }

    public static boolean isPem(byte[] data) {
        return new String(data, 0, Math.min(data.length, 4096), StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + base64Lines(der) + "-----END " + type + "-----\n";
    }

    /** Base64 in 64-character lines, each ending with a line feed. */
    public static String base64Lines(byte[] data) {
        String text = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(data);
        return text.isEmpty() ? "" : text + "\n";
    }

    public static byte[] decodeFirst(String text, String source) {
        Matcher matcher = BLOCK.matcher(text);
        if (!matcher.find()) {
            throw KeyDbException.badInput(source + " is not valid PEM: no matching BEGIN/END lines.");
        }
        return decodeBase64(matcher.group(2), source);
    }

    public static byte[] decodeBase64(String text, String source) {
        try {
            return Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw KeyDbException.badInput(source + " holds Base64 that does not decode: " + e.getMessage());
        }
    }
}

package org.opencs.web;

/**
 * Escaping of text for HTML element content and double-quoted attribute values: every user-derived string (user IDs,
 * messages that quote them, data set lines, certificate subjects) goes through {@link #escape} before it reaches a
 * page, so {@code <script>} shows as text. The five characters of the OWASP rule are replaced by entities.
 */
public final class Html {
    private Html() {
    }

    /** {@code text} with {@code & < > " '} as entities; null is the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

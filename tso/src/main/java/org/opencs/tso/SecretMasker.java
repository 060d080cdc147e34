package org.opencs.tso;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in a command before it is echoed or logged: the operands of PASSWORD, PHRASE and KEYMASKED (and their
 * abbreviations) become asterisks, so a SYSTSPRT listing never shows a password or a PassTicket key.
 */
public final class SecretMasker {
    private static final Pattern SECRET = Pattern.compile("(?i)\\b(PASSW\\w*|PW|PHRASE|PHR\\w*|KEYM\\w*)\\s*\\(");

    private SecretMasker() {
    }

    public static String mask(String command) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = SECRET.matcher(command);
        int copied = 0;
        while (matcher.find(copied)) {
            out.append(command, copied, matcher.end());
            int depth = 1;
            int i = matcher.end();
            while (i < command.length() && depth > 0) {
                char c = command.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                i++;
            }
            out.append("********");
            copied = depth == 0 ? i - 1 : command.length();
        }
        out.append(command.substring(copied));
        return out.toString();
    }
}

package org.opencs.saf.resources;

/**
 * RACF's generic profile names: {@code *} stands for one qualifier or the rest of one, {@code **} for any number of
 * qualifiers (none included when it follows a dot), everything else for itself. Source: z/OS Security Server RACF
 * Security Administrator's Guide, "Generic profile rules: enhanced generic naming".
 */
public final class GenericProfiles {
    private GenericProfiles() {
    }

    /** Whether the generic (or discrete) profile name {@code profile} covers the resource {@code name}. */
    public static boolean matches(String profile, String name) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < profile.length(); i++) {
            char c = profile.charAt(i);
            if (c == '*' && i + 1 < profile.length() && profile.charAt(i + 1) == '*') {
                boolean dotBefore = regex.length() >= 2 && regex.substring(regex.length() - 2).equals("\\.");
                if (dotBefore) {
                    regex.setLength(regex.length() - 2);
                    regex.append("(\\..*)?");
                } else {
                    regex.append(".*");
                }
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(c);
            } else {
                regex.append('\\').append(c);
            }
        }
        return name.matches(regex.toString());
    }
}

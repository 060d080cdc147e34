package org.opencs.saf.users;

import org.opencs.core.ZosException;

/**
 * RACF password syntax: 6 to 8 characters of A-Z a-z 0-9 # $ @ (mixed case, as with SETROPTS MIXEDCASE); password
 * phrases 14 to 100 characters, not starting or ending with a blank.
 */
public final class PasswordRules {
    private PasswordRules() {
    }

    public static void checkPassword(char[] password) {
        String text = new String(password);
        if (password.length < 6 || password.length > 8) {
            throw new ZosException("ICH08002I", "NEW PASSWORD MUST BE 6 TO 8 CHARACTERS LONG");
        }
        if (!text.matches("[A-Za-z0-9#$@]+")) {
            throw new ZosException("ICH08003I", "NEW PASSWORD MAY CONTAIN ONLY A-Z, a-z, 0-9, #, $ AND @");
        }
    }

    public static void checkPhrase(char[] phrase) {
        String text = new String(phrase);
        if (phrase.length < 14 || phrase.length > 100) {
            throw new ZosException("ICH08011I", "NEW PASSWORD PHRASE MUST BE 14 TO 100 CHARACTERS LONG");
        }
        if (!text.equals(text.strip())) {
            throw new ZosException("ICH08012I", "A PASSWORD PHRASE MAY NOT START OR END WITH A BLANK");
        }
    }
}

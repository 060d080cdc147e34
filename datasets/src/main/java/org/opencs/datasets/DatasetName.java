package org.opencs.datasets;

import java.util.Locale;
import org.opencs.core.ZosException;

/**
 * An MVS data set name, optionally with a member: {@code USER1.ABCCA.B64}, {@code USER1.JCL(BACKUP)}. Names are
 * validated as z/OS does: qualifiers of 1-8 characters starting with A-Z # $ @, then A-Z 0-9 # $ @ -, at most 44
 * characters in all; members 1-8 characters.
 */
public record DatasetName(String name, String member) {
    private static final String QUALIFIER = "[A-Z#$@][A-Z0-9#$@-]{0,7}";

    public DatasetName {
        if (name.length() > 44 || !name.matches(QUALIFIER + "(\\." + QUALIFIER + ")*")) {
            throw new ZosException("IKJ56709I", "INVALID DATA SET NAME, " + org.opencs.core.Values.quoteForMessage(name));
        }
        if (member != null && !member.matches("[A-Z#$@][A-Z0-9#$@]{0,7}")) {
            throw new ZosException("IKJ56709I", "INVALID MEMBER NAME, " + org.opencs.core.Values.quoteForMessage(member));
        }
    }

    /**
     * Resolves a name as TSO does: 'QUOTED' names are complete; unquoted names get the user's prefix (its user ID)
     * in front. A member may follow in parentheses.
     */
    public static DatasetName resolve(String text, String prefix) {
        String t = text.trim();
        boolean quoted = t.length() >= 2 && t.startsWith("'") && t.endsWith("'");
        if (quoted) {
            t = t.substring(1, t.length() - 1);
        }
        t = t.toUpperCase(Locale.ROOT);
        String member = null;
        int open = t.indexOf('(');
        if (open >= 0) {
            if (!t.endsWith(")")) {
                throw new ZosException("IKJ56709I", "INVALID DATA SET NAME, " + org.opencs.core.Values.quoteForMessage(text));
            }
            member = t.substring(open + 1, t.length() - 1);
            t = t.substring(0, open);
        }
        String full = quoted || prefix == null || prefix.isEmpty() ? t : prefix.toUpperCase(Locale.ROOT) + "." + t;
        return new DatasetName(full, member);
    }

    /** The high-level qualifier: by z/OS convention the owner's user ID. */
    public String highLevelQualifier() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    public DatasetName withoutMember() {
        return new DatasetName(name, null);
    }

    @Override
    public String toString() {
        return member == null ? name : name + "(" + member + ")";
    }
}

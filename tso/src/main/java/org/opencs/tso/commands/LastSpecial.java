package org.opencs.tso.commands;

import org.opencs.core.ZosException;

/**
 * The refusal to remove the registry's last active SPECIAL user (ALTUSER NOSPECIAL or REVOKE, DELUSER): without one,
 * nobody could administer users again. RACF has no such check (its way back is failsoft at the console); OpenCS
 * refuses with OCS0060E and keeps the console's failsoft way back for registries that lost it anyway
 * (docs/registry.md).
 */
final class LastSpecial {
    private LastSpecial() {
    }

    static ZosException refused(String userid, String what) {
        return new ZosException("OCS0060E", "USER " + userid + " IS THE LAST ACTIVE SPECIAL USER; " + what
                + " NOT DONE. GIVE ANOTHER USER SPECIAL FIRST.");
    }
}

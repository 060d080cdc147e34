package org.opencs.saf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.opencs.core.ZosException;
import org.opencs.saf.store.Database;
import org.opencs.saf.store.OptionStore;
import org.opencs.saf.store.Sql;

/**
 * The registry's master key check value: a known text sealed with the system's master key ({@link MasterKey#seal},
 * AES-256-GCM, so only the same key opens it), kept in system_options as {@value #OPTION} (Base64). It plays the role
 * of ICSF's master key verification pattern: every node of a system must hold the one master key, and a node whose
 * key does not open the check value refuses to use the registry before it reads or writes anything sealed. A registry
 * without a check value (made before it existed) gets one, sealed with the key of the first node that opens it.
 */
final class MasterKeyCheck {
    /** The system_options name of the check value. */
    static final String OPTION = "MASTER.KEY.CHECK";
    private static final byte[] KNOWN = "OPENCS MASTER KEY CHECK".getBytes(StandardCharsets.US_ASCII);

    private final Database database;
    private final MasterKey key;

    MasterKeyCheck(Database database, MasterKey key) {
        this.database = database;
        this.key = key;
    }

    /**
     * Verifies {@code key} against the registry's check value, writing one first when the registry has none (a race
     * between two first openers is settled by the table's key: the loser verifies the winner's value).
     *
     * @param where the registry, as messages name it (URL without password)
     * @throws ZosException OCS0015E when the key is not the one the check value was sealed with
     */
    void verify(String where) {
        OptionStore options = new OptionStore(database);
        Optional<String> stored = options.get(OPTION);
        if (stored.isEmpty()) {
            String value = Base64.getEncoder().encodeToString(key.seal(KNOWN, OPTION));
            try {
                database.inTransaction(c -> Sql.update(c,
                        "INSERT INTO system_options (name, option_value) VALUES (?, ?)", OPTION, value));
                return;
            } catch (ZosException e) {
                stored = options.get(OPTION);
                if (stored.isEmpty()) {
                    throw e;
                }
            }
        }
        byte[] opened;
        try {
            opened = key.unseal(Base64.getDecoder().decode(stored.get()), OPTION);
        } catch (ZosException | IllegalArgumentException e) {
            throw mismatch(where);
        }
        if (!Arrays.equals(opened, KNOWN)) {
            throw mismatch(where);
        }
    }

    /** Whether the registry already has a check value (a system was created in it). */
    static boolean present(Database database) {
        return new OptionStore(database).get(OPTION).isPresent();
    }

    private static ZosException mismatch(String where) {
        return new ZosException("OCS0015E", "The master key of this node does not match the system's master key in "
                + where + ": every node of a system uses the one master key (" + MasterKey.ENVIRONMENT_VARIABLE
                + ", or the file master.key.file in system.conf names). Nothing was read or written.");
    }
}

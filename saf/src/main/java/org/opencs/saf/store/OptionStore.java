package org.opencs.saf.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** System-wide SETROPTS settings as name/value pairs (e.g. CLASSACT.PTKTDATA=YES, PASSWORD.REVOKE=3). */
public final class OptionStore {
    private final Database database;

    public OptionStore(Database database) {
        this.database = database;
    }

    public Optional<String> get(String name) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT option_value FROM system_options WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void set(String name, String value) {
        database.inTransaction(c -> {
            Sql.update(c, "DELETE FROM system_options WHERE name = ?", name);
            if (value != null) {
                Sql.update(c, "INSERT INTO system_options (name, option_value) VALUES (?, ?)", name, value);
            }
            return null;
        });
    }

    /** Names of the options that start with {@code prefix}, sorted (e.g. every "CLASSACT." entry). */
    public java.util.List<String> names(String prefix) {
        return database.inTransaction(c -> {
            java.util.List<String> names = new java.util.ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT name FROM system_options WHERE name LIKE ? ORDER BY name")) {
                select.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }

    public boolean classActive(String className) {
        return get("CLASSACT." + className).isPresent();
    }

    /** SETROPTS PASSWORD(REVOKE(n)): failed logons that revoke a user; 0 means never. */
    public int revokeAfter() {
        return get("PASSWORD.REVOKE").map(Integer::parseInt).orElse(0);
    }
}

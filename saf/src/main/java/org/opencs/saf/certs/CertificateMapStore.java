package org.opencs.saf.certs;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opencs.saf.store.Database;
import org.opencs.saf.store.Sql;

/** The certificate name filters of RACDCERT MAP, ALTMAP, DELMAP and LISTMAP. */
public final class CertificateMapStore {
    private final Database database;

    public CertificateMapStore(Database database) {
        this.database = database;
    }

    public boolean add(CertificateMap map, Instant now) {
        return database.inTransaction(c -> {
            if (Sql.exists(c, "SELECT 1 FROM certificate_maps WHERE userid = ? AND label = ?", map.userid(), map.label())) {
                return false;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO certificate_maps (userid, label, sdn_filter, "
                    + "idn_filter, trusted, created) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, map.userid());
                insert.setString(2, map.label());
                insert.setString(3, map.subjectFilter() == null ? null : map.subjectFilter().text());
                insert.setString(4, map.issuerFilter() == null ? null : map.issuerFilter().text());
                insert.setBoolean(5, map.trusted());
                insert.setTimestamp(6, Timestamp.from(now));
                insert.executeUpdate();
            }
            return true;
        });
    }

    /** Every map, or one user's when {@code userid} is not null. */
    public List<CertificateMap> list(String userid) {
        return database.inTransaction(c -> {
            List<CertificateMap> maps = new ArrayList<>();
            String sql = "SELECT userid, label, sdn_filter, idn_filter, trusted FROM certificate_maps"
                    + (userid == null ? "" : " WHERE userid = ?") + " ORDER BY userid, label";
            try (PreparedStatement select = c.prepareStatement(sql)) {
                if (userid != null) {
                    select.setString(1, userid);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String sdn = rs.getString(3);
                        String idn = rs.getString(4);
                        maps.add(new CertificateMap(rs.getString(1), rs.getString(2),
                                sdn == null ? null : NameFilter.parse(sdn), idn == null ? null : NameFilter.parse(idn),
                                rs.getBoolean(5)));
                    }
                }
            }
            return maps;
        });
    }

    public boolean alter(String userid, String label, String newLabel, boolean trusted) {
        return database.inTransaction(c -> {
            return Sql.update(c, "UPDATE certificate_maps SET label = ?, trusted = ? WHERE userid = ? AND label = ?",
                    newLabel, trusted, userid, label) == 1;
        });
    }

    public boolean delete(String userid, String label) {
        return database.inTransaction(c -> {
            return Sql.update(c, "DELETE FROM certificate_maps WHERE userid = ? AND label = ?", userid, label) == 1;
        });
    }
}

package org.opencs.saf.certs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencs.saf.store.Database;
import org.opencs.saf.store.Sql;

/** Digital certificates, key rings and ring connections in the registry. Private keys are stored sealed. */
public final class CertificateStore {
    private static final String COLUMNS = "owner, label, certificate, private_key IS NOT NULL AS has_key, trust";

    private final Database database;

    public CertificateStore(Database database) {
        this.database = database;
    }

    public boolean add(DigitalCertificate certificate, byte[] sealedKey, String subject, String issuer, String serial,
                       Instant now) {
        return database.inTransaction(c -> {
            if (find(c, certificate.owner(), certificate.label()).isPresent()) {
                return false;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO certificates (owner, label, certificate, "
                    + "private_key, trust, subject, issuer, serial, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, certificate.owner());
                insert.setString(2, certificate.label());
                insert.setBytes(3, certificate.der());
                insert.setBytes(4, sealedKey);
                insert.setString(5, certificate.trust());
                insert.setString(6, subject);
                insert.setString(7, issuer);
                insert.setString(8, serial);
                insert.setTimestamp(9, Timestamp.from(now));
                insert.executeUpdate();
            }
            return true;
        });
    }

    public Optional<DigitalCertificate> find(String owner, String label) {
        return database.inTransaction(c -> find(c, owner, label));
    }

    private static Optional<DigitalCertificate> find(Connection c, String owner, String label) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM certificates WHERE owner = ? AND label = ?")) {
            select.setString(1, owner);
            select.setString(2, label);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The certificate with this issuer (RFC 2253, as stored) and serial number (hexadecimal, as stored), whoever owns it
     * and whatever its label: RACF keeps one DIGTCERT profile per certificate, named by serial number and issuer.
     */
    public Optional<DigitalCertificate> findByIssuerAndSerial(String issuer, String serial) {
        return query("SELECT " + COLUMNS + " FROM certificates WHERE issuer = ? AND serial = ? ORDER BY owner, label",
                issuer, serial).stream().findFirst();
    }

    /**
     * Gives a certificate defined without a private key its key (sealed); false when the certificate does not exist or
     * already has one.
     */
    public boolean addPrivateKey(String owner, String label, byte[] sealedKey) {
        return database.inTransaction(c -> Sql.update(c, "UPDATE certificates SET private_key = ? WHERE owner = ? AND "
                + "label = ? AND private_key IS NULL", sealedKey, owner, label) == 1);
    }

    /** Every certificate with this label, whoever owns it. */
    public List<DigitalCertificate> findByLabel(String label) {
        return query("SELECT " + COLUMNS + " FROM certificates WHERE label = ? ORDER BY owner", label);
    }

    /** Certificates whose subject (RFC 2253) is {@code subject}: candidates for matching a presented certificate. */
    public List<DigitalCertificate> findBySubject(String subject) {
        return query("SELECT " + COLUMNS + " FROM certificates WHERE subject = ? ORDER BY owner, label", subject);
    }

    public List<DigitalCertificate> list(String owner) {
        return query("SELECT " + COLUMNS + " FROM certificates WHERE owner = ? ORDER BY label", owner);
    }

    public Optional<byte[]> sealedKey(String owner, String label) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT private_key FROM certificates WHERE owner = ? AND label = ?")) {
                select.setString(1, owner);
                select.setString(2, label);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    public void alter(String owner, String label, String newLabel, String trust) {
        database.inTransaction(c -> {
            Sql.update(c, "UPDATE certificates SET label = ?, trust = ? WHERE owner = ? AND label = ?",
                    newLabel, trust, owner, label);
            Sql.update(c, "UPDATE ring_members SET cert_label = ? WHERE cert_owner = ? AND cert_label = ?",
                    newLabel, owner, label);
            return null;
        });
    }

    /** Deletes the certificate and removes it from every ring. */
    public boolean delete(String owner, String label) {
        return database.inTransaction(c -> {
            Sql.update(c, "DELETE FROM ring_members WHERE cert_owner = ? AND cert_label = ?", owner, label);
            return Sql.update(c, "DELETE FROM certificates WHERE owner = ? AND label = ?", owner, label) == 1;
        });
    }

    public boolean addRing(String owner, String name, Instant now) {
        return database.inTransaction(c -> {
            if (ringExists(c, owner, name)) {
                return false;
            }
            Sql.update(c, "INSERT INTO key_rings (owner, name, created) VALUES (?, ?, ?)", owner, name, Timestamp.from(now));
            return true;
        });
    }

    public boolean ringExists(String owner, String name) {
        return database.inTransaction(c -> ringExists(c, owner, name));
    }

    private static boolean ringExists(Connection c, String owner, String name) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM key_rings WHERE owner = ? AND name = ?", owner, name);
    }

    public List<String> rings(String owner) {
        return database.inTransaction(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT name FROM key_rings WHERE owner = ? ORDER BY name")) {
                select.setString(1, owner);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }

    public boolean deleteRing(String owner, String name) {
        return database.inTransaction(c -> {
            Sql.update(c, "DELETE FROM ring_members WHERE ring_owner = ? AND ring_name = ?", owner, name);
            return Sql.update(c, "DELETE FROM key_rings WHERE owner = ? AND name = ?", owner, name) == 1;
        });
    }

    /** Connects (or reconnects) a certificate; DEFAULT takes the default mark from any other member. */
    public void connect(String ringOwner, String ring, RingMember member) {
        database.inTransaction(c -> {
            if (member.isDefault()) {
                Sql.update(c, "UPDATE ring_members SET is_default = ? WHERE ring_owner = ? AND ring_name = ?",
                        false, ringOwner, ring);
            }
            removeMember(c, ringOwner, ring, member.certOwner(), member.certLabel());
            Sql.update(c, "INSERT INTO ring_members (ring_owner, ring_name, cert_owner, cert_label, usage_type, "
                    + "is_default) VALUES (?, ?, ?, ?, ?, ?)", ringOwner, ring, member.certOwner(), member.certLabel(),
                    member.usage(), member.isDefault());
            return null;
        });
    }

    public boolean remove(String ringOwner, String ring, String certOwner, String certLabel) {
        return database.inTransaction(c -> removeMember(c, ringOwner, ring, certOwner, certLabel) == 1);
    }

    private static int removeMember(Connection c, String ringOwner, String ring, String certOwner, String label)
            throws SQLException {
        return Sql.update(c, "DELETE FROM ring_members WHERE ring_owner = ? AND ring_name = ? AND cert_owner = ? "
                + "AND cert_label = ?", ringOwner, ring, certOwner, label);
    }

    /** Members in the order they were connected. */
    public List<RingMember> members(String ringOwner, String ring) {
        return database.inTransaction(c -> {
            List<RingMember> members = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT m.cert_owner, m.cert_label, m.usage_type, "
                    + "m.is_default FROM ring_members m JOIN certificates c ON c.owner = m.cert_owner "
                    + "AND c.label = m.cert_label WHERE m.ring_owner = ? AND m.ring_name = ? ORDER BY c.created, m.cert_label")) {
                select.setString(1, ringOwner);
                select.setString(2, ring);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        members.add(new RingMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                    }
                }
            }
            return members;
        });
    }

    private List<DigitalCertificate> query(String sql, String... parameters) {
        return database.inTransaction(c -> {
            List<DigitalCertificate> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setString(i + 1, parameters[i]);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.add(read(rs));
                    }
                }
            }
            return result;
        });
    }

    private static DigitalCertificate read(ResultSet rs) throws SQLException {
        return new DigitalCertificate(rs.getString("owner"), rs.getString("label"), rs.getBytes("certificate"),
                rs.getBoolean("has_key"), rs.getString("trust"));
    }
}

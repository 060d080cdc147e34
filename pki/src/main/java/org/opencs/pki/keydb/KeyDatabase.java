package org.opencs.pki.keydb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.opencs.core.AtomicFiles;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.codec.Pkcs12;
import org.opencs.pki.kdb.ContainerKind;
import org.opencs.pki.kdb.KdbCodec;
import org.opencs.pki.kdb.KdbFlags;
import org.opencs.pki.kdb.KdbImage;
import org.opencs.pki.kdb.KdbRecord;
import org.opencs.pki.kdb.PrivateKeyProtection;
import org.opencs.pki.kdb.RecordContent;
import org.opencs.pki.kdb.StashFile;

/**
 * A key database opened for use: the .kdb (or PKCS #12) file and its .rdb request database, held in memory as GSKit
 * records, changed by the methods here and written back atomically by {@link #save()}. A failed open or a refused
 * change leaves the files exactly as they were.
 */
public final class KeyDatabase {
    private static final int MAX_LABEL = 127;

    private final Path path;
    private final StoreFormat format;
    private final SecureRandom random;
    private char[] password;
    private KdbImage keys;
    private KdbImage requests;
    private final List<X509Certificate> certificates = new ArrayList<>();
    private boolean requestsChanged;

    private KeyDatabase(Path path, StoreFormat format, char[] password, KdbImage keys, KdbImage requests,
                        SecureRandom random) {
        this.path = path;
        this.format = format;
        this.password = password.clone();
        this.random = random;
        this.keys = keys;
        this.requests = requests;
        for (KdbRecord record : keys.records()) {
            certificates.add(parseCertificate(record));
        }
    }

    /** Creates a new empty key database and request database; refuses to overwrite an existing file. */
    public static KeyDatabase create(Path path, char[] password, int recordLength, SecureRandom random) {
        if (Files.exists(path)) {
            throw new KeyDbException("OCSK020E", "Key database " + path + " already exists.");
        }
        checkPassword(password);
        if (recordLength < 2500 || recordLength > 65536) {
            throw KeyDbException.badInput("The record length must be between 2500 and 65536, " + recordLength + " is not.");
        }
        StoreFormat format = StoreFormat.of(path, null);
        KeyDatabase db = new KeyDatabase(path, format, password, KdbImage.empty(ContainerKind.KEY, recordLength, random),
                KdbImage.empty(ContainerKind.REQUEST, recordLength, random), random);
        db.requestsChanged = format == StoreFormat.KDB;
        db.save();
        return db;
    }

    public static KeyDatabase open(Path path, char[] password, SecureRandom random) {
        byte[] data = readFile(path);
        StoreFormat format = StoreFormat.of(path, data);
        KdbImage keys;
        if (format == StoreFormat.KDB) {
            keys = KdbCodec.read(data, password, path.toString());
            if (keys.kind() != ContainerKind.KEY) {
                throw KeyDbException.corrupt(path.toString(), "it is a request or CRL database, not a key database");
            }
        } else {
            keys = fromPkcs12(Pkcs12.read(data, password, path.toString()), password, random);
        }
        Path rdb = KeyDbFiles.requestDatabase(path);
        KdbImage requests = Files.exists(rdb)
                ? KdbCodec.read(readFile(rdb), password, rdb.toString())
                : KdbImage.empty(ContainerKind.REQUEST, keys.slotSize(), random);
        return new KeyDatabase(path, format, password, keys, requests, random);
    }

    /** Opens with the password stashed in the .sth beside the database, as servers do. */
    public static KeyDatabase openStashed(Path path, SecureRandom random) {
        // A missing database is the problem to name, not the stash file beside where it should be.
        if (!java.nio.file.Files.exists(path)) {
            throw new KeyDbException("OCSK003E", "Key database " + path.toAbsolutePath() + " does not exist.");
        }
        Path stash = KeyDbFiles.stash(path);
        char[] password = StashFile.decode(readFile(stash), stash.toString());
        try {
            return open(path, password, random);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    public Path path() {
        return path;
    }

    public StoreFormat format() {
        return format;
    }

    public int recordLength() {
        return keys.slotSize();
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Personal and CA entries in database order, then requests. */
    public List<KeyDbEntry> entries() {
        List<KeyDbEntry> result = new ArrayList<>();
        for (int i = 0; i < keys.records().size(); i++) {
            result.add(entry(keys.records().get(i), certificates.get(i)));
        }
        for (KdbRecord record : requests.records()) {
            result.add(entry(record, null));
        }
        return result;
    }

    public List<KeyDbEntry> entries(EntryType type) {
        return entries().stream().filter(e -> e.type() == type).toList();
    }

    public Optional<KeyDbEntry> find(String label) {
        int index = keyIndex(label);
        if (index >= 0) {
            return Optional.of(entry(keys.records().get(index), certificates.get(index)));
        }
        return requests.records().stream().filter(r -> r.label().equals(label)).findFirst().map(r -> entry(r, null));
    }

    public KeyDbEntry get(String label) {
        return find(label).orElseThrow(() -> KeyDbException.unknownLabel(label));
    }

    /** The default key; when none is marked and the database holds exactly one key, that key. */
    public Optional<KeyDbEntry> defaultKey() {
        List<KeyDbEntry> personal = entries(EntryType.PERSONAL);
        return personal.stream().filter(KeyDbEntry::isDefault).findFirst()
                .or(() -> personal.size() == 1 ? Optional.of(personal.get(0)) : Optional.empty());
    }

    public PrivateKey privateKey(String label) {
        byte[] encrypted = findRecord(label).content().encryptedKeyOrNull();
        if (encrypted == null) {
            throw KeyDbException.badInput("The entry '" + label + "' is a certificate without a private key.");
        }
        try {
            return PrivateKeyProtection.decrypt(encrypted, password);
        } catch (GeneralSecurityException e) {
            throw KeyDbException.corrupt(path.toString(), "the private key of '" + label + "' cannot be decrypted");
        }
    }

    /** The certificate and its issuers found in this database, built by subject/issuer matching. */
    public List<X509Certificate> chain(String label) {
        KeyDbEntry entry = get(label);
        if (entry.certificate() == null) {
            throw KeyDbException.badInput("The entry '" + label + "' is a certificate request.");
        }
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = entry.certificate();
        chain.add(current);
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal()) && chain.size() < 10) {
            X509Certificate issuer = issuerOf(current);
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    /**
     * The trust anchors of a TLS context built from this database: trusted certificate-only entries, and trusted CA
     * certificates that also hold their key (a CA managed in this database signs and is trusted).
     */
    public List<X509Certificate> trustedCertificates() {
        return entries().stream()
                .filter(e -> e.trusted() && (e.type() == EntryType.CA || (e.type() == EntryType.PERSONAL && e.isCaCertificate())))
                .map(KeyDbEntry::certificate).toList();
    }

    private X509Certificate issuerOf(X509Certificate certificate) {
        for (X509Certificate candidate : certificates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // Same name, different key: keep looking.
                }
            }
        }
        return null;
    }

    // ---- changing ------------------------------------------------------------------------------------------------

    public void addPersonal(String label, X509Certificate certificate, PrivateKey key) {
        checkNewLabel(label);
        checkNotPresent(certificate);
        byte[] encrypted = PrivateKeyProtection.encrypt(key, password, random);
        addKeyRecord(new KdbRecord(label, new RecordContent.Personal(der(certificate), encrypted), KdbFlags.TRUSTED),
                certificate);
    }

    public void addCertificate(String label, X509Certificate certificate, boolean trusted) {
        checkNewLabel(label);
        checkNotPresent(certificate);
        addKeyRecord(new KdbRecord(label, new RecordContent.Signer(der(certificate)), new KdbFlags(trusted, false)),
                certificate);
    }

    public void addRequest(String label, PKCS10CertificationRequest request, PrivateKey key) {
        checkNewLabel(label);
        try {
            byte[] encrypted = PrivateKeyProtection.encrypt(key, password, random);
            List<KdbRecord> records = new ArrayList<>(requests.records());
            records.add(new KdbRecord(label, new RecordContent.Request(request.getEncoded(), encrypted), KdbFlags.TRUSTED));
            requests = requests.withRecords(records);
            requestsChanged = true;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Receives the certificate issued for a pending request: the request whose public key matches becomes a personal
     * entry under the request's label. Returns that label.
     */
    public String receive(X509Certificate certificate) {
        PublicKey issued = certificate.getPublicKey();
        for (KdbRecord record : requests.records()) {
            RecordContent.Request request = (RecordContent.Request) record.content();
            if (Arrays.equals(publicKeyOf(request).getEncoded(), issued.getEncoded())) {
                checkNotPresent(certificate);
                addKeyRecord(new KdbRecord(record.label(),
                        new RecordContent.Personal(der(certificate), request.encryptedPrivateKey()), KdbFlags.TRUSTED),
                        certificate);
                List<KdbRecord> remaining = new ArrayList<>(requests.records());
                remaining.remove(record);
                requests = requests.withRecords(remaining);
                requestsChanged = true;
                return record.label();
            }
        }
        throw KeyDbException.badInput("No certificate request in the database matches the public key of the certificate '"
                + certificate.getSubjectX500Principal().getName() + "'.");
    }

    public void delete(String label) {
        int index = keyIndex(label);
        if (index >= 0) {
            List<KdbRecord> records = new ArrayList<>(keys.records());
            records.remove(index);
            certificates.remove(index);
            keys = keys.withRecords(records);
            return;
        }
        List<KdbRecord> records = new ArrayList<>(requests.records());
        if (!records.removeIf(r -> r.label().equals(label))) {
            throw KeyDbException.unknownLabel(label);
        }
        requests = requests.withRecords(records);
        requestsChanged = true;
    }

    public void rename(String label, String newLabel) {
        checkNewLabel(newLabel);
        int index = keyIndex(label);
        if (index >= 0) {
            replaceKeyRecord(index, keys.records().get(index).withLabel(newLabel));
            return;
        }
        List<KdbRecord> records = new ArrayList<>(requests.records());
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).label().equals(label)) {
                records.set(i, records.get(i).withLabel(newLabel));
                requests = requests.withRecords(records);
                requestsChanged = true;
                return;
            }
        }
        throw KeyDbException.unknownLabel(label);
    }

    /** Marks the key as the default and clears the mark on every other record. */
    public void setDefault(String label) {
        int index = keyIndex(label);
        if (index < 0) {
            throw KeyDbException.unknownLabel(label);
        }
        if (!(keys.records().get(index).content() instanceof RecordContent.Personal)) {
            throw KeyDbException.badInput("The entry '" + label + "' has no private key and cannot be the default key.");
        }
        List<KdbRecord> records = new ArrayList<>();
        for (int i = 0; i < keys.records().size(); i++) {
            KdbRecord record = keys.records().get(i);
            records.add(record.withFlags(record.flags().withDefault(i == index)));
        }
        keys = keys.withRecords(records);
    }

    public void setTrusted(String label, boolean trusted) {
        int index = keyIndex(label);
        if (index < 0) {
            throw KeyDbException.unknownLabel(label);
        }
        KdbRecord record = keys.records().get(index);
        replaceKeyRecord(index, record.withFlags(record.flags().withTrusted(trusted)));
    }

    /** Re-encrypts every private key under the new password; {@link #save()} writes both files and MACs. */
    public void changePassword(char[] newPassword) {
        checkPassword(newPassword);
        keys = keys.withRecords(keys.records().stream().map(r -> reencrypt(r, newPassword)).toList());
        requests = requests.withRecords(requests.records().stream().map(r -> reencrypt(r, newPassword)).toList());
        requestsChanged = true;
        Arrays.fill(password, '\0');
        password = newPassword.clone();
    }

    public void changeRecordLength(int recordLength) {
        if (recordLength < 2500 || recordLength > 65536) {
            throw KeyDbException.badInput("The record length must be between 2500 and 65536, " + recordLength + " is not.");
        }
        for (KdbRecord record : keys.records()) {
            int needed = KdbCodec.bytesNeeded(record);
            if (needed > recordLength) {
                throw KeyDbException.badInput("The record length " + recordLength + " is too small for '"
                        + record.label() + "', which needs " + needed + " bytes.");
            }
        }
        keys = keys.withSlotSize(recordLength);
        requests = requests.withSlotSize(recordLength);
        requestsChanged = true;
    }

    /** Writes the password stash beside the database (mode 0600) and returns its path. */
    public Path stash(StashFile.Format stashFormat) {
        Path stash = KeyDbFiles.stash(path);
        write(stash, StashFile.encode(password, stashFormat, random));
        return stash;
    }

    /** Writes the database (and the request database when it changed) atomically. */
    public void save() {
        if (format == StoreFormat.KDB) {
            write(path, KdbCodec.write(keys, password));
        } else {
            write(path, Pkcs12.write(toPkcs12Entries(), password));
        }
        if (requestsChanged) {
            write(KeyDbFiles.requestDatabase(path), KdbCodec.write(requests, password));
            requestsChanged = false;
        }
    }

    /** Verifies a password without keeping it (gskkyman asks again before destructive actions). */
    public boolean passwordMatches(char[] candidate) {
        return Arrays.equals(candidate, password);
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    private void addKeyRecord(KdbRecord record, X509Certificate certificate) {
        List<KdbRecord> records = new ArrayList<>(keys.records());
        records.add(record);
        keys = keys.withRecords(records);
        certificates.add(certificate);
    }

    private void replaceKeyRecord(int index, KdbRecord record) {
        List<KdbRecord> records = new ArrayList<>(keys.records());
        records.set(index, record);
        keys = keys.withRecords(records);
    }

    private KdbRecord reencrypt(KdbRecord record, char[] newPassword) {
        byte[] encrypted = record.content().encryptedKeyOrNull();
        if (encrypted == null) {
            return record;
        }
        try {
            byte[] key = PrivateKeyProtection.decryptInfo(encrypted, password).getEncoded();
            return new KdbRecord(record.label(),
                    record.content().withEncryptedKey(PrivateKeyProtection.encrypt(key, newPassword, random)), record.flags());
        } catch (GeneralSecurityException | IOException e) {
            throw KeyDbException.corrupt(path.toString(), "the private key of '" + record.label() + "' cannot be decrypted");
        }
    }

    private KdbRecord findRecord(String label) {
        int index = keyIndex(label);
        if (index >= 0) {
            return keys.records().get(index);
        }
        return requests.records().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> KeyDbException.unknownLabel(label));
    }

    private int keyIndex(String label) {
        for (int i = 0; i < keys.records().size(); i++) {
            if (keys.records().get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /** GSKit's limit is 128 characters; the stash holds 128 bytes, so non-ASCII passwords count in UTF-8 bytes. */
    private static void checkPassword(char[] password) {
        int bytes = new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (password.length == 0 || bytes > 128) {
            throw KeyDbException.badInput("The database password must be 1 to 128 characters (128 bytes in UTF-8).");
        }
    }

    private void checkNewLabel(String label) {
        if (label == null || label.isEmpty() || label.length() > MAX_LABEL) {
            throw KeyDbException.badInput("A label must be 1 to " + MAX_LABEL + " characters long.");
        }
        for (char c : label.toCharArray()) {
            if (c < 0x20 || c > 0x7E) {
                throw KeyDbException.badInput("The label '" + label + "' has a character that is not printable ASCII.");
            }
        }
        if (find(label).isPresent()) {
            throw KeyDbException.duplicateLabel(label);
        }
    }

    private void checkNotPresent(X509Certificate certificate) {
        for (int i = 0; i < certificates.size(); i++) {
            if (certificates.get(i).equals(certificate)) {
                throw new KeyDbException("OCSK021E", "The certificate is already in the database with label '"
                        + keys.records().get(i).label() + "'.");
            }
        }
    }

    private KeyDbEntry entry(KdbRecord record, X509Certificate certificate) {
        RecordContent content = record.content();
        if (content instanceof RecordContent.Request r) {
            PKCS10CertificationRequest request = parseRequest(r);
            return new KeyDbEntry(record.label(), EntryType.REQUEST, null, request, publicKeyOf(r),
                    record.flags().trusted(), false);
        }
        EntryType type = content instanceof RecordContent.Personal ? EntryType.PERSONAL : EntryType.CA;
        return new KeyDbEntry(record.label(), type, certificate, null, certificate == null ? null : certificate.getPublicKey(),
                record.flags().trusted(), record.flags().isDefault());
    }

    private X509Certificate parseCertificate(KdbRecord record) {
        byte[] der = record.content().certificateOrNull();
        if (der == null) {
            return null;
        }
        try {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw KeyDbException.corrupt(path.toString(), "the certificate of '" + record.label() + "' does not parse");
        }
    }

    private PKCS10CertificationRequest parseRequest(RecordContent.Request request) {
        try {
            return new PKCS10CertificationRequest(request.certificationRequest());
        } catch (IOException e) {
            throw KeyDbException.corrupt(path.toString(), "a certificate request does not parse");
        }
    }

    private PublicKey publicKeyOf(RecordContent.Request request) {
        try {
            return new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(parseRequest(request)).getPublicKey();
        } catch (GeneralSecurityException e) {
            throw KeyDbException.corrupt(path.toString(), "a certificate request holds an unsupported public key");
        }
    }

    private List<Pkcs12.Entry> toPkcs12Entries() {
        List<Pkcs12.Entry> result = new ArrayList<>();
        List<KeyDbEntry> all = entries();
        // The default key first: in a PKCS #12 file the first key is the default.
        all.stream().filter(e -> e.type() == EntryType.PERSONAL && e.isDefault())
                .forEach(e -> result.add(new Pkcs12.Entry(e.label(), privateKey(e.label()), chain(e.label()))));
        for (KeyDbEntry entry : all) {
            if (entry.type() == EntryType.PERSONAL && !entry.isDefault()) {
                result.add(new Pkcs12.Entry(entry.label(), privateKey(entry.label()), chain(entry.label())));
            } else if (entry.type() == EntryType.CA) {
                result.add(new Pkcs12.Entry(entry.label(), null, List.of(entry.certificate())));
            }
        }
        return result;
    }

    private static KdbImage fromPkcs12(List<Pkcs12.Entry> entries, char[] password, SecureRandom random) {
        List<KdbRecord> records = new ArrayList<>();
        List<X509Certificate> seen = new ArrayList<>();
        boolean first = true;
        for (Pkcs12.Entry entry : entries) {
            X509Certificate leaf = entry.chain().get(0);
            if (seen.contains(leaf)) {
                continue;
            }
            seen.add(leaf);
            if (entry.key() != null) {
                records.add(new KdbRecord(entry.alias(), new RecordContent.Personal(der(leaf),
                        PrivateKeyProtection.encrypt(entry.key(), password, random)), new KdbFlags(true, first)));
                first = false;
            } else {
                records.add(new KdbRecord(entry.alias(), new RecordContent.Signer(der(leaf)), KdbFlags.TRUSTED));
            }
        }
        // Issuers carried only inside key entries' chains become CA entries, labelled by subject.
        for (Pkcs12.Entry entry : entries) {
            for (X509Certificate issuer : entry.chain().subList(1, entry.chain().size())) {
                if (!seen.contains(issuer)) {
                    seen.add(issuer);
                    records.add(new KdbRecord(uniqueLabel(records, issuer.getSubjectX500Principal().getName()),
                            new RecordContent.Signer(der(issuer)), KdbFlags.TRUSTED));
                }
            }
        }
        return KdbImage.empty(ContainerKind.KEY, KdbImage.DEFAULT_SLOT_SIZE, random).withRecords(records);
    }

    private static String uniqueLabel(List<KdbRecord> records, String wanted) {
        String base = wanted.length() > MAX_LABEL - 4 ? wanted.substring(0, MAX_LABEL - 4) : wanted;
        String label = base;
        for (int n = 2; labelTaken(records, label); n++) {
            label = base + " (" + n + ")";
        }
        return label;
    }

    private static boolean labelTaken(List<KdbRecord> records, String label) {
        return records.stream().anyMatch(r -> r.label().equals(label));
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw KeyDbException.notFound("The file " + file);
        } catch (IOException e) {
            throw KeyDbException.io(file.toString(), e);
        }
    }

    private static void write(Path file, byte[] data) {
        try {
            AtomicFiles.write(file, data, true);
        } catch (IOException e) {
            throw KeyDbException.io(file.toString(), e);
        }
    }
}

package org.opencs.saf;

import java.security.SecureRandom;
import java.time.Clock;
import org.opencs.core.AuditLog;
import org.opencs.core.SystemConfig;
import org.opencs.core.SystemHome;
import org.opencs.saf.passticket.ReplayStore;
import org.opencs.saf.resources.ResourceStore;
import org.opencs.saf.store.Database;
import org.opencs.saf.store.OptionStore;
import org.opencs.saf.users.PasswordHasher;
import org.opencs.saf.users.UserStore;

/**
 * The security registry of one system home: the stores, the master key that seals their secrets, the password
 * hasher, the audit log and the clock. Every read goes to the store, so a change made by one process (a TSO command)
 * is seen by the next logon in another (a running server) without a restart.
 */
public final class Registry implements AutoCloseable {
    private final SystemHome home;
    private final SystemConfig config;
    private final Database database;
    private final MasterKey masterKey;
    private final Clock clock;
    private final SecureRandom random;
    private final AuditLog audit;
    /** One hasher for the process, so that its bound on concurrent hashes (the core count) holds for every logon. */
    private final PasswordHasher passwordHasher;
    /** The logon pool: password checks of the servers' sessions, as many threads as the hasher lets hash at once. */
    private final java.util.concurrent.ThreadPoolExecutor logons;
    /** This process's node instance: one per open, naming the owner of its ENQs and the member it joins as. */
    private final String instance = java.util.UUID.randomUUID().toString();

    private Registry(SystemHome home, SystemConfig config, Database database, MasterKey masterKey, Clock clock,
                     SecureRandom random) {
        this.home = home;
        this.config = config;
        this.database = database;
        this.masterKey = masterKey;
        this.clock = clock;
        this.random = random;
        this.audit = new AuditLog(home.logs().resolve("audit.jsonl"));
        this.passwordHasher = new PasswordHasher(random);
        int threads = passwordHasher.concurrency();
        this.logons = new java.util.concurrent.ThreadPoolExecutor(threads, threads, 30, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(LOGONS_WAITING), r -> {
                    Thread t = new Thread(r, "opencs-logon");
                    t.setDaemon(true);
                    return t;
                });
        this.logons.allowCoreThreadTimeOut(true);
    }

    /** The most logons that may wait for the logon pool; one more is refused (RejectedExecutionException). */
    public static final int LOGONS_WAITING = 4096;

    /**
     * Opens the registry of {@code home}. A home without a shared directory of its own is opened as its system.conf
     * says ({@link SystemHome#open}: shared.dir), so every component given {@link #home()} sees the shared data. The
     * master key is checked against the registry's key check value ({@link MasterKeyCheck}) before anything is used.
     *
     * @throws org.opencs.core.ZosException OCS0003E..OCS0008E for the home, OCS0012E/OCS0013E for the master key,
     *                                       OCS0021E..OCS0023E for the registry, OCS0015E for a master key that is not
     *                                       the system's
     */
    public static Registry open(SystemHome home, Clock clock, SecureRandom random) {
        if (!home.isShared()) {
            home = SystemHome.open(home.root());
        }
        SystemConfig config = SystemConfig.load(home);
        MasterKey masterKey = MasterKey.load(java.nio.file.Path.of(config.masterKeyFile()), random);
        String password = System.getenv("OPENCS_REGISTRY_PASSWORD");
        SystemHome finalHome = home;
        Database database = new Database(config.registryUrl(), config.registryUser(), password == null ? "" : password,
                () -> org.opencs.core.StartRecord.describe(finalHome));
        try {
            new MasterKeyCheck(database, masterKey).verify(Database.withoutPassword(config.registryUrl()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new Registry(home, config, database, masterKey, clock, random);
    }

    public SystemHome home() {
        return home;
    }

    public SystemConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public UserStore users() {
        return new UserStore(database);
    }

    public ResourceStore resources() {
        return new ResourceStore(database);
    }

    public OptionStore options() {
        return new OptionStore(database);
    }

    public org.opencs.saf.certs.CertificateStore certificates() {
        return new org.opencs.saf.certs.CertificateStore(database);
    }

    public org.opencs.saf.certs.CertificateMapStore certificateMaps() {
        return new org.opencs.saf.certs.CertificateMapStore(database);
    }

    public ReplayStore replays() {
        return new ReplayStore(database);
    }

    /**
     * This process's node instance ID (a random UUID per open): the member {@link org.opencs.saf.xcf.Membership}
     * joins as and the {@link org.opencs.saf.grs.EnqOwner#instance()} of the ENQs this process takes.
     */
    public String instance() {
        return instance;
    }

    /** The ENQ service (data set serialization, global to every node on this registry). */
    public org.opencs.saf.grs.Enqueues enqueues() {
        return new org.opencs.saf.grs.Enqueues(database, config.sysname(), clock);
    }

    public MasterKey masterKey() {
        return masterKey;
    }

    /**
     * The registry's password hasher (Argon2id, verifying and upgrading older PBKDF2 hashes): one per registry, so at
     * most as many hashes run at once as the machine has cores (docs/registry.md "Password hashes").
     */
    public PasswordHasher passwordHasher() {
        return passwordHasher;
    }

    /**
     * The logon pool: where a server checks a password off its session's thread (FTP's PASS), so no event loop or
     * session executor waits for a hash. As many threads as {@link PasswordHasher#concurrency()} (the core count),
     * at most {@value #LOGONS_WAITING} logons queued; stopped by {@link #close()}.
     */
    public java.util.concurrent.Executor logonExecutor() {
        return logons;
    }

    public Clock clock() {
        return clock;
    }

    public SecureRandom random() {
        return random;
    }

    public AuditLog audit() {
        return audit;
    }

    @Override
    public void close() {
        logons.shutdown();
        database.close();
    }
}

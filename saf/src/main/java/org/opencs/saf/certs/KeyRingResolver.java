package org.opencs.saf.certs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import org.opencs.core.ZosException;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.KeyDatabaseRing;
import org.opencs.pki.tls.KeyRing;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;

/**
 * Turns a KEYRING reference from FTP.DATA or a TelnetParms block into a key ring: an HFS path
 * ({@code /u/user1/SSLcase1/abckey.kdb}, resolved inside the system's hfs/, password from the .sth beside it), or a
 * SAF ring ({@code TCPRING} owned by the server's user ID, or {@code USER1/USER1RING}); "HFS" and "SAF" prefixes as
 * TelnetParms writes them are accepted.
 */
public final class KeyRingResolver {
    private final Registry registry;

    public KeyRingResolver(Registry registry) {
        this.registry = registry;
    }

    /** A ring as a server names it: a bare ring name belongs to the server user (system.conf server.userid). */
    public KeyRing resolve(String reference) {
        return resolve(reference, registry.config().serverUserid());
    }

    /**
     * A ring as {@code userid} names it (the batch client's KEYRING): a bare ring name is that user's own ring, and
     * the user needs the RACF authority to read it.
     */
    public KeyRing resolve(String reference, String userid) {
        String ref = reference.trim();
        String upper = ref.toUpperCase(Locale.ROOT);
        if (upper.startsWith("HFS ")) {
            return hfs(ref.substring(4).trim());
        }
        if (upper.startsWith("SAF ")) {
            return saf(ref.substring(4).trim(), userid);
        }
        return ref.startsWith("/") ? hfs(ref) : saf(ref, userid);
    }

    private KeyRing hfs(String path) {
        Path file = registry.home().hfsPath(path);
        if (!Files.exists(file)) {
            throw new ZosException("GSK01009E", "Key database " + path + " (" + file + ") does not exist.");
        }
        return new KeyDatabaseRing(KeyDatabase.openStashed(file, new SecureRandom()), null);
    }

    private KeyRing saf(String name, String requesterId) {
        String requesterUserid = requesterId.toUpperCase(Locale.ROOT);
        int slash = name.indexOf('/');
        String owner = slash > 0 ? name.substring(0, slash).toUpperCase(Locale.ROOT) : requesterUserid;
        String ring = slash > 0 ? name.substring(slash + 1) : name;
        User requester = registry.users().find(requesterUserid).orElseThrow(() ->
                new ZosException("ICH30001I", "UNABLE TO LOCATE USER ENTRY " + requesterUserid));
        return SafKeyRing.open(registry, requester, owner, ring);
    }
}

package org.opencs.saf.users;

import java.time.Instant;

/**
 * A RACF-style user profile (the parts OpenCS uses). Password and password-phrase hashes never leave the registry
 * module's stores.
 */
public record User(String userid, String name, String owner, String passwordHash, String phraseHash,
                   boolean passwordExpired, boolean special, boolean revoked, int failedLogons, Long omvsUid,
                   String omvsHome, Instant created, Instant lastLogon) {

    /** A new user: no phrase, not revoked, never logged on. */
    public static User define(String userid, String name, String owner, String passwordHash, boolean passwordExpired,
                              boolean special, Long omvsUid, String omvsHome, Instant created) {
        return new User(userid, name, owner, passwordHash, null, passwordExpired, special, false, 0, omvsUid, omvsHome,
                created, null);
    }

    public User withPassword(String hash, boolean expired) {
        return new User(userid, name, owner, hash, phraseHash, expired, special, revoked, 0, omvsUid, omvsHome, created,
                lastLogon);
    }

    public User withPhrase(String hash) {
        return new User(userid, name, owner, passwordHash, hash, passwordExpired, special, revoked, failedLogons, omvsUid,
                omvsHome, created, lastLogon);
    }

    public User withRevoked(boolean value) {
        return new User(userid, name, owner, passwordHash, phraseHash, passwordExpired, special, value,
                value ? failedLogons : 0, omvsUid, omvsHome, created, lastLogon);
    }

    public User withSpecial(boolean value) {
        return new User(userid, name, owner, passwordHash, phraseHash, passwordExpired, value, revoked, failedLogons,
                omvsUid, omvsHome, created, lastLogon);
    }

    public User withName(String value) {
        return new User(userid, value, owner, passwordHash, phraseHash, passwordExpired, special, revoked, failedLogons,
                omvsUid, omvsHome, created, lastLogon);
    }

    public User withOmvs(Long uid, String home) {
        return new User(userid, name, owner, passwordHash, phraseHash, passwordExpired, special, revoked, failedLogons,
                uid, home, created, lastLogon);
    }

    public User withFailedLogons(int count) {
        return new User(userid, name, owner, passwordHash, phraseHash, passwordExpired, special, revoked, count, omvsUid,
                omvsHome, created, lastLogon);
    }

    public User withLastLogon(Instant when) {
        return new User(userid, name, owner, passwordHash, phraseHash, passwordExpired, special, revoked, 0, omvsUid,
                omvsHome, created, when);
    }

    /** RACF user IDs: 1 to 8 characters, A-Z 0-9 # $ @, not starting with a digit. */
    public static boolean validUserid(String userid) {
        return userid != null && userid.matches("[A-Z#$@][A-Z0-9#$@]{0,7}");
    }
}

package org.opencs.saf.users;

/** The answer to a logon: OK, or why not, with RACF's violation message text for logs and replies. */
public record LogonResult(Status status, String userid, String message) {
    public enum Status { OK, PASSWORD_EXPIRED, INVALID_PASSWORD, REVOKED, UNKNOWN_USER, PASSTICKET_REPLAY }

    public boolean ok() {
        return status == Status.OK;
    }
}

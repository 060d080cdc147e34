package org.opencs.saf.resources;

/**
 * A general resource profile (PTKTDATA, FACILITY, ...). For PTKTDATA, {@code sealedKey} holds the PassTicket key
 * sealed with the master key, and the enhanced-PassTicket settings say how tickets are made and checked.
 */
public record ResourceProfile(String className, String profile, String owner, AccessLevel uacc, String appldata,
                              byte[] sealedKey, boolean enhanced, String ticketType, Integer timeoutSeconds,
                              Boolean replayAllowed) {

    public static ResourceProfile simple(String className, String profile, String owner, AccessLevel uacc) {
        return new ResourceProfile(className, profile, owner, uacc, null, null, false, null, null, null);
    }

    public ResourceProfile withUacc(AccessLevel value) {
        return new ResourceProfile(className, profile, owner, value, appldata, sealedKey, enhanced, ticketType,
                timeoutSeconds, replayAllowed);
    }

    public ResourceProfile withAppldata(String value) {
        return new ResourceProfile(className, profile, owner, uacc, value, sealedKey, enhanced, ticketType,
                timeoutSeconds, replayAllowed);
    }

    public ResourceProfile withPassTicketKey(byte[] sealed, boolean isEnhanced, String type, Integer timeout,
                                             Boolean replay) {
        return new ResourceProfile(className, profile, owner, uacc, appldata, sealed, isEnhanced, type, timeout, replay);
    }
}

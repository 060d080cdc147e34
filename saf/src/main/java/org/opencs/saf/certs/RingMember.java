package org.opencs.saf.certs;

/** A certificate connected to a key ring, with its USAGE (PERSONAL, CERTAUTH, SITE) and whether it is the DEFAULT. */
public record RingMember(String certOwner, String certLabel, String usage, boolean isDefault) {
}

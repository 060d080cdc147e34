package org.opencs.pki.keydb;

/** gskkyman's three lists: keys and certificates (personal), certificates (CA/signer), and certificate requests. */
public enum EntryType {
    PERSONAL,
    CA,
    REQUEST
}

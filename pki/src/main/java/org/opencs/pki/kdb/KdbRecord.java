package org.opencs.pki.kdb;

/** One slot of a key or request database. The record number is the slot's position and is not stored here. */
public record KdbRecord(String label, RecordContent content, KdbFlags flags) {
    public KdbRecord withLabel(String newLabel) {
        return new KdbRecord(newLabel, content, flags);
    }

    public KdbRecord withFlags(KdbFlags newFlags) {
        return new KdbRecord(label, content, newFlags);
    }
}

package org.opencs.jes.jcl;

/** What JES2 input processing passes on to the converter, in input order: a JCL statement or a comment statement. */
sealed interface SourceEntry permits SourceStatement, SourceEntry.Comment {
    /** A {@code //*} comment statement (card image as read). */
    record Comment(String card) implements SourceEntry {
    }
}

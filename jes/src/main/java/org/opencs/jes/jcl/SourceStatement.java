package org.opencs.jes.jcl;

import java.util.List;

/**
 * One JCL statement as JES2 input processing reads it, before conversion: its card images in order (the first card,
 * its continuation cards and any {@code //*} comment cards coded between them, as the JESJCL listing shows them),
 * the fields of the statement (name, operation, the operand field joined across continuations, comments), the
 * in-stream data that follows a DD * or DD DATA statement, and the problems found while reading its cards (for
 * example IEFC621I when a continuation was expected and not received). {@code name} is null when column 3 is blank;
 * {@code data} is null for a statement without in-stream data. {@code generated} marks the {@code //SYSIN DD *}
 * JES2 supplies for data that follows no DD statement.
 */
record SourceStatement(List<String> cards, String name, String operation, String operands, String comments,
                       boolean generated, List<String> data, List<Problem> problems) implements SourceEntry {
    SourceStatement {
        cards = List.copyOf(cards);
        data = data == null ? null : List.copyOf(data);
        problems = List.copyOf(problems);
    }

    /** A converter message found while reading the statement's cards: ID and text, numbered when listed. */
    record Problem(String id, String text) {
    }

    boolean is(String op) {
        return op.equals(operation);
    }
}

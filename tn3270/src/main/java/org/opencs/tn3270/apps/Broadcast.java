package org.opencs.tn3270.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;

/**
 * Messages that reached the user while a full-screen panel was shown (NOTIFY from a job that ended), written in line
 * mode before the panel comes back, as TSO/E shows them under ISPF: each message on its own rows from the top (longer
 * ones continued on the next row), then {@code ***}; any key goes on to the panel. More messages than the screen
 * holds take more than one such screen. Source: z/OS TSO/E User's Guide, "Receiving messages" (the three asterisks
 * ask the user to press Enter to go on).
 */
final class Broadcast implements Transaction {
    private final List<String> messages;
    private final Transaction then;
    private final Terminal terminal;

    Broadcast(List<String> messages, Transaction then, Terminal terminal) {
        this.messages = List.copyOf(messages);
        this.then = then;
        this.terminal = terminal;
    }

    /** The rows of text, each at most a row wide less the attribute byte and a margin. */
    private List<String> rows() {
        return Wrap.all(messages, terminal.size().columns() - 2);
    }

    /** Rows of messages on one screen: all but the row of asterisks. */
    private int fit() {
        return terminal.size().rows() - 1;
    }

    @Override
    public Screen screen() {
        List<String> rows = rows();
        List<Field> fields = new ArrayList<>();
        int shown = Math.min(rows.size(), fit());
        for (int i = 0; i < shown; i++) {
            fields.add(Field.text(i, 1, rows.get(i)));
        }
        fields.add(Field.text(shown, 1, "***"));
        return Screen.of(fields, shown, 5, terminal.size());
    }

    @Override
    public Transaction next(Aid aid, Map<String, String> values) {
        List<String> rows = rows();
        if (rows.size() > fit()) {
            return new Broadcast(rows.subList(fit(), rows.size()), then, terminal);
        }
        return then;
    }

    /** More messages while these wait for a key: shown together with them. */
    @Override
    public Transaction notified(List<String> more, Terminal terminal) {
        List<String> all = new ArrayList<>(messages);
        all.addAll(more);
        return new Broadcast(all, then, terminal);
    }

    @Override
    public String userid() {
        return then.userid();
    }
}

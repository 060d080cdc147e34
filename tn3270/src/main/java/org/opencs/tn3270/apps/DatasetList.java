package org.opencs.tn3270.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetName;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.users.User;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;

/**
 * A data set list by level (ISPF 3.4's idea): the data sets under a prefix, or a PDS's members; typing B (or S) beside
 * one browses it, or lists the members of a PDS. Only data sets the user may read are shown; PF3 goes back. The list
 * fills the terminal's alternate screen (17 entries on 24x80, 36 on 43x80).
 */
public final class DatasetList implements Transaction {
    private final HostServices services;
    private final Registry registry;
    private final User user;
    private final String level;
    private final String pds;
    private final String message;
    private final Transaction back;
    private final Terminal terminal;

    public DatasetList(HostServices services, User user, String level, String pds, String message, Transaction back,
                       Terminal terminal) {
        this.terminal = terminal;
        this.services = services;
        this.registry = services.registry();
        this.user = user;
        this.level = level;
        this.pds = pds;
        this.message = message;
        this.back = back;
    }

    private Catalog catalog() {
        return new Catalog(registry.home(), registry.clock());
    }

    private List<String> entries() {
        DatasetAccess access = new DatasetAccess(registry);
        if (pds != null) {
            return catalog().members(new DatasetName(pds, null));
        }
        return catalog().list(level).stream()
                .filter(n -> access.allowed(user, new DatasetName(n, null), AccessLevel.READ)).limit(rows()).toList();
    }

    /** Entries per screen: the rows below the headings, less the message's rows (at least one). */
    private int rows() {
        return terminal.size().rows() - 6 - messageRows().size();
    }

    /** The message broken into rows of the screen's width (one empty row without a message). */
    private List<String> messageRows() {
        return message == null ? List.of("") : Wrap.lines(message, terminal.size().columns() - 2);
    }

    @Override
    public Screen screen() {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.title(0, 1, pds != null ? "MEMBER LIST  " + pds : "DATA SET LIST  Level " + level));
        fields.add(Field.text(2, 1, "Dsname level ===>"));
        fields.add(Field.input(2, 19, 44, "level", pds != null ? pds : level));
        fields.add(Field.text(4, 1, "Command - Enter B to browse" + (pds == null ? ", S to list the members of a PDS" : "")));
        List<String> entries = entries();
        for (int i = 0; i < entries.size() && i < rows(); i++) {
            fields.add(Field.input(6 + i, 1, 1, "row" + i, ""));
            fields.add(Field.text(6 + i, 4, entries.get(i)));
        }
        if (entries.isEmpty()) {
            fields.add(Field.text(6, 4, pds != null ? "No members." : "No data sets found."));
        }
        if (message != null) {
            List<String> rows = messageRows();
            for (int i = 0; i < rows.size(); i++) {
                fields.add(Field.title(terminal.size().rows() - rows.size() + i, 1, rows.get(i)));
            }
        }
        return Screen.of(fields, entries.isEmpty() ? 2 : 6, entries.isEmpty() ? 19 : 1, terminal.size());
    }

    @Override
    public Transaction next(Aid aid, Map<String, String> values) {
        if (aid == Aid.PF3 || aid == Aid.PF15) {
            return back;
        }
        if (aid != Aid.ENTER) {
            return this;
        }
        String newLevel = values.getOrDefault("level", "").trim().toUpperCase(Locale.ROOT).replace("'", "");
        if (!newLevel.isEmpty() && !newLevel.equals(pds != null ? pds : level)) {
            return new DatasetList(services, user, newLevel, null, null, back, terminal);
        }
        List<String> entries = entries();
        for (int i = 0; i < entries.size() && i < rows(); i++) {
            String command = values.getOrDefault("row" + i, "").trim().toUpperCase(Locale.ROOT);
            if (!command.isEmpty()) {
                return select(entries.get(i), command);
            }
        }
        return this;
    }

    private Transaction select(String entry, String command) {
        DatasetName name = pds != null ? new DatasetName(pds, entry) : new DatasetName(entry, null);
        try {
            var attributes = catalog().attributes(name.withoutMember()).orElseThrow();
            if (pds == null && attributes.dsorg().equals("PO")) {
                return new DatasetList(services, user, level, entry, null, this, terminal);
            }
            if (!command.equals("B") && !command.equals("S")) {
                return new DatasetList(services, user, level, pds, "Command " + command + " is not known here: use B or S",
                        back, terminal);
            }
            new DatasetAccess(registry).check(user, name, AccessLevel.READ);
            List<String> lines = catalog().readText(name).lines().toList();
            return new TextView("BROWSE    " + name, lines, 0, this, terminal);
        } catch (ZosException e) {
            return new DatasetList(services, user, level, pds, e.getMessage(), back, terminal);
        }
    }

    @Override
    public String userid() {
        return user.userid();
    }
}

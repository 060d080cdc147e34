package org.opencs.tn3270.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Color;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tso.TsoSession;

/**
 * The menu after logon: browse data sets, the user's certificates (RACDCERT LIST) and key rings (RACDCERT
 * LISTRING(*)), the TSO READY command line, the job list (S or ST, SDSF's Status panel; only when the system has
 * JES2), or log off (X, or PF3).
 */
public final class PrimaryMenu implements Transaction {
    private final HostServices services;
    private final Registry registry;
    private final User user;
    private final String message;
    private final Terminal terminal;

    /** {@code terminal}: the terminal whose alternate screen data set lists, BROWSE and READY fill. */
    public PrimaryMenu(HostServices services, User user, String message, Terminal terminal) {
        this.services = services;
        this.registry = services.registry();
        this.user = user;
        this.message = message;
        this.terminal = terminal;
    }

    @Override
    public Screen screen() {
        List<Field> fields = new ArrayList<>(List.of(
                Field.title(0, 1, "------------------------- OpenCS Primary Option Menu -------------------------")
                        .withColor(Color.TURQUOISE),
                Field.text(2, 1, "Option ===>"),
                Field.input(2, 13, 8, "option", ""),
                Field.text(4, 3, "1  Browse        Data set lists and contents"),
                Field.text(5, 3, "2  Certificates  Your digital certificates (RACDCERT LIST)"),
                Field.text(6, 3, "3  Key rings     Your key rings (RACDCERT LISTRING(*))"),
                Field.text(7, 3, "6  Command       TSO command line (READY)"),
                Field.text(12, 1, "User ID . : " + user.userid()),
                Field.text(13, 1, "Screen  . : " + terminal.size()),
                Field.text(22, 1, "Enter an option.   PF3 = log off")));
        if (services.hasJes()) {
            fields.add(Field.text(8, 3, "S  Status        Your jobs and their output (SDSF ST)"));
        }
        fields.add(Field.text(services.hasJes() ? 9 : 8, 3, "X  Exit          Log off"));
        if (message != null) {
            List<String> rows = Wrap.lines(message, 78);
            for (int i = 0; i < rows.size() && i < 2; i++) { // rows 20 and 21, above the PF key line
                fields.add(Field.title(20 + i, 1, rows.get(i)).withColor(Color.YELLOW));
            }
        }
        return Screen.of(fields, 2, 13);
    }

    @Override
    public Transaction next(Aid aid, Map<String, String> values) {
        if (aid == Aid.PF3 || aid == Aid.PF15) {
            return null;
        }
        if (aid != Aid.ENTER) {
            return this;
        }
        String option = values.getOrDefault("option", "").trim().toUpperCase(Locale.ROOT);
        return switch (option) {
            case "1" -> new DatasetList(services, user, user.userid(), null, null, this, terminal);
            case "2" -> command("RACDCERT LIST", "CERTIFICATES  " + user.userid());
            case "3" -> command("RACDCERT LISTRING(*)", "KEY RINGS  " + user.userid());
            case "6" -> new TsoLogon.Ready(services, user.userid(), this, terminal);
            case "S", "ST" -> services.hasJes() ? JobList.open(services, user, this, terminal)
                    : new PrimaryMenu(services, user, "Option " + option + " is not valid.", terminal);
            case "X" -> null;
            case "" -> this;
            default -> new PrimaryMenu(services, user, "Option " + option + " is not valid.", terminal);
        };
    }

    private Transaction command(String command, String title) {
        List<String> lines = new ArrayList<>();
        services.tso().run(command, new TsoSession(registry, user), lines::add);
        return TextView.wrapped(title, lines, this, terminal);
    }

    @Override
    public String userid() {
        return user.userid();
    }
}

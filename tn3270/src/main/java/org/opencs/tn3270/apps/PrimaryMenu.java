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
import org.opencs.tn3270.datastream.Highlight;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tso.TsoSession;

/**
 * The menu after logon: browse data sets, the user's certificates (RACDCERT LIST) and key rings (RACDCERT
 * LISTRING(*)), the TSO READY command line, the job list (S or ST, SDSF's Status panel; only when the system has
 * JES2), or log off (X, or PF3).
 *
 * <p>Colours (terminals with extended attributes) as ISPF's CUA panel elements show them by default (z/OS ISPF Dialog
 * Developer's Guide and Reference, "TYPE keyword" CUA attribute defaults; the NEF default turquoise is confirmed in
 * "Relationship to Control variables .ATTR and .ATTRCHAR",
 * https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.f54dg00/cattr.htm): the title turquoise,
 * field prompts (FP) and the instruction line (PIN) green, the option field a normal entry field (NEF) turquoise and
 * underscored, the choices (SAC) white with their descriptions as normal text (NT) blue, the values shown (VOI)
 * turquoise, messages yellow. The text and its columns are those of a basic 3278; only the looks differ.
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
                Field.text(2, 1, "Option ===>").withColor(Color.GREEN),
                Field.input(2, 13, 8, "option", "").withColor(Color.TURQUOISE).withHighlight(Highlight.UNDERSCORE)));
        fields.addAll(choice(4, "1", "Browse", "Data set lists and contents"));
        fields.addAll(choice(5, "2", "Certificates", "Your digital certificates (RACDCERT LIST)"));
        fields.addAll(choice(6, "3", "Key rings", "Your key rings (RACDCERT LISTRING(*))"));
        fields.addAll(choice(7, "6", "Command", "TSO command line (READY)"));
        fields.addAll(shown(12, "User ID . :", user.userid()));
        fields.addAll(shown(13, "Screen  . :", terminal.size().toString()));
        fields.add(Field.text(22, 1, "Enter an option.   PF3 = log off").withColor(Color.GREEN));
        if (services.hasJes()) {
            fields.addAll(choice(8, "S", "Status", "Your jobs and their output (SDSF ST)"));
        }
        fields.addAll(choice(services.hasJes() ? 9 : 8, "X", "Exit", "Log off"));
        if (message != null) {
            List<String> rows = Wrap.lines(message, 78);
            for (int i = 0; i < rows.size() && i < 2; i++) { // rows 20 and 21, above the PF key line
                fields.add(Field.title(20 + i, 1, rows.get(i)).withColor(Color.YELLOW));
            }
        }
        return Screen.of(fields, 2, 13);
    }

    /**
     * A menu choice at column 3: "K  Name" in white, its description in blue from column 20 (the attribute between
     * them sits on a blank, so the row reads as on a basic terminal).
     */
    private static List<Field> choice(int row, String key, String name, String description) {
        return List.of(Field.text(row, 3, key + "  " + name).withColor(Color.WHITE),
                Field.text(row, 20, description).withColor(Color.BLUE));
    }

    /** A label at column 1 in green and its value from column 13 in turquoise ("User ID . : USER1"). */
    private static List<Field> shown(int row, String label, String value) {
        return List.of(Field.text(row, 1, label).withColor(Color.GREEN),
                Field.text(row, 13, value).withColor(Color.TURQUOISE));
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

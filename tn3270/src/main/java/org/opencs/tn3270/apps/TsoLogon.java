package org.opencs.tn3270.apps;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencs.saf.Registry;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Color;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Highlight;
import org.opencs.tn3270.datastream.Screen;

/**
 * The TSO/E logon panel: user ID (prefilled when known), password or PassTicket for the TSO application, and a new
 * password when the current one has expired; RACF's and TSO's messages for what goes wrong. PF3 ends the session.
 *
 * <p>Colours (terminals with extended attributes) in the ISPF CUA defaults the primary menu uses ({@link PrimaryMenu}):
 * title turquoise, instruction and prompts green, the entry fields turquoise and underscored (the password fields
 * too, so their extent shows although their content does not), the PF key line blue, messages red.
 */
public final class TsoLogon implements Transaction {
    /** The panel's message when the registry cannot be reached (OCS0022E; the logon is not done, the panel stays). */
    static final String REGISTRY_UNAVAILABLE = "OCS0022E REGISTRY UNAVAILABLE - LOGON NOT DONE, TRY AGAIN LATER";
    /** The panel's message when the registry's logon pool is full (the password was not checked, the panel stays). */
    public static final String LOGON_QUEUE_FULL = "OCST014E LOGON QUEUE FULL - LOGON NOT DONE, TRY AGAIN LATER";
    private final HostServices services;
    private final Registry registry;
    private final String applid;
    private final String userid;
    private final String message;
    private final Terminal terminal;

    /** {@code terminal}: the terminal whose alternate screen the menu's lists and views fill. */
    public TsoLogon(HostServices services, String applid, String userid, String message, Terminal terminal) {
        this.services = services;
        this.registry = services.registry();
        this.applid = applid;
        this.userid = userid == null ? "" : userid;
        this.message = message;
        this.terminal = terminal;
    }

    @Override
    public Screen screen() {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.title(0, 1, "------------------------------- TSO/E LOGON -----------------------------------")
                .withColor(Color.TURQUOISE));
        fields.add(Field.text(3, 1, "Enter LOGON parameters below:").withColor(Color.GREEN));
        fields.add(Field.text(5, 1, "Userid    ===>").withColor(Color.GREEN));
        fields.add(entry(Field.input(5, 16, 8, "userid", userid)));
        fields.add(Field.text(7, 1, "Password  ===>").withColor(Color.GREEN));
        fields.add(entry(Field.hiddenInput(7, 16, 8, "password")));
        fields.add(Field.text(9, 1, "New Password ===>").withColor(Color.GREEN));
        fields.add(entry(Field.hiddenInput(9, 19, 8, "newpassword")));
        fields.add(Field.text(11, 1, "Procedure ===> IKJACCNT      Size ===> 4096").withColor(Color.GREEN));
        fields.add(Field.text(22, 1, "PF1/PF13 ==> Help    PF3/PF15 ==> Logoff    PA1 ==> Attention")
                .withColor(Color.BLUE));
        if (message != null) {
            List<String> rows = Wrap.lines(message, 78);
            for (int i = 0; i < rows.size() && i < 2; i++) { // rows 20 and 21, above the PF key line
                fields.add(Field.title(20 + i, 1, rows.get(i)).withColor(Color.RED));
            }
        }
        return Screen.of(fields, userid.isEmpty() ? 5 : 7, 16);
    }

    /** An entry field in ISPF's CUA NEF look: turquoise, underscored. */
    private static Field entry(Field input) {
        return input.withColor(Color.TURQUOISE).withHighlight(Highlight.UNDERSCORE);
    }

    @Override
    public String applid() {
        return applid;
    }

    /**
     * Enter on this panel when the registry's logon pool cannot take the check ({@code Registry.LOGONS_WAITING}
     * logons already wait): the password is not checked, the refusal is audited (LOGON_FAILURE, reason
     * {@code LOGON QUEUE FULL}), and the terminal stays at the panel with {@link #LOGON_QUEUE_FULL}, as for OCS0022E.
     */
    public Transaction queueFull(Map<String, String> values) {
        String user = values.getOrDefault("userid", "").trim().toUpperCase(Locale.ROOT);
        new Authenticator(registry, terminal.client()).refused(user, applid, "LOGON QUEUE FULL");
        return new TsoLogon(services, applid, user, LOGON_QUEUE_FULL, terminal);
    }

    @Override
    public Transaction next(Aid aid, Map<String, String> values) {
        if (aid == Aid.PF3 || aid == Aid.PF15) {
            return null;
        }
        if (aid != Aid.ENTER) {
            return this;
        }
        String user = values.getOrDefault("userid", "").trim().toUpperCase(Locale.ROOT);
        String password = values.getOrDefault("password", "").trim();
        String newPassword = values.getOrDefault("newpassword", "").trim();
        if (user.isEmpty()) {
            return new TsoLogon(services, applid, "", "IKJ56700A ENTER USERID -", terminal);
        }
        if (password.isEmpty()) {
            return new TsoLogon(services, applid, user, "IKJ56714A ENTER CURRENT PASSWORD FOR " + user + "-", terminal);
        }
        Authenticator authenticator = new Authenticator(registry, terminal.client());
        LogonResult result;
        try {
            result = newPassword.isEmpty()
                    ? authenticator.logon(user, password.toCharArray(), applid)
                    : authenticator.changePassword(user, password.toCharArray(), newPassword.toCharArray(), applid);
            if (result.ok()) {
                var loggedOn = registry.users().find(result.userid()).orElseThrow();
                return new PrimaryMenu(services, loggedOn, result.userid() + " LOGON IN PROGRESS AT "
                        + Ready.WHEN.format(registry.clock().instant().atZone(ZoneOffset.UTC)).toUpperCase(Locale.ROOT),
                        terminal);
            }
        } catch (org.opencs.core.ZosException e) {
            if (!e.messageId().equals("OCS0022E")) {
                throw e;
            }
            // The registry cannot be reached (PostgreSQL down or restarting; the refusal is audited): the terminal
            // stays at the panel and may try again (docs/tn3270.md).
            return new TsoLogon(services, applid, user, REGISTRY_UNAVAILABLE, terminal);
        }
        String text = switch (result.status()) {
            case PASSWORD_EXPIRED -> "IKJ56447A PASSWORD HAS EXPIRED. ENTER A NEW PASSWORD FOR " + user;
            case REVOKED -> "IKJ56420I USERID " + user + " NOT AUTHORIZED TO USE TSO (REVOKED)";
            case UNKNOWN_USER -> "IKJ56420I USERID " + user + " NOT AUTHORIZED TO USE TSO";
            default -> "IKJ56421I PASSWORD NOT AUTHORIZED FOR USERID " + user;
        };
        return new TsoLogon(services, applid, user, text, terminal);
    }

    /**
     * TSO's READY mode (option 6 of the primary menu). Each command runs through the host's TSO processor as the
     * logged-on user (RACDCERT LIST/LISTRING, LISTCAT, LISTDS, LISTUSER ..., and SUBMIT, STATUS, CANCEL and OUTPUT when
     * the system has JES2), its output scrolls up; PF3 goes back to the menu, LOGOFF ends the session. Messages sent
     * to the user (NOTIFY) are written below the output at once, as TSO's line mode writes them.
     */
    static final class Ready implements Transaction {
        static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss 'ON' MMMM d, yyyy", Locale.ENGLISH);
        private final HostServices services;
        private final String userid;
        private final List<String> lines;
        private final Transaction back;
        private final Terminal terminal;

        Ready(HostServices services, String userid, Transaction back, Terminal terminal) {
            this(services, userid, List.of("READY"), back, terminal);
        }

        private Ready(HostServices services, String userid, List<String> lines, Transaction back, Terminal terminal) {
            this.services = services;
            this.userid = userid;
            // Output scrolls up: the last lines that fit above the command line stay.
            int fit = terminal.size().rows() - 4;
            this.lines = lines.size() > fit ? lines.subList(lines.size() - fit, lines.size()) : lines;
            this.back = back;
            this.terminal = terminal;
        }

        @Override
        public Screen screen() {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                fields.add(Field.text(i, 1, lines.get(i)));
            }
            fields.add(Field.input(lines.size(), 1, terminal.size().columns() - 2, "command", ""));
            return Screen.of(fields, lines.size(), 1, terminal.size());
        }

        @Override
        public String userid() {
            return userid;
        }

        /** READY is line mode: a message is written below what the terminal shows, the command line below it. */
        @Override
        public Transaction notified(List<String> messages, Terminal terminal) {
            List<String> more = new ArrayList<>(lines);
            messages.forEach(m -> more.addAll(Wrap.lines(m, terminal.size().columns() - 2)));
            return new Ready(services, userid, more, back, terminal);
        }

        @Override
        public Transaction next(Aid aid, Map<String, String> values) {
            String command = values.getOrDefault("command", "").trim();
            if (command.equalsIgnoreCase("LOGOFF")) {
                return null;
            }
            if (aid == Aid.PF3) {
                return back;
            }
            if (aid == Aid.PA1) {
                // Attention: TSO abandons what was typed and prompts again.
                List<String> more = new ArrayList<>(lines);
                more.add("READY");
                return new Ready(services, userid, more, back, terminal);
            }
            if (aid != Aid.ENTER || command.isEmpty()) {
                return this;
            }
            List<String> more = new ArrayList<>(lines);
            // Lines wider than the screen (the command as typed, its output) continue on the next row, as TSO's line
            // mode shows them.
            int width = terminal.size().columns() - 2;
            more.addAll(Wrap.lines(org.opencs.tso.SecretMasker.mask(command), width));
            var user = services.registry().users().find(userid).orElseThrow();
            services.tso().run(command, new org.opencs.tso.TsoSession(services.registry(), user),
                    line -> more.addAll(Wrap.lines(line, width)));
            more.add("READY");
            return new Ready(services, userid, more, back, terminal);
        }
    }
}

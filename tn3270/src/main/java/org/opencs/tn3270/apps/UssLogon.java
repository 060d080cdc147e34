package org.opencs.tn3270.apps;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;

/**
 * The USS logon screen (USSMSG10), shown when BEGINVTAM has USSTCP and no DEFAULTAPPL: the user names the application,
 * as on z/OS: {@code LOGON APPLID(TSO) DATA(USER1)} (or the short form {@code TSO USER1}); LOGOFF ends the session.
 * Applications whose APPLID starts with TSO are the built-in TSO.
 */
public final class UssLogon implements Transaction {
    private static final Pattern LOGON = Pattern.compile(
            "LOGON\\s+APPLID\\s*\\(\\s*([A-Z0-9@#$]{1,8})\\s*\\)(?:\\s+DATA\\s*\\(\\s*([^)]*)\\))?\\s*");
    private static final Pattern SHORT = Pattern.compile("([A-Z0-9@#$]{1,8})(?:\\s+([A-Z0-9@#$]{1,8}))?\\s*");

    private final HostServices services;
    private final String luName;
    private final String message;
    private final Terminal terminal;

    /** {@code terminal}: the terminal, passed on to the application the user logs on to. */
    public UssLogon(HostServices services, String luName, String message, Terminal terminal) {
        this.services = services;
        this.luName = luName;
        this.message = message;
        this.terminal = terminal;
    }

    @Override
    public Screen screen() {
        List<Field> fields = new java.util.ArrayList<>(List.of(
                Field.title(1, 1, "OpenCS z/OS Communications Server"),
                Field.text(3, 1, "Terminal " + (luName == null ? "" : luName)),
                Field.text(5, 1, "Enter LOGON APPLID(applid) DATA(userid), or LOGOFF"),
                Field.text(20, 1, "===>"),
                Field.input(20, 6, 70, "command", "")));
        if (message != null) {
            List<String> rows = Wrap.lines(message, 78);
            for (int i = 0; i < rows.size() && i < 2; i++) { // rows 18 and 19, above the command line
                fields.add(Field.title(18 + i, 1, rows.get(i)));
            }
        }
        return Screen.of(fields, 20, 6);
    }

    /** The USS screen is VTAM's (the SSCP's), not an application's: no BIND precedes it. */
    @Override
    public boolean sscp() {
        return true;
    }

    @Override
    public Transaction next(Aid aid, Map<String, String> values) {
        if (aid != Aid.ENTER) {
            return this;
        }
        String command = values.getOrDefault("command", "").trim().toUpperCase(Locale.ROOT);
        if (command.equals("LOGOFF")) {
            return null;
        }
        Matcher logon = LOGON.matcher(command);
        Matcher shortForm = SHORT.matcher(command);
        String applid;
        String data;
        if (logon.matches()) {
            applid = logon.group(1);
            data = logon.group(2);
        } else if (shortForm.matches()) {
            applid = shortForm.group(1);
            data = shortForm.group(2);
        } else {
            // A USS command is at most 8 characters: a longer word is shown by its first 8 and its length.
            String word = command.split("\\s+")[0];
            String shown = word.length() <= 8 ? word : word.substring(0, 8) + "...(" + word.length() + ")";
            return new UssLogon(services, luName, "IST457I USS COMMAND " + shown + " INVALID", terminal);
        }
        if (!applid.startsWith("TSO")) {
            return new UssLogon(services, luName, "IST453I LOGON REJECTED, APPLID(" + applid + ") UNKNOWN", terminal);
        }
        return new TsoLogon(services, applid, data == null ? null : data.trim(), null, terminal);
    }
}

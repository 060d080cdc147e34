package org.opencs.tn3270.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencs.tn3270.datastream.Aid;

/**
 * Runs s3270-style actions, one per line: Connect([L:][N:]host:port), Wait([seconds,]InputField), String("text"),
 * Enter(), Tab(), Home(), PF(n), PA(n), Clear(), Ascii(), Query(Tls|LuName|ScreenCurSize), Macro(file), Disconnect(),
 * Quit(). Each
 * action prints its
 * {@code data:} lines and then {@code ok} or {@code error}; the run's exit code is 0 when every action succeeded.
 * It also plays {@link Macro}s, and records the keystrokes of a run as one (see {@link #recordInto}).
 */
public final class ScriptRunner {
    private static final int DEFAULT_WAIT_SECONDS = 30;

    private final Tn3270Client client;
    private final PrintStream out;
    private List<Macro.Step> recording;
    private boolean expressLogonRecording;
    /** Where, in the recording, the text typed into a visible field since the last key went (a user ID candidate). */
    private int lastVisibleText = -1;

    public ScriptRunner(Tn3270Client client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /**
     * Records every keystroke of the following run into {@code steps}. Text typed into a non-display field (a password)
     * is never kept: it becomes the Express Logon token )PSS.WD(. In an Express Logon macro ({@code expressLogon}) the
     * text typed just before it into a visible field (the user ID) becomes )USR.ID(, as PCOMM's recorder does.
     */
    public void recordInto(List<Macro.Step> steps, boolean expressLogon) {
        this.recording = steps;
        this.expressLogonRecording = expressLogon;
    }

    private void record(Macro.Step step) {
        if (recording == null) {
            return;
        }
        if (step instanceof Macro.Key k && !k.name().equals("tab") && !k.name().equals("home")) {
            lastVisibleText = -1; // a key that sends the screen: a new screen, no user ID candidate yet
        }
        recording.add(step);
    }

    private void recordTyping(String text, boolean hidden) {
        if (recording == null) {
            return;
        }
        if (hidden) {
            // A password is never written to a macro file; in an Express Logon macro the user ID is not kept either.
            if (expressLogonRecording && lastVisibleText >= 0) {
                recording.set(lastVisibleText, new Macro.Type(Macro.USER_TOKEN));
            }
            recording.add(new Macro.Type(Macro.PASSWORD_TOKEN));
            lastVisibleText = -1;
            return;
        }
        Macro.Step last = recording.isEmpty() ? null : recording.get(recording.size() - 1);
        if (last instanceof Macro.Type t && !t.text().equals(Macro.USER_TOKEN) && !t.text().equals(Macro.PASSWORD_TOKEN)) {
            recording.set(recording.size() - 1, new Macro.Type(t.text() + text)); // typing on in the same field
            return;
        }
        recording.add(new Macro.Type(text));
        lastVisibleText = hidden ? -1 : recording.size() - 1;
    }

    /** Plays a macro on the connected session: its text, keys (each AID waits for the host's answer) and waits. */
    public void play(Macro macro) throws IOException {
        for (Macro.Step step : macro.steps()) {
            if (step instanceof Macro.Type t) {
                type(t.text());
            } else if (step instanceof Macro.Key k) {
                key(k.name());
            } else if (!client.waitForInput(DEFAULT_WAIT_SECONDS * 1000)) {
                throw new IOException("the host ended the session");
            }
        }
    }

    private void type(String text) throws IOException {
        boolean hidden = client.screen().cursorInHiddenField();
        if (!client.screen().type(text)) {
            throw new IOException("keyboard locked: the cursor is on a protected field");
        }
        recordTyping(text, hidden);
    }

    private void key(String name) throws IOException {
        switch (name) {
            case "tab" -> client.screen().tab();
            case "home" -> client.screen().home();
            case "enter" -> aid(Aid.ENTER);
            case "clear" -> aid(Aid.CLEAR);
            default -> aid(Aid.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        record(new Macro.Key(name));
    }

    public int run(BufferedReader actions) throws IOException {
        int rc = 0;
        for (String line = actions.readLine(); line != null; line = actions.readLine()) {
            String action = line.trim();
            if (action.isEmpty() || action.startsWith("#")) {
                continue;
            }
            try {
                if (!perform(action)) {
                    break;
                }
                out.println("ok");
            } catch (IOException | RuntimeException e) {
                out.println("data: " + e.getMessage());
                out.println("error");
                rc = 1;
            }
        }
        client.close();
        return rc;
    }

    /** Performs one action; false for Quit. */
    private boolean perform(String action) throws IOException {
        int open = action.indexOf('(');
        String name = (open < 0 ? action : action.substring(0, open)).trim().toLowerCase(Locale.ROOT);
        List<String> args = open < 0 ? List.of() : arguments(action.substring(open + 1, action.lastIndexOf(')')));
        switch (name) {
            case "connect" -> connect(args.get(0));
            case "wait" -> {
                int seconds = args.size() > 1 ? Integer.parseInt(args.get(0).trim()) : DEFAULT_WAIT_SECONDS;
                if (!client.waitForInput(seconds * 1000)) {
                    throw new IOException("the host ended the session");
                }
                record(new Macro.WaitInput());
            }
            case "string" -> type(String.join("", args));
            case "tab", "home", "enter", "clear" -> key(name);
            case "pf" -> key("pf" + Integer.parseInt(args.get(0).trim()));
            case "pa" -> key("pa" + Integer.parseInt(args.get(0).trim()));
            case "ascii" -> {
                for (String row : client.screen().text()) {
                    out.println("data: " + row);
                }
            }
            case "query" -> query(args.isEmpty() ? "" : args.get(0).trim());
            case "macro" -> {
                if (args.isEmpty()) {
                    throw new IOException("Macro() needs a macro file");
                }
                java.nio.file.Path file = java.nio.file.Path.of(args.get(0).trim());
                try {
                    play(Macro.parse(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)));
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new IOException("macro file " + file + " not found");
                }
            }
            case "disconnect" -> client.close();
            case "quit" -> {
                return false;
            }
            default -> throw new IOException("unknown action " + name);
        }
        return true;
    }

    private void connect(String target) throws IOException {
        String t = target.trim();
        boolean tls = false;
        boolean tn3270e = true;
        while (t.length() > 2 && t.charAt(1) == ':' && Character.isLetter(t.charAt(0))) {
            char prefix = Character.toUpperCase(t.charAt(0));
            tls |= prefix == 'L';
            tn3270e &= prefix != 'N';
            t = t.substring(2);
        }
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? t : t.substring(0, colon);
        int port = colon < 0 ? 23 : Integer.parseInt(t.substring(colon + 1));
        client.connect(host, port, tls, tn3270e, DEFAULT_WAIT_SECONDS * 1000);
    }

    /** Presses the key and waits for the host's answer (its next screen, or the end of the session). */
    private void aid(Aid aid) throws IOException {
        client.press(aid);
        client.waitForInput(DEFAULT_WAIT_SECONDS * 1000);
    }

    private void query(String what) {
        switch (what.toLowerCase(Locale.ROOT)) {
            case "tls" -> out.println("data: " + (client.secure() ? "secure host-verified" : "not secure"));
            case "luname" -> out.println("data: " + client.luName());
            case "screencursize" -> out.println("data: " + client.screen().size().rows() + " "
                    + client.screen().size().columns());
            default -> out.println("data: connected " + client.connected());
        }
    }

    /** Action arguments: comma-separated, double-quoted strings with \" and \\ escapes. */
    static List<String> arguments(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                args.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0 || !args.isEmpty()) {
            args.add(current.toString());
        }
        return args;
    }
}

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
 * Enter(), Tab(), Home(), PF(n), PA(n), Clear(), Ascii(), Query(Tls|LuName), Disconnect(), Quit(). Each action prints its
 * {@code data:} lines and then {@code ok} or {@code error}; the run's exit code is 0 when every action succeeded.
 */
public final class ScriptRunner {
    private static final int DEFAULT_WAIT_SECONDS = 30;

    private final Tn3270Client client;
    private final PrintStream out;

    public ScriptRunner(Tn3270Client client, PrintStream out) {
        this.client = client;
        this.out = out;
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
            }
            case "string" -> {
                if (!client.screen().type(String.join("", args))) {
                    throw new IOException("keyboard locked: the cursor is on a protected field");
                }
            }
            case "tab" -> client.screen().tab();
            case "home" -> client.screen().home();
            case "enter" -> aid(Aid.ENTER);
            case "clear" -> aid(Aid.CLEAR);
            case "pf" -> aid(Aid.valueOf("PF" + Integer.parseInt(args.get(0).trim())));
            case "pa" -> aid(Aid.valueOf("PA" + Integer.parseInt(args.get(0).trim())));
            case "ascii" -> {
                for (String row : client.screen().text()) {
                    out.println("data: " + row);
                }
            }
            case "query" -> query(args.isEmpty() ? "" : args.get(0).trim());
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

package org.opencs.tso;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.opencs.core.ZosException;
import org.opencs.tso.commands.AddUser;
import org.opencs.tso.commands.AltUser;
import org.opencs.tso.commands.DelUser;
import org.opencs.tso.commands.ListUser;
import org.opencs.tso.commands.PasswordCommand;
import org.opencs.tso.commands.Permit;
import org.opencs.tso.commands.ResourceCommands;
import org.opencs.tso.commands.Setropts;
import org.opencs.tso.commands.TsoCommandHandler;
import org.opencs.tso.parse.CommandParser;
import org.opencs.tso.parse.SystsinReader;
import org.opencs.tso.parse.TsoCommand;

/**
 * Runs TSO commands one at a time, as batch TSO (IKJEFT01) does with SYSTSIN: each command is echoed, its output and
 * messages follow, a failing command does not stop the next one, and the highest return code is the job's.
 */
public final class TsoProcessor {
    private final Map<String, TsoCommandHandler> handlers = new HashMap<>();

    public TsoProcessor() {
        this(List.of());
    }

    /**
     * A processor that also knows {@code extensions}: commands other modules add (JES2's SUBMIT, STATUS, CANCEL and
     * OUTPUT), so that TSO does not depend on them. An extension may not replace a built-in command.
     */
    public TsoProcessor(List<? extends TsoCommandHandler> extensions) {
        for (TsoCommandHandler handler : List.of(new AddUser(), new AltUser(), new DelUser(), new ListUser(),
                new PasswordCommand(), new ResourceCommands.Rdefine(), new ResourceCommands.Ralter(),
                new ResourceCommands.Rdelete(), new ResourceCommands.Rlist(), new Permit(), new Setropts(),
                new org.opencs.tso.commands.racdcert.Racdcert(), new org.opencs.tso.commands.DatasetProfiles.Addsd(),
                new org.opencs.tso.commands.DatasetProfiles.Deldsd(), new org.opencs.tso.commands.DatasetProfiles.Listdsd(),
                new org.opencs.tso.commands.DatasetCommands.Allocate(), new org.opencs.tso.commands.DatasetCommands.Listcat(),
                new org.opencs.tso.commands.DatasetCommands.Listds(), new org.opencs.tso.commands.DatasetCommands.Delete(),
                new org.opencs.tso.commands.DatasetCommands.Ocopy())) {
            handler.names().forEach(name -> handlers.put(name, handler));
        }
        for (TsoCommandHandler extension : extensions) {
            for (String name : extension.names()) {
                if (handlers.putIfAbsent(name, extension) != null) {
                    throw new IllegalArgumentException("TSO command " + name + " is already defined");
                }
            }
        }
    }

    /**
     * Runs a SYSTSIN stream; every line of the listing goes to {@code listing}. Returns the highest return code. An
     * END command ends the stream as the end of SYSTSIN does (IKJEFT01: the commands after it are not run).
     */
    public int runStream(String stream, TsoSession session, Consumer<String> listing) {
        int highest = 0;
        for (SystsinReader.Line line : SystsinReader.commands(stream)) {
            if (ends(line.text())) {
                break;
            }
            listing.accept("READY");
            listing.accept(" " + SecretMasker.mask(line.text()));
            highest = Math.max(highest, run(line.text(), session, listing));
        }
        listing.accept("READY");
        listing.accept("END");
        return highest;
    }

    /**
     * Whether {@code text} ends the TSO session: END (the batch TMP's end of SYSTSIN) or LOGOFF (a terminal user's
     * way out); neither runs as a command.
     */
    public static boolean ends(String text) {
        String command = text.strip().toUpperCase(java.util.Locale.ROOT);
        return command.equals("END") || command.equals("LOGOFF");
    }

    /** Runs one command; returns 0, or 8 when it failed (its message went to the listing). */
    public int run(String text, TsoSession session, Consumer<String> listing) {
        try {
            TsoCommand command = CommandParser.parse(text);
            TsoCommandHandler handler = handlers.get(command.name());
            if (handler == null) {
                throw new ZosException("IKJ56500I", "COMMAND " + org.opencs.core.Values.quoteForMessage(command.name()) + " NOT FOUND");
            }
            command.warnings().forEach(w -> listing.accept("OCS0050W " + w));
            handler.execute(command, session);
            session.drain().forEach(listing);
            return 0;
        } catch (ZosException e) {
            session.drain().forEach(listing);
            // Every value a message repeats is cut (docs/messages.md): a 100,000-character operand is not echoed.
            listing.accept(org.opencs.core.Values.cutLongWords(e.getMessage()));
            return 8;
        }
    }
}

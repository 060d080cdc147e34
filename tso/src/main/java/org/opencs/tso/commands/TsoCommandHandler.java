package org.opencs.tso.commands;

import java.util.Set;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.TsoCommand;

/** One TSO command: its names (with IBM's abbreviations), the keywords it knows, and what it does. */
public interface TsoCommandHandler {
    Set<String> names();

    void execute(TsoCommand command, TsoSession session);
}

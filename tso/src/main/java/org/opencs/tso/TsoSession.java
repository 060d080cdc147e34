package org.opencs.tso;

import java.util.ArrayList;
import java.util.List;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;

/** Who runs the commands, against which registry, and the output they produce (the SYSTSPRT listing). */
public final class TsoSession {
    private final Registry registry;
    private final User user;
    private final List<String> output = new ArrayList<>();

    public TsoSession(Registry registry, User user) {
        this.registry = registry;
        this.user = user;
    }

    public Registry registry() {
        return registry;
    }

    public User user() {
        return user;
    }

    public void print(String line) {
        output.add(line);
    }

    /** Lines printed since the last call. */
    public List<String> drain() {
        List<String> lines = List.copyOf(output);
        output.clear();
        return lines;
    }

    /** RACF refuses commands needing authority the user lacks; SPECIAL has it all. */
    public void requireSpecial(String command) {
        if (!user.special()) {
            throw new ZosException("ICH00007I", "INSUFFICIENT AUTHORITY TO " + command);
        }
    }
}

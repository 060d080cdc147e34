package org.opencs.ftp.client;

import java.util.List;

/** One server reply: its code and all its lines as received. */
record Reply(int code, List<String> lines) {
    Reply {
        lines = List.copyOf(lines);
    }

    boolean positive() {
        return code >= 100 && code < 400;
    }

    boolean preliminary() {
        return code >= 100 && code < 200;
    }

    String last() {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}

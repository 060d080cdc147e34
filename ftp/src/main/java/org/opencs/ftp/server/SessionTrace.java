package org.opencs.ftp.server;

import org.opencs.ftp.config.TraceSet;
import org.opencs.ftp.config.TraceType;
import org.slf4j.helpers.MessageFormatter;

/**
 * One session's general traces: the set in force (FTP.DATA's DEBUG statements at the start, then the session's own
 * SITE DEBUG=), and the trace points that write to the system log through {@link FtpTrace}. A trace point that is off
 * costs one bit test and no allocation: the methods take their values as separate arguments (no array, no string
 * built) and callers whose values cost something to compute ask {@link #on} first. Each line is
 * {@code <session ID> <tag> <routine>: <text>}; values are shown with control characters as {@code \xNN} and cut at
 * {@value #VALUE_LIMIT} characters, so no client input breaks a log line.
 */
final class SessionTrace {
    /** The most characters of one value a trace line repeats. */
    static final int VALUE_LIMIT = 512;

    private final FtpTrace writer;
    private final String sessionId;
    /** Set on the session's executor, read by data connections' event loops too. */
    private volatile TraceSet active;

    SessionTrace(FtpTrace writer, String sessionId, TraceSet initial) {
        this.writer = writer;
        this.sessionId = sessionId;
        this.active = initial;
    }

    TraceSet active() {
        return active;
    }

    void set(TraceSet traces) {
        this.active = traces;
    }

    boolean on(TraceType type) {
        return active.on(type);
    }

    boolean on(TracePoint point) {
        return active.on(point.type, point.level);
    }

    void trace(TracePoint point) {
        if (on(point)) {
            write(point, point.text);
        }
    }

    void trace(TracePoint point, Object a) {
        if (on(point)) {
            write(point, MessageFormatter.format(point.text, shown(a)).getMessage());
        }
    }

    void trace(TracePoint point, Object a, Object b) {
        if (on(point)) {
            write(point, MessageFormatter.format(point.text, shown(a), shown(b)).getMessage());
        }
    }

    void trace(TracePoint point, Object a, Object b, Object c) {
        if (on(point)) {
            write(point, MessageFormatter.arrayFormat(point.text, new Object[] {shown(a), shown(b), shown(c)}).getMessage());
        }
    }

    void trace(TracePoint point, Object a, Object b, Object c, Object d) {
        if (on(point)) {
            write(point, MessageFormatter.arrayFormat(point.text,
                    new Object[] {shown(a), shown(b), shown(c), shown(d)}).getMessage());
        }
    }

    private void write(TracePoint point, String text) {
        writer.write(sessionId + " " + point.tag + " " + point.routine + ": " + text);
    }

    /** A value as a trace line shows it: control characters and line separators as \xNN, at most VALUE_LIMIT characters. */
    static String shown(Object value) {
        String text = String.valueOf(value);
        boolean cut = text.length() > VALUE_LIMIT;
        String kept = cut ? text.substring(0, VALUE_LIMIT) : text;
        StringBuilder out = null;
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            boolean bad = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
            if (bad && out == null) {
                out = new StringBuilder(kept.length() + 16).append(kept, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append(String.format("\\x%02X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        String result = out == null ? kept : out.toString();
        return cut ? result + "... (" + text.length() + " characters)" : result;
    }
}

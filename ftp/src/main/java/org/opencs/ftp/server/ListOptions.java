package org.opencs.ftp.server;

/**
 * The ls-style options a client may put before the name in LIST and NLST ({@code LIST -la sub}, Commons Net's
 * {@code LIST -a}, lftp's {@code ftp:list-options}): the words that start with a dash come off the front, and the
 * rest is the name to list. Of the options, -a and -A list names that start with a dot; -l is what LIST does anyway;
 * the others change nothing (decided in docs/ftp.md, since z/OS's own server passes them to /bin/ls).
 */
record ListOptions(boolean all, String name) {
    static ListOptions parse(String argument) {
        String rest = argument.trim();
        boolean all = false;
        while (rest.startsWith("-")) {
            int space = rest.indexOf(' ');
            String option = space < 0 ? rest : rest.substring(0, space);
            all |= option.contains("a") || option.contains("A");
            rest = space < 0 ? "" : rest.substring(space + 1).trim();
        }
        return new ListOptions(all, rest);
    }
}

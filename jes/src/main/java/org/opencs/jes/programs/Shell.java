package org.opencs.jes.programs;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.opencs.core.CodePage;
import org.opencs.core.UnixErrors;
import org.opencs.core.UnixText;
import org.opencs.core.ZosException;
import org.opencs.datasets.UnixFileAccess;
import org.opencs.datasets.UnixFileAccess.UnixFile;
import org.opencs.jes.programs.ShellScript.Part;
import org.opencs.jes.programs.ShellScript.Redirect;
import org.opencs.jes.programs.ShellScript.Simple;
import org.opencs.jes.programs.ShellScript.Step;
import org.opencs.jes.programs.ShellScript.Word;
import org.opencs.jes.step.Abend;
import org.opencs.saf.users.User;

/**
 * The small shell of BPXBATCH: runs {@link ShellScript}s with built-in commands only — echo, cat, ls (-l, -a), cp, mv,
 * rm (-r, -f), mkdir (-p), touch, pwd, cd, sleep, exit, true, false, export and NAME=value — and never a host
 * program. Every path is taken as a z/OS UNIX path, joined to the working directory and resolved by
 * {@link UnixFileAccess} as the job's user (canonical form first, symbolic links followed inside {@code hfs/}, the user
 * confined to its home directory unless SPECIAL), so no command line reaches a host file outside the system's
 * {@code hfs/}. Text files are read by their tag ({@link UnixText}: IBM-1047 when untagged) and written as untagged
 * IBM-1047, as the z/OS shell's commands do. Messages follow the z/OS shell's (z/OS UNIX System Services Messages
 * and Codes, FSUM messages): {@code name: FSUM7351 not found} (exit status 127) for a command that is not built in.
 */
public final class Shell {
    /** Thrown by {@code exit}: ends the script with the status. */
    private static final class Exit extends RuntimeException {
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** What the shell checks between commands and while sleeping: throws (S222) when the job was cancelled. */
    @FunctionalInterface
    public interface CancelCheck {
        void check() throws Abend;
    }

    static final Set<String> BUILT_INS = Set.of("echo", "cat", "ls", "cp", "mv", "rm", "mkdir", "touch", "pwd", "cd",
            "sleep", "exit", "true", "false", "export");
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final UnixFileAccess access;
    private final User user;
    private final Clock clock;
    private final CancelCheck cancel;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final StringBuilder err = new StringBuilder();
    private String cwd;
    private int status;

    /**
     * A shell for {@code user} starting in {@code cwd} (a z/OS UNIX path) with the environment {@code env} (HOME,
     * LOGNAME, PWD and STDENV's variables).
     */
    public Shell(UnixFileAccess access, User user, Clock clock, CancelCheck cancel, Map<String, String> env, String cwd) {
        this.access = access;
        this.user = user;
        this.clock = clock;
        this.cancel = cancel;
        this.env.putAll(env);
        this.cwd = cwd;
        this.env.put("PWD", cwd);
    }

    /** What the commands wrote to standard error so far (their messages). */
    public String errors() {
        return err.toString();
    }

    /**
     * Runs the script with {@code stdin} as standard input; what the commands write to standard output goes to
     * {@code out}. Returns the exit status: of {@code exit n}, else of the last command run (2 for a syntax error).
     *
     * @throws Abend S222 when the job is cancelled
     */
    public int run(ShellScript script, String stdin, StringBuilder out) throws Abend {
        if (script instanceof ShellScript.SyntaxError error) {
            err.append("sh: ").append(error.message()).append('\n');
            return 2;
        }
        try {
            for (Step step : ((ShellScript.Commands) script).steps()) {
                cancel.check();
                boolean run = switch (step.connector()) {
                    case SEQUENCE -> true;
                    case AND -> status == 0;
                    case OR -> status != 0;
                };
                if (run) {
                    status = command(step.command(), stdin, out);
                }
            }
        } catch (Exit exit) {
            status = exit.status;
        }
        return status & 0xFF;
    }

    // ---- one command --------------------------------------------------------------------------------------------

    private int command(Simple simple, String stdin, StringBuilder shellOut) {
        List<String> args = new ArrayList<>();
        for (Word word : simple.words()) {
            args.add(expand(word));
        }
        String input = stdin;
        Redirect output = null;
        for (Redirect redirect : simple.redirects()) {
            String target = expand(redirect.target());
            if (redirect.kind() == ShellScript.RedirectKind.INPUT) {
                try {
                    input = UnixText.read(existing(target, true));
                } catch (Failure | IOException e) {
                    err.append("sh: FSUM7343 cannot open \"").append(target).append("\" for input: ")
                            .append(reason(e)).append('\n');
                    return 1;
                }
            } else {
                output = new Redirect(redirect.kind(), new Word(List.of(new Part(target, false))));
            }
        }
        StringBuilder out = output == null ? shellOut : new StringBuilder();
        if (output != null) {
            // The file is opened (created or truncated) before the command runs, as sh does.
            String target = output.target().parts().get(0).text();
            try {
                Path file = file(target, true).host();
                if (output.kind() == ShellScript.RedirectKind.OUTPUT || !Files.exists(file)) {
                    UnixText.write(file, "");
                }
            } catch (Failure | IOException e) {
                err.append("sh: FSUM7343 cannot open \"").append(target).append("\" for output: ").append(reason(e))
                        .append('\n');
                return 1;
            }
        }
        int code = builtIn(args, input, out);
        if (output != null) {
            String target = output.target().parts().get(0).text();
            try {
                Path file = file(target, true).host();
                CodePage codePage = UnixText.codePage(file);
                Files.write(file, codePage.encodeText(out.toString()), StandardOpenOption.APPEND);
            } catch (Failure | IOException e) {
                err.append("sh: FSUM7343 cannot open \"").append(target).append("\" for output: ").append(reason(e))
                        .append('\n');
                return 1;
            }
        }
        return code;
    }

    private int builtIn(List<String> args, String stdin, StringBuilder out) {
        String name = args.get(0);
        if (args.size() == 1 && name.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            int eq = name.indexOf('=');
            env.put(name.substring(0, eq), name.substring(eq + 1));
            return 0;
        }
        String command = name.startsWith("/bin/") || name.startsWith("/usr/bin/") ? name.substring(name.lastIndexOf('/') + 1)
                : name;
        List<String> rest = args.subList(1, args.size());
        if (!BUILT_INS.contains(command)) {
            return notBuiltIn(name);
        }
        return switch (command) {
            case "echo" -> echo(rest, out);
            case "cat" -> cat(rest, stdin, out);
            case "ls" -> ls(rest, out);
            case "cp" -> copyOrMove("cp", rest);
            case "mv" -> copyOrMove("mv", rest);
            case "rm" -> rm(rest);
            case "mkdir" -> mkdir(rest);
            case "touch" -> touch(rest);
            case "pwd" -> {
                out.append(cwd).append('\n');
                yield 0;
            }
            case "cd" -> cd(rest);
            case "sleep" -> sleep(rest);
            case "exit" -> throw new Exit(rest.isEmpty() ? status : number("exit", rest.get(0)));
            case "true" -> 0;
            case "false" -> 1;
            default -> export(rest);
        };
    }

    /**
     * A command that is not built in: the shell runs no program, so it is not found (127); a file that exists at an
     * absolute or relative path cannot be executed (126).
     */
    private int notBuiltIn(String name) {
        if (name.contains("/")) {
            try {
                if (Files.isRegularFile(file(name, true).host())) {
                    err.append(name).append(": FSUM9209 cannot execute: EDC5111I Permission denied.\n");
                    return 126;
                }
            } catch (Failure e) {
                // not found below
            }
        }
        err.append(name).append(": FSUM7351 not found\n");
        return 127;
    }

    // ---- built-ins ----------------------------------------------------------------------------------------------

    private int echo(List<String> args, StringBuilder out) {
        boolean newline = true;
        List<String> words = args;
        if (!args.isEmpty() && args.get(0).equals("-n")) {
            newline = false;
            words = args.subList(1, args.size());
        }
        String text = String.join(" ", words);
        int stop = text.indexOf("\\c"); // XPG echo: \c ends the output without a new line
        if (stop >= 0) {
            text = text.substring(0, stop);
            newline = false;
        }
        out.append(text.replace("\\n", "\n").replace("\\t", "\t"));
        if (newline) {
            out.append('\n');
        }
        return 0;
    }

    private int cat(List<String> args, String stdin, StringBuilder out) {
        if (args.isEmpty()) {
            out.append(stdin);
            return 0;
        }
        int code = 0;
        for (String name : args) {
            if (name.equals("-")) {
                out.append(stdin);
                continue;
            }
            try {
                Path file = existing(name, true);
                if (Files.isDirectory(file)) {
                    throw new Failure("EDC5123I Is a directory.");
                }
                out.append(UnixText.read(file));
            } catch (Failure | IOException e) {
                err.append("cat: FSUM6180 file \"").append(name).append("\": ").append(reason(e)).append('\n');
                code = 1;
            }
        }
        return code;
    }

    private int ls(List<String> args, StringBuilder out) {
        boolean longForm = false;
        boolean all = false;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-") && arg.length() > 1) {
                for (char c : arg.substring(1).toCharArray()) {
                    switch (c) {
                        case 'l' -> longForm = true;
                        case 'a', 'A' -> all = true;
                        default -> {
                            err.append("ls: FSUM6786 Unknown option -").append(c).append('\n');
                            return 2;
                        }
                    }
                }
            } else {
                names.add(arg);
            }
        }
        if (names.isEmpty()) {
            names.add(".");
        }
        int code = 0;
        for (String name : names) {
            try {
                Path target = existing(name, true);
                if (names.size() > 1 && Files.isDirectory(target)) {
                    out.append(name).append(":\n");
                }
                List<Path> entries;
                if (Files.isDirectory(target)) {
                    try (Stream<Path> list = Files.list(target)) {
                        boolean showAll = all;
                        entries = list.filter(p -> showAll || !p.getFileName().toString().startsWith(".")).sorted().toList();
                    }
                    if (longForm) {
                        long blocks = 0;
                        for (Path p : entries) {
                            blocks += Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? 0 : (Files.size(p) + 4095) / 4096 * 8;
                        }
                        out.append("total ").append(blocks).append('\n');
                    }
                } else {
                    entries = List.of(target);
                }
                if (all && Files.isDirectory(target)) {
                    out.append(longForm ? longLine(target, ".") : ".").append('\n');
                    out.append(longForm ? longLine(target, "..") : "..").append('\n');
                }
                for (Path p : entries) {
                    String shown = entries.size() == 1 && !Files.isDirectory(target) ? name : p.getFileName().toString();
                    out.append(longForm ? longLine(p, shown) : shown).append('\n');
                }
            } catch (Failure | IOException e) {
                err.append("ls: FSUM6785 File or directory \"").append(name).append("\" is not found\n");
                code = 1;
            }
        }
        return code;
    }

    private String longLine(Path p, String name) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String link = a.isSymbolicLink() ? Files.readSymbolicLink(p).toString() : null;
        String mode = link != null ? "lrwxrwxrwx" : a.isDirectory() ? "drwxr-xr-x" : "-rw-r--r--";
        long size = link != null ? link.length() : a.size();
        java.time.Instant modified = a.lastModifiedTime().toInstant();
        String when = (modified.isBefore(clock.instant().minusSeconds(182L * 86400)) ? OLD : RECENT).format(modified);
        return String.format("%s %3d %-8s %-8s %7d %s %s%s", mode, a.isDirectory() ? 2 : 1, user.userid(), "SYS1", size,
                when, name, link == null ? "" : " -> " + link);
    }

    private int copyOrMove(String command, List<String> args) {
        List<String> names = args.stream().filter(a -> !a.equals("-f") && !a.equals("-p")).toList();
        if (names.size() < 2) {
            err.append(command).append(": FSUM6100 Usage: ").append(command).append(" source target\n");
            return 2;
        }
        String targetName = names.get(names.size() - 1);
        int code = 0;
        for (String sourceName : names.subList(0, names.size() - 1)) {
            try {
                Path source = existing(sourceName, command.equals("cp"));
                if (command.equals("cp") && Files.isDirectory(source)) {
                    err.append("cp: FSUM6258 cannot open file \"").append(sourceName).append("\": EDC5123I Is a directory.\n");
                    code = 1;
                    continue;
                }
                Path target = file(targetName, true).host();
                if (Files.isDirectory(target)) {
                    target = file(join(targetName, source.getFileName().toString()), true).host();
                }
                if (command.equals("cp")) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (Failure | IOException e) {
                err.append(command).append(": FSUM6258 cannot open file \"").append(sourceName).append("\": ")
                        .append(reason(e)).append('\n');
                code = 1;
            }
        }
        return code;
    }

    private int rm(List<String> args) {
        boolean recursive = false;
        boolean force = false;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.matches("-[rRf]+")) {
                recursive |= arg.contains("r") || arg.contains("R");
                force |= arg.contains("f");
            } else {
                names.add(arg);
            }
        }
        int code = 0;
        for (String name : names) {
            try {
                Path target = file(name, false).host();
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new NoSuchFileException(name);
                }
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    if (!recursive) {
                        err.append("rm: FSUM9196 \"").append(name).append("\" is a directory\n");
                        code = 1;
                        continue;
                    }
                    try (Stream<Path> walk = Files.walk(target)) { // links are not followed: a link is removed, not its target
                        for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                            Files.delete(p);
                        }
                    }
                } else {
                    Files.delete(target);
                }
            } catch (Failure | IOException e) {
                if (force && (e instanceof NoSuchFileException)) {
                    continue;
                }
                err.append("rm: FSUM9195 cannot unlink entry \"").append(name).append("\": ").append(reason(e)).append('\n');
                code = 1;
            }
        }
        return code;
    }

    private int mkdir(List<String> args) {
        boolean parents = args.contains("-p");
        int code = 0;
        for (String name : args) {
            if (name.equals("-p")) {
                continue;
            }
            try {
                Path dir = file(name, true).host();
                if (parents) {
                    Files.createDirectories(dir);
                } else {
                    Files.createDirectory(dir);
                }
            } catch (Failure | IOException e) {
                err.append("mkdir: FSUM6404 directory \"").append(name).append("\": ").append(reason(e)).append('\n');
                code = 1;
            }
        }
        return code;
    }

    private int touch(List<String> args) {
        int code = 0;
        for (String name : args) {
            try {
                Path file = file(name, true).host();
                if (Files.exists(file)) {
                    Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
                } else {
                    UnixText.write(file, "");
                }
            } catch (Failure | IOException e) {
                err.append("touch: FSUM6484 cannot create \"").append(name).append("\": ").append(reason(e)).append('\n');
                code = 1;
            }
        }
        return code;
    }

    private int cd(List<String> args) {
        String name = args.isEmpty() ? env.getOrDefault("HOME", "/") : args.get(0);
        try {
            UnixFile dir = file(name, true);
            if (!Files.isDirectory(dir.host())) {
                throw new Failure("EDC5135I Not a directory.");
            }
            cwd = dir.path();
            env.put("PWD", cwd);
            return 0;
        } catch (Failure e) {
            err.append("cd: FSUM6785 File or directory \"").append(name).append("\" is not found\n");
            return 1;
        }
    }

    private int sleep(List<String> args) {
        if (args.size() != 1 || !args.get(0).matches("\\d{1,9}")) {
            err.append("sleep: FSUM6100 Usage: sleep seconds\n");
            return 2;
        }
        long end = System.nanoTime() + Long.parseLong(args.get(0)) * 1_000_000_000L;
        while (true) {
            cancel.check();
            long left = end - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            try {
                Thread.sleep(Math.min(left / 1_000_000 + 1, 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    private int export(List<String> args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                env.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        return 0;
    }

    private int number(String command, String text) {
        if (!text.matches("\\d{1,9}")) {
            err.append("sh: ").append(command).append(": FSUM6241 Bad number \"").append(text).append("\"\n");
            return 2;
        }
        return Integer.parseInt(text);
    }

    // ---- words and files ----------------------------------------------------------------------------------------

    /** A word with $NAME, ${NAME} and $? expanded in its unquoted and double-quoted parts (no field splitting). */
    String expand(Word word) {
        StringBuilder result = new StringBuilder();
        for (Part part : word.parts()) {
            if (!part.expand()) {
                result.append(part.text());
                continue;
            }
            String text = part.text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '$' || i + 1 >= text.length()) {
                    result.append(c);
                    continue;
                }
                char next = text.charAt(i + 1);
                if (next == '?') {
                    result.append(status);
                    i++;
                } else if (next == '{') {
                    int close = text.indexOf('}', i + 2);
                    if (close < 0) {
                        result.append(c);
                        continue;
                    }
                    result.append(env.getOrDefault(text.substring(i + 2, close), ""));
                    i = close;
                } else if (Character.isLetter(next) || next == '_') {
                    int end = i + 1;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                        end++;
                    }
                    result.append(env.getOrDefault(text.substring(i + 1, end), ""));
                    i = end - 1;
                } else {
                    result.append(c);
                }
            }
        }
        return result.toString();
    }

    /** A path argument joined to the working directory (the resolver makes it canonical). */
    private String join(String dir, String name) {
        return name.startsWith("/") ? name : (dir.startsWith("/") ? dir : cwd + "/" + dir) + "/" + name;
    }

    /** A file failure in z/OS terms: the EDC message of the reason. */
    private static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The resolved file {@code name} names for the job's user, whether or not it exists.
     *
     * @throws Failure EDC5111I when the user may not use it (the refusal is audited), EDC51xxI for a bad name
     */
    private UnixFile file(String name, boolean followLast) throws Failure {
        if (name.isEmpty()) {
            throw new Failure("EDC5129I No such file or directory.");
        }
        String path = name.startsWith("/") ? name : cwd + "/" + name;
        try {
            return access.resolve(user, path, followLast);
        } catch (ZosException e) {
            throw new Failure(e.messageId().equals("BPXF135E") ? "EDC5111I Permission denied." : e.getMessage());
        }
    }

    /** The host file of an existing file {@code name}. */
    private Path existing(String name, boolean followLast) throws Failure {
        Path host = file(name, followLast).host();
        if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
            throw new Failure("EDC5129I No such file or directory.");
        }
        return host;
    }

    private static String reason(Exception e) {
        if (e instanceof Failure f) {
            return f.getMessage();
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "EDC5136I Directory not empty.";
        }
        return UnixErrors.describe((IOException) e);
    }
}

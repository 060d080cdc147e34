package org.opencs.jes.programs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencs.core.UnixErrors;
import org.opencs.core.UnixText;
import org.opencs.core.ZosException;
import org.opencs.datasets.UnixFileAccess;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;

/**
 * BPXBATCH: runs a shell command line or a program under z/OS UNIX as the job's user (z/OS UNIX System Services
 * Command Reference, "BPXBATCH"). PARM (or, when the step has it, the STDPARM DD, whose records are joined with
 * blanks and which replaces PARM) is {@code SH [command line]} or {@code PGM path [arguments]}; an empty PARM is
 * {@code SH}. {@code SH} without a command line reads the script from STDIN. The shell is {@link Shell}: built-in
 * commands only, never a host program. {@code PGM} runs a built-in command named by its path ({@code /bin/echo});
 * any other program cannot be spawned: {@code BPXM047I BPXBATCH FAILED BECAUSE SPAWN (BPX1SPN) OF path FAILED WITH
 * RETURN CODE rc REASON CODE rsn} in the job log (MVS System Messages Vol 3, BPXM047I), code 254.
 *
 * <p>DDs: STDIN, STDOUT and STDERR as z/OS UNIX files (PATH=; STDOUT/STDERR are replaced unless PATHOPTS has
 * OAPPEND) or as SYSOUT, in-stream data or data sets; a missing one is /dev/null. STDENV holds NAME=value lines added
 * to the environment (HOME, LOGNAME, PWD, PATH, SHELL come from the user's OMVS segment); the shell starts in the home
 * directory, as the login shell BPXBATCH runs does. The step's code is the shell's exit status (OA47398: a code below
 * 128 is the script's or its last command's status; a process ended by a signal is 128 + the signal number). A
 * cancelled job ends with S222 between commands or during {@code sleep}.
 */
public final class Bpxbatch implements Program {
    /** BPXBATCH's own failure code (it could not start the shell or program, or open its files). */
    static final int FAILED = 254;

    @Override
    public Set<String> names() {
        return Set.of("BPXBATCH");
    }

    @Override
    public int run(StepContext step) throws Abend {
        UnixFileAccess files = new UnixFileAccess(step.registry());
        String parm = parm(step);
        String[] words = parm.isBlank() ? new String[] {"SH"} : parm.strip().split("\\s+", 2);
        String keyword = words[0].toUpperCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1] : "";
        if (!keyword.equals("SH") && !keyword.equals("PGM")) {
            step.jobLog("OCS0520E BPXBATCH PARM MUST START WITH SH OR PGM, NOT " + words[0]);
            return FAILED;
        }
        String stdin;
        try {
            stdin = readInput(step, files, "STDIN");
        } catch (OpenFailure e) {
            step.jobLog(e.getMessage());
            return FAILED;
        }
        Map<String, String> env = environment(step, files);
        String home = step.user().omvsHome() == null || step.user().omvsHome().isBlank() ? "/" : step.user().omvsHome();
        Shell shell = new Shell(files, step.user(), step.clock(), () -> {
            if (step.cancelled()) {
                throw Ikjeft01.cancelled(step);
            }
        }, env, home);
        StringBuilder out = new StringBuilder();
        int code;
        try {
            if (keyword.equals("SH")) {
                ShellScript script = ShellParser.parse(rest.isBlank() ? stdin : rest);
                code = shell.run(script, rest.isBlank() ? "" : stdin, out);
            } else {
                code = program(step, shell, rest, stdin, out);
            }
        } finally {
            writeOutputs(step, files, out.toString(), shell.errors());
        }
        return code;
    }

    /** PGM path args: a built-in named by its path; anything else cannot be spawned (BPXM047I). */
    private static int program(StepContext step, Shell shell, String rest, String stdin, StringBuilder out) {
        if (rest.isBlank()) {
            step.jobLog("OCS0521E BPXBATCH PGM NAMES NO PROGRAM");
            return FAILED;
        }
        String[] args = rest.strip().split("\\s+");
        String path = args[0];
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean builtIn = (path.startsWith("/bin/") || path.startsWith("/usr/bin/")) && path.lastIndexOf('/') == path.indexOf('/', 1)
                && Shell.BUILT_INS.contains(name);
        if (!builtIn) {
            // ENOENT (129, x'81') when nothing is there, EACCES (111, x'6F') for a file OpenCS cannot execute.
            String rc = "00000081";
            try {
                Path host = new UnixFileAccess(step.registry()).resolveUnchecked(path.startsWith("/") ? path : "/" + path, true).host();
                if (Files.exists(host)) {
                    rc = "0000006F";
                }
            } catch (ZosException e) {
                // a name z/OS UNIX refuses: not found
            }
            step.jobLog("BPXM047I BPXBATCH FAILED BECAUSE SPAWN (BPX1SPN) OF " + cut(path) + " FAILED WITH RETURN CODE "
                    + rc + " REASON CODE 00000000");
            return FAILED;
        }
        List<ShellScript.Word> words = Arrays.stream(args)
                .map(a -> new ShellScript.Word(List.of(new ShellScript.Part(a, false)))).toList();
        ShellScript script = new ShellScript.Commands(List.of(new ShellScript.Step(ShellScript.Connector.SEQUENCE,
                new ShellScript.Simple(words, List.of()))));
        return shell.run(script, stdin, out);
    }

    private static String cut(String path) {
        return path.length() > 128 ? path.substring(path.length() - 128) : path;
    }

    /** STDPARM's records joined with blanks when the step has it, else PARM. */
    private static String parm(StepContext step) {
        Optional<DataDefinition> stdparm = step.dd("STDPARM");
        if (stdparm.isPresent() && !stdparm.get().dummy()) {
            return String.join(" ", stdparm.get().readLines().stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
        }
        return step.parm();
    }

    private static Map<String, String> environment(StepContext step, UnixFileAccess files) {
        Map<String, String> env = new LinkedHashMap<>();
        String home = step.user().omvsHome() == null ? "/" : step.user().omvsHome();
        env.put("HOME", home);
        env.put("LOGNAME", step.user().userid());
        env.put("USER", step.user().userid());
        env.put("PATH", "/bin");
        env.put("SHELL", "/bin/sh");
        String text;
        try {
            text = readInput(step, files, "STDENV");
        } catch (OpenFailure e) {
            step.jobLog(e.getMessage());
            return env;
        }
        for (String line : text.split("\n")) {
            String entry = line.stripTrailing();
            int eq = entry.indexOf('=');
            if (eq > 0 && !entry.startsWith("#")) {
                env.put(entry.substring(0, eq).strip(), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** An input DD's text with '\n' line ends: a z/OS UNIX file by its tag, records with trailing blanks removed. */
    private static String readInput(StepContext step, UnixFileAccess files, String ddName) throws OpenFailure {
        Optional<DataDefinition> dd = step.dd(ddName);
        if (dd.isEmpty() || dd.get().dummy()) {
            return "";
        }
        if (dd.get().path().isPresent()) {
            String path = dd.get().path().get();
            try {
                return UnixText.read(files.resolve(step.user(), path, true).host());
            } catch (ZosException e) {
                throw new OpenFailure(path, e.messageId().equals("BPXF135E") ? "0000006F" : "00000081");
            } catch (IOException e) {
                throw new OpenFailure(path, UnixErrors.describe(e).startsWith("EDC5111I") ? "0000006F" : "00000081");
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : dd.get().readLines()) {
            text.append(line.stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** Writes what the shell wrote to STDOUT and STDERR (each discarded when its DD is missing: /dev/null). */
    private static void writeOutputs(StepContext step, UnixFileAccess files, String out, String err) {
        for (String[] pair : List.of(new String[] {"STDOUT", out}, new String[] {"STDERR", err})) {
            Optional<DataDefinition> dd = step.dd(pair[0]);
            if (dd.isEmpty() || dd.get().dummy()) {
                continue;
            }
            String text = pair[1];
            if (dd.get().path().isPresent()) {
                String path = dd.get().path().get();
                try {
                    Path host = files.resolve(step.user(), path, true).host();
                    if (dd.get().pathOptions().contains("OAPPEND") && Files.exists(host)) {
                        Files.write(host, UnixText.codePage(host).encodeText(text), StandardOpenOption.APPEND);
                    } else {
                        UnixText.write(host, text);
                    }
                } catch (ZosException e) {
                    step.jobLog(new OpenFailure(path, e.messageId().equals("BPXF135E") ? "0000006F" : "00000081").getMessage());
                } catch (IOException e) {
                    step.jobLog(new OpenFailure(path, "00000081").getMessage());
                }
                continue;
            }
            if (text.isEmpty()) {
                continue;
            }
            String lines = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            for (String line : lines.split("\n", -1)) {
                dd.get().writeLine(line);
            }
        }
    }

    /** BPXBATCH could not open one of its z/OS UNIX files. */
    private static final class OpenFailure extends Exception {
        OpenFailure(String path, String errno) {
            super("BPXM012I BPXBATCH FAILED BECAUSE OPEN OF " + cut(path) + " FAILED WITH RC=" + errno + ", RSN=00000000",
                    null, false, false);
        }
    }
}

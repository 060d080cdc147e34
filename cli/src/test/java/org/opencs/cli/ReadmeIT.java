package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, "A newcomer's first hour": the README's shell blocks run as printed, top to bottom, in a directory laid
 * out like a fresh clone (the {@code opencs} launcher and the built jar at {@code cli/target/opencs.jar}), in one bash
 * like a user's terminal, so {@code cd} and {@code export} carry over from block to block. Every command must succeed
 * and show what the README says it does. Only {@code mvn -B verify} is not run (it is this build). A command ending in
 * {@code &} (the servers) runs in the background, and the next one starts once it listens (logs/ports written), as a
 * reader waits for its messages; the README's own {@code kill %1} stops it, and its console lines are checked too.
 *
 * <p>The README names fixed ports (2021, 2023, 2443), so the tour runs in a network namespace of its own
 * ({@code unshare --net}, loopback only): other builds on the machine cannot take its ports, nor it theirs.
 */
class ReadmeIT {
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*['\"]?(\\w+)['\"]?");
    private static final Pattern MARK = Pattern.compile("(?m)^@@@ (STEP|RC) (\\d+)(?: (\\d+))?$");
    /** A console line of opencs start: time stamp, message ID, text. */
    private static final Pattern CONSOLE_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d (?:[A-Z]{3}[A-Z0-9]{2,6}[IWEAS]|\\$HASP\\d{3}) .+");
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*Exception|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");

    @TempDir
    Path dir;

    /** One command of the tour, what it printed and its exit code (-1 when it was not reached). */
    record Step(String command, StringBuilder out, StringBuilder err, int[] exitCode) {
        String all() {
            return out + "" + err;
        }
    }

    @Test
    void theTourRunsAsPrintedOnAFreshClone() throws Exception {
        Path root = Paths.get(System.getProperty("opencs.root", "..")).toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> commands = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(readme);
        while (block.find()) {
            commands.addAll(commands(block.group(1)));
        }
        // The set-up's promise: quickstart, then the test suite (which is this very build, so it is not run here).
        assertThat(commands).startsWith("./opencs quickstart", "mvn -B verify");
        commands.remove("mvn -B verify");

        Path clone = Files.createDirectory(dir.resolve("clone"));
        Files.copy(root.resolve("opencs"), clone.resolve("opencs"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(clone.resolve("cli/target"));
        Files.createSymbolicLink(clone.resolve("cli/target/opencs.jar"), OpenCsProcess.jar());
        Path script = dir.resolve("tour.sh");
        Files.writeString(script, script(commands));

        List<Step> steps = run(clone, script, commands);
        StringBuilder failed = new StringBuilder();
        for (Step step : steps) {
            if (step.exitCode()[0] != 0) {
                failed.append("\n$ ").append(step.command()).append("\n  exit code ").append(step.exitCode()[0])
                        .append("\n").append(step.all());
            }
        }
        assertThat(failed).as("README commands that did not work as printed").isEmpty();

        check(steps, "./opencs quickstart", s -> assertThat(s.out()).contains("IBMUSER's initial password: ")
                .contains("/NEWPW123/NEWPW123").doesNotContain("NEW1PASS"));
        check(steps, "| ../opencs gskkyman", s -> assertThat(s.out()).contains("abckey.kdb created.")
                .contains("Certificate created.").contains("Default key set.").contains("Certificate exported.")
                .contains("Database password stored in "));
        check(steps, "gskkyman -dc", s -> assertThat(s.out())
                .contains("Subject's name: CN=MVS098 self signed server certificate,OU=z/OS CS development"));
        check(steps, "keydb list ca.kdb --json", s -> assertThat(s.out()).contains("\"ABC CA\"").contains("\"server\""));
        check(steps, "keydb export", s -> assertThat(s.out()).contains("Certificate and key exported to"));
        check(steps, "init --home sys", s -> assertThat(s.out()).contains("IBMUSER's initial password"));
        check(steps, "tso --home sys <<", s -> assertThat(s.all()).contains(" ADDUSER USER1").contains(" RDEFINE PTKTDATA")
                .doesNotContain("NOT FOUND").doesNotContain("IKJ56"));
        check(steps, "passticket generate", s -> assertThat(s.out().toString().strip()).matches("[A-Z0-9]{8}"));
        check(steps, "./opencs ftp", s -> assertThat(s.out()).contains("230 IBMUSER is logged on")
                .contains("EZA2906I Data connection protection is private"));
        check(steps, "https://localhost:2443/login", s -> assertThat(s.out()).contains("<form method=\"post\" action=\"/login\"")
                .contains("name=\"userid\"").contains("name=\"password\""));
        check(steps, "./opencs submit --wait hello.jcl", s -> assertThat(s.out().toString().strip()).isEqualTo("JOB00001"));
        check(steps, "-T hello.jcl", s -> assertThat(s.all()).doesNotContain("curl:"));
        check(steps, "./opencs jobs", s -> assertThat(s.out())
                .contains("HELLO    JOB00001 IBMUSER  OUTPUT A        RC=0000 5 spool files")
                .containsPattern("HELLO    JOB00002 IBMUSER  (INPUT |ACTIVE|OUTPUT)"));
        check(steps, "/JOB00001.5", s -> assertThat(s.out().toString().strip()).isEqualTo("HELLO FROM JES2"));
        check(steps, "s3270", s -> assertThat(s.out()).contains("data:  LISTUSER").contains("USER=IBMUSER").contains("HOME= /u/ibmuser"));
        assertThat(dir.resolve("clone/SSLcase1/abckey.sth")).exists();
        assertThat(dir.resolve("clone/server.p12")).exists();

        // The servers' console (printed while the tour went on): one format, and it said what stopped.
        String all = String.join("", steps.stream().map(Step::all).toList());
        List<String> console = all.lines().filter(l -> l.matches("^\\d\\d:\\d\\d:\\d\\d .*")).toList();
        assertThat(console).as("console of opencs start").isNotEmpty().allMatch(l -> CONSOLE_LINE.matcher(l).matches())
                .noneMatch(l -> JAVA_NAME.matcher(l).find()).noneMatch(l -> l.matches(".*\\bnull\\b.*"));
        assertThat(String.join("\n", console)).contains("EZY2702I Server-FTP: Initialization completed")
                .contains("EZZ6003I TELNET LISTENING ON PORT 2023").contains("OCS0071I The servers listen on 127.0.0.1")
                .contains("OCSW001I Web server listening on port 2443 (https)")
                .contains("OCSW009I Web server shutdown in progress for port 2443")
                .contains("OCS0072I TN3270E shutdown in progress for port 2023")
                .contains("EZYFT59I FTP shutdown in progress").contains("OCS0073I OpenCS servers of ");
        assertThat(all).doesNotContain("\u001b").doesNotContain("Exception");
    }

    /** The commands of one shell block: comments and blank lines left out, continuations and here-documents kept. */
    static List<String> commands(String block) {
        List<String> commands = new ArrayList<>();
        String[] lines = block.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].strip().startsWith("#")) {
                continue;
            }
            StringBuilder command = new StringBuilder(lines[i]);
            while (command.toString().endsWith("\\") && i + 1 < lines.length) {
                command.append('\n').append(lines[++i]);
            }
            Matcher heredoc = HEREDOC.matcher(command);
            if (heredoc.find()) {
                String end = heredoc.group(1);
                while (i + 1 < lines.length) {
                    String line = lines[++i];
                    command.append('\n').append(line);
                    if (line.strip().equals(end)) {
                        break;
                    }
                }
            }
            commands.add(command.toString());
        }
        return commands;
    }

    /** The tour as one bash script: each command between markers with its exit code; background servers awaited. */
    private static String script(List<String> commands) {
        StringBuilder script = new StringBuilder("ip link set lo up\n");
        for (int i = 0; i < commands.size(); i++) {
            String command = commands.get(i);
            script.append("echo '@@@ STEP ").append(i).append("'; echo '@@@ STEP ").append(i).append("' >&2\n");
            script.append(command).append('\n');
            script.append("echo \"@@@ RC ").append(i).append(" $?\"\n");
            if (command.strip().endsWith("&")) {
                Matcher home = Pattern.compile("--home\\s+(\\S+)").matcher(command);
                String ports = (home.find() ? home.group(1) : "opencs-home") + "/logs/ports";
                script.append("for i in $(seq 1 300); do [ -s ").append(ports).append(" ] && break; sleep 0.2; done\n");
            }
        }
        script.append("wait\n");
        return script.toString();
    }

    /** Runs the script in its own network namespace; the output of each command, by command, in order. */
    private static List<Step> run(Path clone, Path script, List<String> commands) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("unshare", "--net", "bash", script.toString()).directory(clone.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(clone.resolveSibling("tour.out").toFile())
                .redirectError(clone.resolveSibling("tour.err").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENCS_"));
        builder.environment().put("PATH", Paths.get(System.getProperty("java.home"), "bin") + ":"
                + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        Process tour = builder.start();
        if (!tour.waitFor(8, TimeUnit.MINUTES)) {
            tour.descendants().forEach(ProcessHandle::destroyForcibly);
            tour.destroyForcibly();
            throw new AssertionError("the README tour did not end within 8 minutes:\n" + read(clone, "tour.out"));
        }
        List<Step> steps = commands.stream()
                .map(c -> new Step(c, new StringBuilder(), new StringBuilder(), new int[] {-1})).toList();
        split(read(clone, "tour.out"), steps, true);
        split(read(clone, "tour.err"), steps, false);
        return steps;
    }

    private static void split(String output, List<Step> steps, boolean stdout) {
        Matcher mark = MARK.matcher(output);
        int current = -1;
        int from = 0;
        while (true) {
            boolean found = mark.find();
            String text = output.substring(from, found ? mark.start() : output.length());
            if (current >= 0) {
                Step step = steps.get(current);
                (stdout ? step.out() : step.err()).append(text);
            }
            if (!found) {
                return;
            }
            int number = Integer.parseInt(mark.group(2));
            if (mark.group(1).equals("STEP")) {
                current = number;
            } else {
                steps.get(number).exitCode()[0] = Integer.parseInt(mark.group(3));
            }
            from = mark.end();
        }
    }

    private static String read(Path clone, String name) throws IOException {
        return Files.readString(clone.resolveSibling(name), StandardCharsets.UTF_8);
    }

    /** Runs {@code check} on the one command that contains {@code text} (which must exist). */
    private static void check(List<Step> steps, String text, Consumer<Step> check) {
        List<Step> matching = steps.stream().filter(s -> s.command().contains(text)).toList();
        assertThat(matching).as("README commands containing '%s'", text).hasSize(1);
        Step step = matching.get(0);
        try {
            check.accept(step);
        } catch (AssertionError e) {
            throw new AssertionError("$ " + step.command() + "\n" + e.getMessage(), e);
        }
    }
}

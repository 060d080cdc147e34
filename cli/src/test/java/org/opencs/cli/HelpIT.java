package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the help of every command, as a newcomer reads it. {@code --help} works on each (gskkyman too, whose
 * {@code -h} stays IBM's usage), each description in a command list is a whole sentence (no trailing colon), no
 * paragraph breaks in the middle of a sentence, and nothing promises what has long landed.
 */
class HelpIT {
    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelpThatReadsAsSentences() throws Exception {
        List<List<String>> commands = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        collect(List.of(), commands, problems);
        assertThat(commands).extracting(c -> String.join(" ", c)).contains("quickstart", "start", "tso", "gskkyman",
                "keydb", "keydb export", "keydb list", "passticket generate", "ftp", "tn3270");
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            var help = OpenCsProcess.run(dir, Map.of(), args.toArray(String[]::new));
            String name = "opencs " + String.join(" ", command);
            if (help.exitCode() != 0 || !help.stderr().isEmpty() || !help.stdout().startsWith("Usage: " + name.strip())) {
                problems.add(name + " --help: exit " + help.exitCode() + "\n" + help.all());
                continue;
            }
            problems.addAll(brokenSentences(name, help.stdout()));
            if (help.stdout().contains("as they land")) {
                problems.add(name + ": promises servers 'as they land'");
            }
        }
        assertThat(problems).as("help texts").isEmpty();
    }

    @Test
    void gskkymanHasBothHelps() throws Exception {
        var help = OpenCsProcess.run(dir, Map.of(), "gskkyman", "--help");
        assertThat(help.exitCode()).as(help.all()).isZero();
        assertThat(help.stdout()).startsWith("Usage: opencs gskkyman").contains("-dc").doesNotContain("is not known");
        var viaHelp = OpenCsProcess.run(dir, Map.of(), "help", "gskkyman");
        assertThat(viaHelp.stdout()).isEqualTo(help.stdout());
        var ibm = OpenCsProcess.run(dir, Map.of(), "gskkyman", "-h");
        assertThat(ibm.exitCode()).isZero();
        assertThat(ibm.stdout()).startsWith("Usage:\n  gskkyman ").contains("gskkyman -dc  filename");
        var top = OpenCsProcess.run(dir, Map.of(), "--help");
        assertThat(top.stdout()).contains("an FTPS server and a").contains("TN3270E server (start)").doesNotContain("as they land");
    }

    /** The subcommands of {@code parent} (from its help's Commands: section), depth first, parent first. */
    private void collect(List<String> parent, List<List<String>> into, List<String> problems) throws Exception {
        if (!parent.isEmpty()) {
            into.add(parent);
        }
        List<String> args = new ArrayList<>(parent);
        args.add("--help");
        String help = OpenCsProcess.run(dir, Map.of(), args.toArray(String[]::new)).stdout();
        int commands = help.indexOf("\nCommands:\n");
        if (commands < 0) {
            return;
        }
        List<String> entries = new ArrayList<>();
        for (String line : help.substring(commands + 11).split("\n")) {
            if (line.matches("  \\S.*")) {
                entries.add(line.strip());
            } else if (!entries.isEmpty() && line.startsWith("   ")) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        for (String entry : entries) {
            String name = entry.split("\\s+")[0];
            String description = entry.substring(name.length()).strip();
            if (description.endsWith(":")) {
                problems.add("opencs " + String.join(" ", parent) + ": the description of " + name + " ends in a colon: " + description);
            }
            if (!name.equals("help")) {
                List<String> child = new ArrayList<>(parent);
                child.add(name);
                collect(child, into, problems);
            }
        }
    }

    /**
     * Description lines (not indented, after the synopsis) that end before the line is full and without ending a
     * sentence, although the description goes on: a paragraph broken in the middle of a sentence.
     */
    static List<String> brokenSentences(String name, String help) {
        List<String> lines = help.lines().toList();
        int i = 0;
        while (i < lines.size() && (lines.get(i).startsWith("Usage:") || lines.get(i).startsWith(" "))) {
            i++;
        }
        List<String> description = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).startsWith(" ") && !lines.get(i).equals("Commands:")
                && !lines.get(i).isEmpty()) {
            description.add(lines.get(i++));
        }
        List<String> broken = new ArrayList<>();
        for (int d = 0; d + 1 < description.size(); d++) {
            String line = description.get(d);
            if (line.length() < 60 && !line.matches(".*[.!?]")) {
                broken.add(name + ": a sentence breaks after '" + line + "'");
            }
        }
        if (description.isEmpty()) {
            broken.add(name + ": no description");
        }
        return broken;
    }
}

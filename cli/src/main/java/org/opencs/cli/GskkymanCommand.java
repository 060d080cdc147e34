package org.opencs.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencs.pki.gskkyman.Gskkyman;
import org.opencs.pki.gskkyman.GskkymanCommandLine;
import org.opencs.pki.gskkyman.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code opencs gskkyman}: the z/OS key database utility, interactive or with IBM's command-line flags. */
@Command(name = "gskkyman", description = {
        "The z/OS gskkyman utility: menus to create and manage key databases (.kdb/.rdb/.sth).",
        "Answers may be typed or piped on standard input. With flags it runs one function:",
        "  -dc file | -dcv file | -dk -k db | -e -k db -l label -p p12 | -i -k db -p p12 [-l label]",
        "  -g -k db -l ca-label -cr request -ct certificate [-x days] [-ca] | -s -k db | -h"})
public final class GskkymanCommand implements Callable<Integer> {
    @Unmatched
    List<String> flags = new ArrayList<>();

    @Override
    public Integer call() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Terminal terminal = new Terminal(in, System.out, System.console());
        Gskkyman gskkyman = new Gskkyman(terminal, Path.of("").toAbsolutePath(), new SecureRandom(), Clock.systemUTC());
        if (flags.isEmpty()) {
            return gskkyman.run();
        }
        return new GskkymanCommandLine(terminal, gskkyman).run(flags);
    }
}

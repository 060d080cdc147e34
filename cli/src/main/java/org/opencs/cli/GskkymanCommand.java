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
@Command(name = "gskkyman", customSynopsis = {
        "opencs gskkyman                  (the menus)",
        "       opencs gskkyman -dc file | -dcv file | -dk -k db | -s -k db",
        "       opencs gskkyman -e -k db -l label -p p12 | -i -k db -p p12 [-l label]",
        "       opencs gskkyman -g -k db -l ca-label -cr request -ct cert [-x days] [-ca]",
        "       opencs gskkyman -h | --help"},
        description = {
        "The z/OS gskkyman utility: menus to create and manage key databases (.kdb, .rdb and .sth files).",
        "Answers may be typed or piped on standard input, one per line. With IBM's flags it runs one function: "
                + "-dc/-dcv display (and validate) a certificate file, -dk lists a database, -s stashes its "
                + "password, -e/-i export/import PKCS #12, -g signs a request. -h prints gskkyman's own usage."})
public final class GskkymanCommand implements Callable<Integer> {
    /** --help shows this command's help; -h stays gskkyman's own flag, as on z/OS. */
    @picocli.CommandLine.Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

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

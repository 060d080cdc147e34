package org.opencs.cli.keydb;

import java.util.Map;
import java.util.concurrent.Callable;
import org.opencs.cli.Json;
import org.opencs.pki.keydb.KeyDbEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one entry of a key database.")
final class KeydbShow implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Parameters(index = "1", paramLabel = "LABEL")
    String label;

    @Option(names = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        KeyDbEntry entry = db.open().get(label);
        Map<String, Object> description = Output.describe(entry);
        if (json) {
            System.out.println(Json.write(description));
        } else {
            description.forEach((key, value) -> System.out.printf("%-19s %s%n", key + ":", value));
        }
        return 0;
    }
}

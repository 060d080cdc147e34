package org.opencs.cli.keydb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencs.cli.Json;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the entries of a key database.")
final class KeydbList implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Option(names = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Integer call() {
        KeyDatabase database = db.open();
        List<KeyDbEntry> entries = database.entries();
        if (json) {
            List<Map<String, Object>> list = entries.stream().map(Output::describe).toList();
            System.out.println(Json.write(Map.of("database", database.path().toAbsolutePath().toString(),
                    "recordLength", database.recordLength(), "entries", list)));
            return 0;
        }
        System.out.println("Database: " + database.path().toAbsolutePath());
        System.out.printf("%-8s %-7s %-7s %-24s %s%n", "TYPE", "TRUST", "DEFAULT", "LABEL", "SUBJECT");
        for (KeyDbEntry entry : entries) {
            Map<String, Object> d = Output.describe(entry);
            System.out.printf("%-8s %-7s %-7s %-24s %s%n", entry.type(), entry.trusted() ? "yes" : "no",
                    entry.isDefault() ? "yes" : "", entry.label(), d.get("subject"));
        }
        return 0;
    }
}

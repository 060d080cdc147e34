package org.opencs.cli.keydb;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opencs.pki.keydb.KeyDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Receive the certificate issued for a pending request onto its private key.")
final class KeydbReceive implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Parameters(index = "1", paramLabel = "CERTIFICATE-FILE")
    Path file;

    @Override
    public Integer call() {
        KeyDatabase database = db.open();
        String label = db.operations().receive(database, Output.read(file), file.toString());
        database.save();
        System.out.println("Certificate received with label " + label + ".");
        return 0;
    }
}

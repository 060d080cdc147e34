package org.opencs.cli.keydb;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code opencs keydb}: the scriptable, keytool-style face of the key database service. */
@Command(name = "keydb", mixinStandardHelpOptions = true,
        description = {"Create and manage key databases (.kdb, or .p12) from scripts: one verb per action.",
                "Passwords come from --password-file, OPENCS_KEYDB_PASSWORD, the .sth stash (--stashed) or a prompt, "
                + "never from the command line.",
                "Exit code 0 on success, 1 when the action was refused."},
        subcommands = {KeydbCreate.class, KeydbList.class, KeydbShow.class, KeydbSelfsign.class, KeydbCertreq.class,
                KeydbReceive.class, KeydbSign.class, KeydbImport.class, KeydbExport.class, KeydbEdits.SetDefault.class,
                KeydbEdits.Trust.class, KeydbEdits.Rename.class, KeydbEdits.Delete.class, KeydbEdits.Stash.class,
                KeydbEdits.Passwd.class})
public final class KeydbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

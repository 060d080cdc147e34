package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.tso.racdcert.SeedJobs;

/** The seed's RACF jobs piped into the real command: ./opencs tso --user IBMUSER < SYSTSIN. */
class SeedRacfJobsIT {
    @TempDir
    Path dir;

    @Test
    void seedJobsRunThroughTheTsoCommand() throws Exception {
        assertThat(OpenCsProcess.run(dir, Map.of(), "init", "--home", "sys").exitCode()).isZero();
        String job = "ADDUSER TCPSC NAME('TCP/IP SERVER')\nADDUSER USER1 PASSWORD(user1pw)\n"
                + SeedJobs.read("ca-and-server.systsin") + "\n" + SeedJobs.read("user1.systsin") + "\n"
                + SeedJobs.read("export-p12.systsin") + "\n";
        var result = OpenCsProcess.runWithInput(dir, Map.of(), job, "tso", "--home", "sys", "--user", "IBMUSER");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("Digital ring information for user USER1:", "       >USER1RING<",
                "  USER1 CERT                         ID(USER1)      PERSONAL     YES").doesNotContain("XXXXXXXX");
        assertThat(dir.resolve("sys/datasets/USER1.ABCCA.B64")).isDirectory();
        assertThat(dir.resolve("sys/datasets/USER1.CERT.DER.P12")).isDirectory();
    }
}

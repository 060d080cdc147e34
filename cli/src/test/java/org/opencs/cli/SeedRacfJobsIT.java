package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's RACF jobs piped into the real command: ./opencs tso --user IBMUSER < SYSTSIN. */
class SeedRacfJobsIT {
    @TempDir
    Path dir;

    @Test
    void seedJobsRunThroughTheTsoCommand() throws Exception {
        assertThat(OpenCsProcess.run(dir, Map.of(), "init", "--home", "sys").exitCode()).isZero();
        String job = String.join("\n",
                "ADDUSER TCPSC NAME('TCP/IP SERVER')",
                "ADDUSER USER1 PASSWORD(user1pw)",
                "RACDCERT CERTAUTH GENCERT +",
                "  SUBJECTSDN(CN('ABC CA')) +",
                "  OU('CS Z/OS CA') +",
                "  O('IBM') +",
                "  C('US')) +",
                "  NOTBEFORE(DATE(2004-01-01)) +",
                "  NOTAFTER(DATE(2010-12-31)) +",
                "  WITHLABEL('ABC CA')",
                "RACDCERT CERTAUTH EXPORT(LABEL('ABC CA')) DSN('USER1.ABCCA.B64')",
                "RACDCERT ID(USER1) GENCERT +",
                "  SUBJECTSDN(CN('USER1 CERT') +",
                "  OU('CS Z/OS') +",
                "  O('IBM') +",
                "  C('US')) +",
                "  NOTBEFORE(DATE(2004-01-01)) +",
                "  NOTAFTER(DATE(2010-12-31)) +",
                "  WITHLABEL('USER1 CERT') +",
                "  SIGNWITH(CERTAUTH LABEL('ABC CA'))",
                "RACDCERT ID(USER1) ADDRING(USER1RING)",
                "RACDCERT ID(USER1) CONNECT(CERTAUTH LABEL('ABC CA') +",
                "  RING(USER1RING)",
                "RACDCERT ID(USER1) CONNECT(LABEL('USER1 CERT') +",
                "  RING(USER1RING) DEFAULT)",
                "RACDCERT ID(USER1) LISTRING(USER1RING)",
                "RACDCERT EXPORT (LABEL('USER1 CERT')) +",
                "  DSN('USER1.CERT.DER.P12') +",
                "  FORMAT(PKCS12DER) +",
                "  PASSWORD('XXXXXXXX')") + "\n";
        var result = OpenCsProcess.runWithInput(dir, Map.of(), job, "tso", "--home", "sys", "--user", "IBMUSER");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("Digital ring information for user USER1:", "       >USER1RING<",
                "  USER1 CERT                         ID(USER1)      PERSONAL     YES").doesNotContain("XXXXXXXX");
        assertThat(dir.resolve("sys/datasets/USER1.ABCCA.B64")).isDirectory();
        assertThat(dir.resolve("sys/datasets/USER1.CERT.DER.P12")).isDirectory();
    }
}

package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.smf.Smf119Reader;
import org.opencs.core.smf.Smf119Record;
import org.opencs.core.smf.Smf119Subtype;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetPort;

/**
 * The seed's first TelnetParms block as printed (only its port changed to 0, its key database made where it says)
 * with {@code SMFinit Typ119} and {@code SMFterm Typ119}: Debian's s3270 logs on to TSO and off again, and the audit
 * log holds IBM's SMF 119 subtype 20 and 21 records for the session (IP Programmer's Guide and Reference, "TN3270E
 * Telnet server SNA session initiation record (subtype 20)", "... termination record (subtype 21)"). Without the
 * statements, the same session writes no SMF record.
 */
class Tn3270SmfTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    /** The seed's first block, port 2024 made 0 so the test can run anywhere. */
    private static String seedBlock() throws Exception {
        String blocks;
        try (var in = Tn3270SmfTest.class.getResourceAsStream("/seed/PROFILE.TCPIP.blocks")) {
            blocks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String first = blocks.substring(0, blocks.indexOf("EndTelnetParms") + "EndTelnetParms".length());
        assertThat(first).contains("SMFinit Typ119").contains("SMFterm Typ119").contains("SecurePort 2024");
        return first.replace("SecurePort 2024", "SecurePort 0");
    }

    private List<Smf119Record> logOnAndOff(String profile) throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        KeyDatabase kdb = TestPki.caAndServer(registry.home().hfsPath("/u/user1/SSLcase1/abckey.kdb"));
        kdb.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(kdb, "ABC CA", ExportFormat.BASE64_DER));
        registry.users().add(User.define("USER1", "USER1", "IBMUSER",
                registry.passwordHasher().hash("user1pw".toCharArray()), false, false, 101L, "/u/user1", clock.instant()));
        TelnetPort port = ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0);
        Tn3270Server server = log.serve(port, registry);
        try {
            String script = String.join("\n", "Connect(L:localhost:" + server.port() + ")", "Wait(20,InputField)",
                    "Query(LuName)", "String(\"user1\")", "Tab()", "String(\"user1pw\")", "Enter()",
                    "Wait(20,InputField)", "String(\"6\")", "Enter()", "Wait(20,InputField)", "Ascii()",
                    "String(\"logoff\")", "Enter()", "Quit()") + "\n";
            var result = ExternalCommand.run(dir, script.getBytes(StandardCharsets.US_ASCII), List.of("timeout", "60",
                    "s3270", "-cafile", dir.resolve("ca.pem").toString(), "-model", "3278-2"));
            assertThat(result.all()).contains("data: TCP00001").contains("data:  READY");
        } finally {
            server.close(); // waits for the session's end, where SMFTERM's record is written
        }
        return Smf119Reader.read(registry.home().logs().resolve("audit.jsonl"), r -> true).records();
    }

    @Test
    void theSeedsBlockWritesSessionInitiationAndTerminationRecords() throws Exception {
        List<Smf119Record> records = logOnAndOff(seedBlock());
        assertThat(records).extracting(r -> r.subtype()).containsExactly(Smf119Subtype.TN3270_SESSION_INIT,
                Smf119Subtype.TN3270_SESSION_TERM);
        Smf119Record init = records.get(0);
        Smf119Record term = records.get(1);
        for (Smf119Record r : records) {
            assertThat(r.value("SMF119TI_Comp")).isEqualTo("TN3270S");
            assertThat(r.value("SMF119TI_SYSName")).isEqualTo(registry.config().sysname());
            assertThat(r.value("SMF119TI_Stack")).isEqualTo("TCPIP");
            assertThat(r.value("SMF119TI_ASName")).isEqualTo("TN3270");
            assertThat(r.value("SMF119TI_Reason")).isEqualTo(8L);
        }
        assertThat(init.value("SMF119TN_NILU")).isEqualTo("TCP00001");
        assertThat(init.value("SMF119TN_NIAppl")).isEqualTo("TSO");
        assertThat(init.value("SMF119TN_NIRIP")).isEqualTo("127.0.0.1");
        assertThat(init.value("SMF119TN_NILIP")).isEqualTo("127.0.0.1");
        assertThat((Long) init.value("SMF119TN_NIRPort")).isPositive();
        assertThat(init.value("SMF119TN_NIDate")).isEqualTo(LocalDate.ofInstant(clock.instant(), clock.getZone()));
        assertThat(init.value("SMF119TN_NITime")).isInstanceOf(LocalTime.class);

        assertThat(term.value("SMF119TN_NTLU")).isEqualTo("TCP00001");
        assertThat(term.value("SMF119TN_NTRIP")).isEqualTo("127.0.0.1");
        assertThat(term.value("SMF119TN_NTRPort")).isEqualTo(init.value("SMF119TN_NIRPort"));
        assertThat(term.value("SMF119TN_NTLPort")).isEqualTo(init.value("SMF119TN_NILPort"));
        assertThat(term.value("SMF119TN_NTiTime")).isEqualTo(init.value("SMF119TN_NITime"));
        assertThat(term.value("SMF119TN_NTiDate")).isEqualTo(init.value("SMF119TN_NIDate"));
        assertThat(term.value("SMF119TN_NTtDate")).isNotNull();
        assertThat((Long) term.value("SMF119TN_NTInByte")).isPositive();
        assertThat((Long) term.value("SMF119TN_NTOutByte")).isGreaterThan((Long) term.value("SMF119TN_NTInByte"));
        assertThat(term.value("SMF119TN_NTSType")).as("s3270 speaks TN3270E").isEqualTo(2L);
        assertThat(term.value("SMF119TN_NTSSL")).as("TLS, no client certificate").isEqualTo(1L);
        assertThat(term.value("SMF119TN_NTLUSel")).isEqualTo(0L);
        assertThat(term.value("SMF119TN_NTDevt")).asString().startsWith("IBM-3278-2");
    }

    @Test
    void withoutTheStatementsTheSessionWritesNoSmfRecord() throws Exception {
        String profile = seedBlock().replaceAll("(?m)^\\s*SMF(init|term).*\\n", "");
        assertThat(profile).doesNotContainIgnoringCase("smfinit");
        assertThat(logOnAndOff(profile)).isEmpty();
        // The session's own audit records are written as before.
        assertThat(Files.readString(registry.home().logs().resolve("audit.jsonl"))).contains("TN3270_SESSION_START")
                .contains("TN3270_SESSION_END").doesNotContain("SMF119");
    }
}

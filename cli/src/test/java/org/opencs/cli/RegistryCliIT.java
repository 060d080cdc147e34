package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, the seed's PassTicket definition piped into tso, PassTicket logons and replays, across separate processes. */
class RegistryCliIT {
    @TempDir
    Path dir;

    @Test
    void initTsoAndPassTicketsWorkAcrossProcesses() throws Exception {
        var init = OpenCsProcess.run(dir, Map.of(), "init", "--home", "sys");
        assertThat(init.exitCode()).as(init.all()).isZero();
        Matcher password = Pattern.compile("IBMUSER's initial password: (\\S{8})").matcher(init.stdout());
        assertThat(password.find()).isTrue();
        assertThat(dir.resolve("sys/system.conf")).exists();
        assertThat(OpenCsProcess.run(dir, Map.of(), "init", "--home", "sys").stderr()).contains("OCS0040E");

        String systsin = String.join("\n",
                "ADDUSER USER1 NAME('USER ONE') PASSWORD(user1pw) +",
                "   OMVS(UID(101) HOME(/u/user1))",
                "SETROPTS CLASSACT(PTKTDATA)",
                "SETROPTS RACLIST(PTKTDATA)",
                "RDEFINE PTKTDATA TSO3090 SSIGNON(KEYMASKED(E001193519561977)) UACC(NONE)",
                "SETROPTS RACLIST(PTKTDATA) REFRESH") + "\n";
        var tso = OpenCsProcess.runWithInput(dir, Map.of(), systsin, "tso", "--home", "sys");
        assertThat(tso.exitCode()).as(tso.all()).isZero();
        assertThat(tso.stdout()).contains(" RDEFINE PTKTDATA TSO3090 SSIGNON(KEYMASKED(********)) UACC(NONE)")
                .doesNotContain("user1pw").doesNotContain("E001193519561977");

        var ticket = OpenCsProcess.run(dir, Map.of(), "passticket", "generate", "--home", "sys", "--user", "USER1",
                "--appl", "TSO3090");
        assertThat(ticket.stdout()).matches("[A-Z0-9]{8}\\n");
        String t = ticket.stdout().trim();
        var logon = OpenCsProcess.run(dir, Map.of("OPENCS_PASSWORD", t), "tso", "--home", "sys", "--user", "USER1", "LISTUSER");
        assertThat(logon.exitCode()).as(logon.all()).isZero();
        assertThat(logon.stdout()).contains("USER=USER1").contains("HOME= /u/user1");
        var replay = OpenCsProcess.run(dir, Map.of("OPENCS_PASSWORD", t), "tso", "--home", "sys", "--user", "USER1", "LISTUSER");
        assertThat(replay.exitCode()).isNotZero();
        assertThat(replay.stderr()).contains("PASSTICKET REPLAY ATTEMPT");
        assertThat(Files.readString(dir.resolve("sys/logs/audit.jsonl"))).contains("PASSTICKET_REPLAY");

        Files.writeString(dir.resolve("old.pw"), "user1pw\n");
        Files.writeString(dir.resolve("new.pw"), "Fresh123\n");
        var expired = OpenCsProcess.run(dir, Map.of(), "tso", "--home", "sys", "--user", "USER1", "--password-file", "old.pw",
                "LISTUSER");
        assertThat(expired.stderr()).contains("HAS EXPIRED");
        var changed = OpenCsProcess.run(dir, Map.of(), "tso", "--home", "sys", "--user", "USER1", "--password-file", "old.pw",
                "--new-password-file", "new.pw", "LISTUSER");
        assertThat(changed.exitCode()).as(changed.all()).isZero();
        var denied = OpenCsProcess.run(dir, Map.of("OPENCS_PASSWORD", "Fresh123"), "tso", "--home", "sys", "--user", "USER1",
                "ADDUSER", "EVIL");
        assertThat(denied.exitCode()).isEqualTo(8);
        assertThat(denied.stdout()).contains("ICH00007I INSUFFICIENT AUTHORITY TO ADDUSER");
    }
}

package org.opencs.tso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.passticket.PassTicketKey;
import org.opencs.saf.passticket.PassTicketService;
import org.opencs.saf.passticket.PassTickets;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;

class TsoCommandsTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
    private Registry registry;
    private final TsoProcessor tso = new TsoProcessor();

    @BeforeEach
    void init() throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, TestRegistries.Store.H2, clock);
        registry = TestRegistries.open(result, clock);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private List<String> run(String userid, String stream) {
        List<String> listing = new ArrayList<>();
        TsoSession session = new TsoSession(registry, registry.users().find(userid).orElseThrow());
        int rc = tso.runStream(stream, session, listing::add);
        listing.add("RC=" + rc);
        return listing;
    }

    @Test
    void seedPassTicketDefinitionAndUsersWork() {
        List<String> listing = run("IBMUSER", String.join("\n",
                "ADDUSER USER1 NAME('Alfred') PASSWORD(user1pw) OMVS(UID(101) HOME(/u/user1))",
                "SETROPTS CLASSACT(PTKTDATA)",
                "SETROPTS RACLIST(PTKTDATA)",
                "RDEFINE PTKTDATA TSO3090 SSIGNON(KEYMASKED(E001193519561977)) UACC(NONE)",
                "SETROPTS RACLIST(PTKTDATA) REFRESH",
                "LISTUSER USER1",
                "RLIST PTKTDATA TSO3090"));
        assertThat(listing).contains(" RDEFINE PTKTDATA TSO3090 SSIGNON(KEYMASKED(********)) UACC(NONE)",
                "RC=0", "UID= 0000000101", "HOME= /u/user1", "SSIGNON INFORMATION: KEYMASKED DATA IS PRESENT");
        assertThat(String.join("\n", listing)).contains("USER=USER1     NAME=Alfred").doesNotContain("E001193519561977")
                .doesNotContain("user1pw");
        String ticket = PassTickets.generate(PassTicketKey.legacy("E001193519561977", false), "USER1", "TSO3090",
                clock.instant().getEpochSecond());
        assertThat(new Authenticator(registry).logon("USER1", ticket.toCharArray(), "TSO3090").status())
                .isEqualTo(LogonResult.Status.OK);
        assertThat(new PassTicketService(registry).generate("USER1", "TSO3090")).isEqualTo(ticket);
    }

    @Test
    void theSeedsPlaceholderKeyIsRefusedWithAReason() {
        List<String> listing = run("IBMUSER",
                "RDEFINE PTKTDATA TSOxxxx SSIGNON(KEYMASKED(XXXXXXXXXXXXXXXXXXXX)) UACC(NONE)");
        assertThat(listing).contains("IKJ56702I INVALID KEY, THE KEY MUST BE 16 HEXADECIMAL DIGITS", "RC=8");
        assertThat(registry.resources().find("PTKTDATA", "TSOXXXX")).isEmpty();
    }

    @Test
    void ordinaryUsersCannotAdministerAndFailuresDoNotStopTheStream() {
        run("IBMUSER", "ADDUSER USER2 PASSWORD(user2pw)");
        List<String> listing = run("USER2", String.join("\n", "ADDUSER EVIL", "LISTUSER IBMUSER", "LISTUSER",
                "PERMIT X CLASS(FACILITY) ID(USER2) ACCESS(READ)"));
        assertThat(listing).contains("ICH00007I INSUFFICIENT AUTHORITY TO ADDUSER",
                "ICH00007I INSUFFICIENT AUTHORITY TO LISTUSER IBMUSER", "ICH00007I INSUFFICIENT AUTHORITY TO PERMIT", "RC=8");
        assertThat(String.join("\n", listing)).contains("USER=USER2");
        assertThat(registry.users().find("EVIL")).isEmpty();
    }

    @Test
    void badOperandsGiveSpecificMessagesAndChangeNothing() {
        List<String> listing = run("IBMUSER", String.join("\n",
                "ADDUSER 1BAD",
                "ADDUSER USER3 PASSWORD(abc)",
                "ADDUSER USER3 NAME('a name that is far too long for RACF')",
                "ALTUSER NOBODY SPECIAL",
                "ADDUSER USER3 BOGUS(1)",
                "LISTUSER GHOST",
                "PERMIT NOPROF CLASS(FACILITY) ID(IBMUSER) ACCESS(READ)",
                "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(SUPER)",
                "SETROPTS PASSWORD(REVOKE(0))",
                "FOO BAR"));
        assertThat(listing).contains("IKJ56702I INVALID USERID, 1BAD",
                "ICH08002I NEW PASSWORD MUST BE 6 TO 8 CHARACTERS LONG",
                "ICH21001I USER NOBODY NOT DEFINED",
                "IKJ56712I INVALID KEYWORD, BOGUS",
                "ICH30001I UNABLE TO LOCATE USER ENTRY GHOST",
                "ICH06004I NOPROF NOT DEFINED TO RACF IN CLASS FACILITY",
                "IKJ56702I INVALID ACCESS, SUPER",
                "IKJ56702I INVALID REVOKE VALUE, 0 (1 TO 254)",
                "IKJ56500I COMMAND FOO NOT FOUND");
        assertThat(String.join("\n", listing)).contains("INVALID NAME");
        assertThat(registry.users().find("USER3")).isEmpty();
        assertThat(registry.resources().find("FACILITY", "IRR.DIGTCERT.LISTRING").orElseThrow().uacc().name()).isEqualTo("NONE");
    }

    @Test
    void altuserRevokeResumeAndPasswordChange() {
        run("IBMUSER", "ADDUSER USER4 PASSWORD(temp1234)\nALTUSER USER4 REVOKE");
        Authenticator auth = new Authenticator(registry);
        assertThat(auth.logon("USER4", "temp1234".toCharArray(), null).status()).isEqualTo(LogonResult.Status.REVOKED);
        run("IBMUSER", "ALU USER4 RESUME PASSWORD(good1234) NOEXPIRED");
        assertThat(auth.logon("USER4", "good1234".toCharArray(), null).ok()).isTrue();
        assertThat(run("USER4", "PASSWORD PASSWORD(good1234 next1234)")).contains("RC=0");
        assertThat(auth.logon("USER4", "next1234".toCharArray(), null).ok()).isTrue();
        assertThat(run("USER4", "PW PASSWORD(wrong123 next5678)")).contains("RC=8");
        assertThat(run("IBMUSER", "ALTUSER USER4 PHRASE('too short')")).contains(
                "ICH08011I NEW PASSWORD PHRASE MUST BE 14 TO 100 CHARACTERS LONG", "RC=8");
        assertThat(run("IBMUSER", "ALTUSER USER4 PHRASE('correct horse battery staple')\nLU USER4"))
                .contains("RC=0", " PASSWORD=SET  PHRASE=SET  FAILED-LOGONS=1")
                .doesNotContain(" ALTUSER USER4 PHRASE('correct horse battery staple')");
        assertThat(auth.logon("USER4", "correct horse battery staple".toCharArray(), null).ok()).isTrue();
        assertThat(auth.logon("USER4", "correct horse battery stapler".toCharArray(), null).ok()).isFalse();
        assertThat(run("IBMUSER", "DELUSER USER4")).contains("RC=0");
        assertThat(registry.users().find("USER4")).isEmpty();
    }
}

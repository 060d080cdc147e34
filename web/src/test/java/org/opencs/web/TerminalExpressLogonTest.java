package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.passticket.PassTicketKey;
import org.opencs.saf.passticket.PassTickets;

/**
 * The web terminal's Express Logon decision on a real TN3270E server (SECUREPORT, DEFAULTAPPL the TSO application
 * TSO + SMFID) and a real registry: a certificate session with a PTKTDATA profile reaches the primary menu without a
 * password, and no message to the browser holds a PassTicket (every 8-character word of every JSON message is
 * evaluated as a PassTicket for the user and application and none is valid); without the profile, or for a password
 * session, the logon panel stays for the user, with OCSW071I saying why in the first case. The WebSocket's messages are
 * exactly what {@link TerminalSession} hands to its sender here.
 */
class TerminalExpressLogonTest {
    private static final String KEY = "0123456789ABCDEF";

    @TempDir
    Path dir;

    private WebTestSystem system;
    private ExecutorService readers;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private String applid;

    @BeforeEach
    void start() throws Exception {
        system = new WebTestSystem(dir);
        system.user("USER1");
        readers = Executors.newCachedThreadPool();
        applid = system.registry.config().tsoApplication();
    }

    @AfterEach
    void stop() {
        readers.shutdownNow();
        system.close();
    }

    @Test
    void aCertificateSessionWithAPtktdataProfileIsLoggedOnWithAPassTicketThatNeverReachesTheBrowser() throws Exception {
        system.passTicketProfile(applid, KEY, true);
        TerminalHost host = system.tn3270(applid);
        try (TerminalSession session = open(host, true)) {
            waitFor("OpenCS Primary Option Menu");
            assertThat(String.join("\n", sent)).contains("OCSW070I Express Logon: USER1 is logged on to " + applid);
        }
        assertThat(system.audit()).containsPattern("\"type\":\"WEB_EXPRESS_LOGON\".*\"user\":\"USER1\".*\"applid\":\""
                + applid + "\".*\"result\":\"PASSTICKET\"");
        PassTicketKey key = PassTicketKey.legacy(KEY, true);
        long now = system.clock.instant().getEpochSecond();
        Matcher words = Pattern.compile("[A-Za-z0-9]{8}").matcher(String.join("\n", sent));
        int checked = 0;
        while (words.find()) {
            checked++;
            assertThat(PassTickets.evaluate(key, "USER1", applid, words.group(), now))
                    .as("a PassTicket was sent to the browser: %s", words.group()).isEmpty();
        }
        assertThat(checked).isPositive();
        assertThat(system.audit()).doesNotContain("password");
    }

    @Test
    void withoutAPtktdataProfileTheUserLogsOnNormallyAndIsToldWhy() throws Exception {
        TerminalHost host = system.tn3270(applid);
        try (TerminalSession session = open(host, true)) {
            waitFor("OCSW071I Express Logon was not used: no PTKTDATA profile with a key protects application " + applid);
            assertThat(String.join("\n", sent)).contains("TSO/E LOGON").doesNotContain("Primary Option Menu");
            session.keys("{\"aid\":\"ENTER\",\"cursor\":0,\"fields\":[{\"address\":416,\"length\":8,\"text\":\"USER1\"},"
                    + "{\"address\":576,\"length\":8,\"text\":\"user1pw\"}]}");
            waitFor("OpenCS Primary Option Menu");
        }
        assertThat(system.audit()).containsPattern("\"type\":\"WEB_EXPRESS_LOGON\".*\"result\":\"NOT_USED\".*"
                + "\"reason\":\"NO_PTKTDATA_PROFILE\"");
    }

    @Test
    void anInactivePtktdataClassIsNamedAsTheReason() throws Exception {
        system.passTicketProfile(applid, KEY, false);
        TerminalHost host = system.tn3270(applid);
        try (TerminalSession session = open(host, true)) {
            waitFor("OCSW071I Express Logon was not used: the PTKTDATA class is not active");
        }
        assertThat(system.audit()).contains("\"reason\":\"PTKTDATA_NOT_ACTIVE\"");
    }

    @Test
    void aPasswordSessionGetsNoExpressLogon() throws Exception {
        system.passTicketProfile(applid, KEY, true);
        TerminalHost host = system.tn3270(applid);
        try (TerminalSession session = open(host, false)) {
            waitFor("TSO/E LOGON");
            session.keys("{\"aid\":\"PF1\",\"cursor\":0,\"fields\":[]}"); // a round trip: anything due has been sent
            waitFor("IKJ");
            assertThat(String.join("\n", sent)).doesNotContain("Express Logon").doesNotContain("Primary Option Menu");
        }
        assertThat(system.audit()).doesNotContain("WEB_EXPRESS_LOGON");
    }

    private TerminalSession open(TerminalHost host, boolean certificate) throws Exception {
        WebSession web = new WebSession("id", "USER1", "token", "127.0.0.1", Instant.EPOCH, Instant.EPOCH,
                certificate ? "CN=USER1,O=OpenCS test" : "");
        return TerminalSession.open(host, system.registry, web, new TerminalJson(), sent::add, readers);
    }

    private void waitFor(String text) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (sent.stream().anyMatch(m -> m.contains(text))) {
                return;
            }
            Thread.sleep(50);
        }
        String all = String.join("\n", sent).replaceAll("\\{\"text\":\" *\",\"address\":\\d+,\"length\":\\d+,\"input\":false,"
                + "\"intensified\":(true|false),\"hidden\":false,\"color\":\"[a-z]+\",\"highlight\":\"[a-z]+\"},?", "");
        throw new AssertionError("no message with " + text + " in (blank runs left out):\n" + all);
    }
}

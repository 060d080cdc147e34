package org.opencs.web;

import org.opencs.web.Curl.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencs.web.Curl.cookie;
import static org.opencs.web.Curl.csrf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.jes.JobFilter;
import org.opencs.testkit.ExternalCommand;

/**
 * The console's actions with curl on the real server (registry, JES without initiators, so jobs wait on INPUT, audit
 * log): a non-SPECIAL user cannot cancel another's job nor revoke a user (403 OCSW, nothing changed), a POST without
 * the session's CSRF token changes nothing (403 OCSW010E), the owner cancels their own job, a SPECIAL user cancels any
 * job (CANCELED) and revokes a user (whose next logon is refused with RACF's ICH408I ... REVOKED text), never the
 * last SPECIAL user; each action is audited with the web user and address. The sessions view shows own sessions, a
 * SPECIAL user all, and ending one logs that browser off.
 */
class ConsoleApiActionsCurlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private WebTestSystem system;
    private WebServer server;
    private org.opencs.jes.Jes jes;
    private String user1Job;
    private String user2Job;

    @BeforeEach
    void start() throws Exception {
        system = new WebTestSystem(dir);
        system.user("USER1");
        system.user("USER2");
        system.specialUser("ADMIN1");
        system.clientCertificate("USER1 CERT", "USER1", "user1");
        jes = system.jes();
        var users = system.registry.users();
        user1Job = jes.submit(users.find("USER1").orElseThrow(), List.of("//USER1A   JOB (ACCT),'ONE'",
                "//S1 EXEC PGM=IEFBR14")).jobId();
        user2Job = jes.submit(users.find("USER2").orElseThrow(), List.of("//USER2A   JOB (ACCT),'TWO'",
                "//S1 EXEC PGM=IEFBR14")).jobId();
        server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0), jes);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    private ExternalCommand.Result curl(String... args) {
        return Curl.run(dir, args);
    }

    private String url(String path) {
        return Curl.url(server.port(), path);
    }

    private ExternalCommand.Result postLogon(String userid) {
        return Curl.postLogon(dir, server.port(), userid);
    }

    private Browser logon(String userid) {
        return Curl.logon(dir, server.port(), userid);
    }

    /** POST {@code path} with the session and its CSRF token in the header; asserts the status, returns the JSON. */
    private JsonNode post(Browser browser, String path, int status) throws Exception {
        var r = curl("-X", "POST", "-H", "Cookie: OCSSESSION=" + browser.session(), "-H", "X-CSRF-Token: "
                + browser.csrf(), url(path));
        assertThat(r.stdout()).as(r.all()).startsWith("HTTP/1.1 " + status);
        return Curl.body(r);
    }

    private JsonNode get(Browser browser, String path) throws Exception {
        var r = curl("-H", "Cookie: OCSSESSION=" + browser.session(), url(path));
        assertThat(r.stdout()).as(r.all()).startsWith("HTTP/1.1 200");
        return Curl.body(r);
    }

    private org.opencs.jes.JobSummary job(String jobId) {
        return jes.job(system.registry.users().find("ADMIN1").orElseThrow(), jobId).orElseThrow();
    }

    private List<JsonNode> audit(String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(system.registry.home().logs()
                .resolve(org.opencs.core.AuditLog.FILE_NAME))) {
            JsonNode record = JSON.readTree(line);
            if (record.get("type").asText().equals(type)) {
                out.add(record);
            }
        }
        return out;
    }

    @Test
    void anOrdinaryUserCannotCancelAnothersJobNorRevokeAUser() throws Exception {
        Browser user1 = logon("USER1");
        JsonNode cancel = post(user1, "/api/jobs/" + user2Job + "/cancel", 403);
        assertThat(cancel.get("message").asText()).startsWith("OCSW050E You may not cancel job " + user2Job);
        assertThat(job(user2Job).status().name()).isEqualTo("INPUT");
        assertThat(job(user2Job).completion()).isNull();

        JsonNode revoke = post(user1, "/api/users/USER2/revoke", 403);
        assertThat(revoke.get("message").asText()).isEqualTo(
                "OCSW054E You may not revoke users: that needs the SPECIAL attribute.");
        assertThat(system.registry.users().find("USER2").orElseThrow().revoked()).isFalse();
        assertThat(postLogon("USER2").stdout()).startsWith("HTTP/1.1 303");
        assertThat(audit("WEB_JOB_CANCEL")).isEmpty();
        assertThat(audit("WEB_USER_REVOKE")).isEmpty();
        // JES wrote its ACCESS_DENIED record for the refused cancel, as it does for TSO CANCEL
        assertThat(audit("ACCESS_DENIED")).anyMatch(r -> r.get("user").asText().equals("USER1"));
    }

    @Test
    void aPostWithoutTheCsrfTokenChangesNothing() throws Exception {
        Browser admin = logon("ADMIN1");
        for (String path : List.of("/api/jobs/" + user1Job + "/cancel", "/api/users/USER2/revoke")) {
            var none = curl("-X", "POST", "-H", "Cookie: OCSSESSION=" + admin.session(), url(path));
            assertThat(none.stdout()).as(path).startsWith("HTTP/1.1 403").contains("OCSW010E");
            var wrong = curl("-H", "Cookie: OCSSESSION=" + admin.session(), "--data-urlencode", "csrf=x"
                    + admin.csrf().substring(1), url(path));
            assertThat(wrong.stdout()).as(path).startsWith("HTTP/1.1 403").contains("OCSW010E");
        }
        assertThat(job(user1Job).status().name()).isEqualTo("INPUT");
        assertThat(system.registry.users().find("USER2").orElseThrow().revoked()).isFalse();
        // the token as a form field passes
        var field = curl("-H", "Cookie: OCSSESSION=" + admin.session(), "--data-urlencode", "csrf=" + admin.csrf(),
                url("/api/jobs/" + user1Job + "/cancel"));
        assertThat(field.stdout()).as(field.all()).startsWith("HTTP/1.1 200");
    }

    @Test
    void specialCancelsAJobAndTheOwnerTheirOwn() throws Exception {
        Browser admin = logon("ADMIN1");
        JsonNode cancel = post(admin, "/api/jobs/" + user2Job + "/cancel", 200);
        assertThat(cancel.get("message").asText()).isEqualTo("OCSW053I Job USER2A(" + user2Job + ") canceled.");
        assertThat(job(user2Job).status().name()).isEqualTo("OUTPUT");
        assertThat(job(user2Job).completion().text()).isEqualTo("CANCELED");
        JsonNode again = post(admin, "/api/jobs/" + user2Job + "/cancel", 409);
        assertThat(again.get("message").asText()).startsWith("OCSW052E Job USER2A(" + user2Job + ") has already ended");
        assertThat(post(admin, "/api/jobs/JOB99999/cancel", 404).get("message").asText())
                .isEqualTo("OCSW051E Job JOB99999 was not found.");

        Browser user1 = logon("USER1");
        post(user1, "/api/jobs/" + user1Job + "/cancel", 200);
        assertThat(job(user1Job).completion().text()).isEqualTo("CANCELED");
        // the console's job list shows it
        JsonNode jobs = get(user1, "/api/jobs");
        assertThat(jobs.get("jobs").get(0).get("completion").asText()).isEqualTo("CANCELED");

        List<JsonNode> records = audit("WEB_JOB_CANCEL");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("user").asText()).isEqualTo("ADMIN1");
        assertThat(records.get(0).get("client").asText()).isEqualTo("127.0.0.1");
        assertThat(records.get(0).get("jobId").asText()).isEqualTo(user2Job);
        assertThat(records.get(0).get("owner").asText()).isEqualTo("USER2");
        assertThat(records.get(1).get("user").asText()).isEqualTo("USER1");
        // visible through the audit API to SPECIAL
        assertThat(get(admin, "/api/audit?type=WEB_JOB_CANCEL").get("records")).hasSize(2);
    }

    /**
     * A user revoked while logged on loses the web session at its next request: ADMIN1 revokes USER2; USER2's next
     * /api/jobs is 403 OCSW043E with RACF's ICH408I ... REVOKED USER ACCESS ATTEMPT text and its cookie is cleared,
     * the session is gone (WEB_LOGOFF reason REVOKED) and its next page (here with a second live session of USER2's) is
     * /login, which shows the message.
     */
    @Test
    void aRevokedUsersSessionEndsAtItsNextRequest() throws Exception {
        Browser admin = logon("ADMIN1");
        Browser user2 = logon("USER2");
        Browser user2again = logon("USER2");
        assertThat(get(user2, "/api/jobs").toString()).contains(user2Job);
        post(admin, "/api/users/USER2/revoke", 200);

        var jobs = curl("-H", "Cookie: OCSSESSION=" + user2.session(), url("/api/jobs"));
        assertThat(jobs.stdout()).as(jobs.all()).startsWith("HTTP/1.1 403").doesNotContain(user2Job)
                .containsPattern("(?i)set-cookie: OCSSESSION=;");
        assertThat(Curl.body(jobs).get("message").asText()).isEqualTo("OCSW043E The web session of USER2 was ended: "
                + "ICH408I USER(USER2) LOGON/JOB INITIATION - REVOKED USER ACCESS ATTEMPT");
        var after = curl("-H", "Cookie: OCSSESSION=" + user2.session(), url("/api/jobs"));
        assertThat(after.stdout()).as(after.all()).startsWith("HTTP/1.1 303").contains("location: /login\r\n");

        var page = curl("-H", "Cookie: OCSSESSION=" + user2again.session(), url("/"));
        assertThat(page.stdout()).as(page.all()).startsWith("HTTP/1.1 303")
                .containsPattern("(?i)location: /login\\?revoked=USER2\r\n");
        var login = curl(url("/login?revoked=USER2"));
        assertThat(login.stdout()).contains("OCSW043E The web session of USER2 was ended: ICH408I USER(USER2) "
                + "LOGON/JOB INITIATION - REVOKED USER ACCESS ATTEMPT");
        assertThat(curl(url("/login?revoked=%3Cscript%3E")).stdout()).doesNotContain("OCSW043E").doesNotContain("<script>");

        assertThat(get(admin, "/api/jobs").toString()).contains(user2Job); // ADMIN1 goes on
        List<JsonNode> logoffs = audit("WEB_LOGOFF").stream().filter(r -> r.get("user").asText().equals("USER2"))
                .toList();
        assertThat(logoffs).hasSize(2);
        assertThat(logoffs).allSatisfy(r -> assertThat(r.get("reason").asText()).isEqualTo("REVOKED"));
    }

    @Test
    void specialRevokesAUserWhoseNextLogonIsRefused() throws Exception {
        Browser admin = logon("ADMIN1");
        JsonNode revoke = post(admin, "/api/users/user2/revoke", 200);
        assertThat(revoke.get("message").asText()).startsWith("OCSW057I User USER2 revoked");
        assertThat(system.registry.users().find("USER2").orElseThrow().revoked()).isTrue();
        var refused = postLogon("USER2");
        assertThat(refused.stdout()).startsWith("HTTP/1.1 401")
                .contains("ICH408I USER(USER2) LOGON/JOB INITIATION - REVOKED USER ACCESS ATTEMPT");

        assertThat(post(admin, "/api/users/NOSUCH/revoke", 404).get("message").asText())
                .isEqualTo("OCSW055E User NOSUCH is not defined to RACF.");
        // never the last active SPECIAL user (the registry's other SPECIAL users, IBMUSER, revoked first)
        system.registry.users().list().stream().filter(u -> u.special() && !u.userid().equals("ADMIN1"))
                .forEach(u -> system.registry.users().update(u.withRevoked(true)));
        assertThat(post(admin, "/api/users/ADMIN1/revoke", 409).get("message").asText())
                .startsWith("OCSW056E User ADMIN1 is the last active SPECIAL user");
        assertThat(system.registry.users().find("ADMIN1").orElseThrow().revoked()).isFalse();

        List<JsonNode> records = audit("WEB_USER_REVOKE");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("user").asText()).isEqualTo("ADMIN1");
        assertThat(records.get(0).get("target").asText()).isEqualTo("USER2");
        assertThat(records.get(0).get("client").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void sessionsAreOwnForUsersAllForSpecialAndSpecialEndsOne() throws Exception {
        Browser user1 = logon("USER1");
        Browser user2 = logon("USER2");
        Browser admin = logon("ADMIN1");
        JsonNode mine = get(user1, "/api/sessions");
        assertThat(mine.get("scope").asText()).isEqualTo("OWN");
        assertThat(mine.get("sessions")).hasSize(1);
        JsonNode own = mine.get("sessions").get(0);
        assertThat(own.get("userid").asText()).isEqualTo("USER1");
        assertThat(own.get("client").asText()).isEqualTo("127.0.0.1");
        assertThat(own.get("kind").asText()).isEqualTo("WEB");
        assertThat(own.get("certificateSubject").asText()).isEmpty();
        assertThat(own.get("handle").asText()).matches("[0-9a-f]{16}");
        // the view never shows the cookie
        assertThat(mine.toString()).doesNotContain(user1.session());

        JsonNode all = get(admin, "/api/sessions");
        assertThat(all.get("scope").asText()).isEqualTo("ALL");
        List<String> users = new ArrayList<>();
        all.get("sessions").forEach(s -> users.add(s.get("userid").asText()));
        // the test clock stands still: same logon time, so by user ID
        assertThat(users).containsExactly("ADMIN1", "USER1", "USER2");
        String user2Handle = all.get("sessions").get(2).get("handle").asText();

        assertThat(post(user1, "/api/sessions/" + user2Handle + "/end", 403).get("message").asText())
                .startsWith("OCSW058E");
        assertThat(get(user2, "/api/sessions").get("sessions")).hasSize(1);

        assertThat(post(admin, "/api/sessions/" + user2Handle + "/end", 200).get("message").asText())
                .isEqualTo("OCSW060I The web session of USER2 from 127.0.0.1 was ended.");
        var gone = curl("-H", "Cookie: OCSSESSION=" + user2.session(), url("/api/sessions"));
        assertThat(gone.stdout()).startsWith("HTTP/1.1 303").containsIgnoringCase("location: /login");
        assertThat(post(admin, "/api/sessions/" + user2Handle + "/end", 404).get("message").asText())
                .startsWith("OCSW059E");
        assertThat(audit("WEB_SESSION_END")).singleElement().satisfies(r -> {
            assertThat(r.get("user").asText()).isEqualTo("ADMIN1");
            assertThat(r.get("target").asText()).isEqualTo("USER2");
        });
        assertThat(audit("WEB_LOGOFF")).anyMatch(r -> r.get("reason").asText().equals("ENDED_BY_ADMIN"));
    }

    @Test
    void aCertificateSessionShowsItsSubject() throws Exception {
        var form = curl("--cert", "user1.pem", "--key", "user1.pem", url("/login"));
        var logon = curl("--cert", "user1.pem", "--key", "user1.pem", "-H", "Cookie: OCSLOGIN="
                + cookie(form.stdout(), "OCSLOGIN"), "--data-urlencode", "csrf=" + csrf(form.stdout()),
                url("/login/certificate"));
        assertThat(logon.stdout()).as(logon.all()).startsWith("HTTP/1.1 303");
        Browser user1 = new Browser(cookie(logon.stdout(), "OCSSESSION"), "");
        JsonNode session = get(user1, "/api/sessions").get("sessions").get(0);
        assertThat(session.get("userid").asText()).isEqualTo("USER1");
        assertThat(session.get("certificateSubject").asText()).isEqualTo("CN=USER1 CERT,OU=CS Z/OS,O=IBM,C=US");
        // a password session beside it has none
        Browser password = logon("USER1");
        List<String> subjects = new ArrayList<>();
        get(password, "/api/sessions").get("sessions").forEach(s -> subjects.add(s.get("certificateSubject").asText()));
        assertThat(subjects).containsExactlyInAnyOrder("CN=USER1 CERT,OU=CS Z/OS,O=IBM,C=US", "");
    }
}

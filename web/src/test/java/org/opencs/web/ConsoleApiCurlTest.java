package org.opencs.web;

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
import org.opencs.testkit.ExternalCommand;

/**
 * The console's JSON API with curl on the real server (registry, JES, audit log): USER1 sees only their own
 * certificates, jobs and audit records, a SPECIAL user sees everyone's; a certificate subject holding {@code <script>}
 * comes back as valid JSON with the same text; a bad audit filter is OCSW040E, not a stack trace.
 */
class ConsoleApiCurlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private WebTestSystem system;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        system = new WebTestSystem(dir);
        system.user("USER1");
        system.user("USER2");
        system.specialUser("ADMIN1");
        system.registryCertificate("USER1", "USER1 CERT", "<script>x</script>", 20);
        system.registryCertificate("USER2", "USER2 CERT", "User Two", 5);
        system.registryCertificate("CERTAUTH", "LOCAL CA", "Local CA", 400);
        var jes = system.jes();
        var users = system.registry.users();
        jes.submit(users.find("USER1").orElseThrow(), List.of("//USER1A   JOB (ACCT),'ONE'", "//S1 EXEC PGM=IEFBR14"));
        jes.submit(users.find("USER2").orElseThrow(), List.of("//USER2A   JOB (ACCT),'TWO'", "//S1 EXEC PGM=IEFBR14"));
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

    /** Logs {@code userid} on with its test password; the session cookie. */
    private String logon(String userid) {
        var form = curl(url("/login"));
        var logon = curl("-H", "Cookie: OCSLOGIN=" + cookie(form.stdout(), "OCSLOGIN"), "--data-urlencode",
                "csrf=" + csrf(form.stdout()), "--data-urlencode", "userid=" + userid, "--data-urlencode",
                "password=" + userid.toLowerCase() + "pw", url("/login"));
        assertThat(logon.stdout()).startsWith("HTTP/1.1 303");
        return cookie(logon.stdout(), "OCSSESSION");
    }

    /** GET {@code path} with the session; asserts the status and returns the JSON body. */
    private JsonNode get(String session, String path, int status) throws Exception {
        var r = curl("-H", "Cookie: OCSSESSION=" + session, url(path));
        assertThat(r.stdout()).as(r.all()).startsWith("HTTP/1.1 " + status).containsIgnoringCase("content-type: application/json");
        return JSON.readTree(r.stdout().substring(r.stdout().indexOf("\r\n\r\n") + 4));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void aUserSeesOnlyTheirOwnCertificatesAndTheScriptSubjectIsText() throws Exception {
        String user1 = logon("USER1");
        JsonNode mine = get(user1, "/api/certificates", 200);
        assertThat(mine.get("scope").asText()).isEqualTo("OWN");
        JsonNode certificates = mine.get("certificates");
        assertThat(texts(certificates, "owner")).containsExactly("ID(USER1)");
        JsonNode cert = certificates.get(0);
        assertThat(cert.get("label").asText()).isEqualTo("USER1 CERT");
        // RFC 2253, as RACDCERT LIST shows names: < and > are escaped with a backslash, the markup stays in the text
        assertThat(cert.get("subject").asText()).isEqualTo("CN=\\<script\\>x\\</script\\>,O=IBM,C=US");
        assertThat(cert.get("issuer").asText()).contains("ABC CA");
        assertThat(cert.get("daysLeft").asLong()).isBetween(19L, 20L);
        assertThat(cert.get("warning").asText()).isEqualTo("30 days");
        assertThat(cert.get("notAfter").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        JsonNode all = get(logon("ADMIN1"), "/api/certificates", 200);
        assertThat(all.get("scope").asText()).isEqualTo("ALL");
        // soonest end first, with the 7-day and 30-day warnings
        assertThat(texts(all.get("certificates"), "label")).containsExactly("USER2 CERT", "USER1 CERT", "LOCAL CA");
        assertThat(texts(all.get("certificates"), "warning")).containsExactly("7 days", "30 days", "ok");
        assertThat(texts(all.get("certificates"), "owner")).containsExactly("ID(USER2)", "ID(USER1)", "CERTAUTH");
    }

    @Test
    void aUserSeesOnlyTheirOwnJobsAndSpecialSeesAll() throws Exception {
        JsonNode mine = get(logon("USER1"), "/api/jobs", 200);
        assertThat(texts(mine.get("jobs"), "jobName")).containsExactly("USER1A");
        JsonNode job = mine.get("jobs").get(0);
        assertThat(job.get("owner").asText()).isEqualTo("USER1");
        assertThat(job.get("jobId").asText()).matches("JOB\\d{5}");
        assertThat(job.get("status").asText()).isEqualTo("INPUT");
        assertThat(job.get("completion").asText()).isEmpty();

        JsonNode all = get(logon("ADMIN1"), "/api/jobs", 200);
        assertThat(all.get("scope").asText()).isEqualTo("ALL");
        assertThat(texts(all.get("jobs"), "jobName")).containsExactly("USER1A", "USER2A");
    }

    @Test
    void aUserSeesOnlyTheirOwnAuditRecordsAndSpecialFilters() throws Exception {
        logon("USER2");
        String user1 = logon("USER1");
        JsonNode mine = get(user1, "/api/audit", 200);
        assertThat(texts(mine.get("records"), "user")).isNotEmpty().allMatch("USER1"::equals);
        assertThat(texts(mine.get("records"), "type")).contains("WEB_LOGON");
        // USER1 asking for USER2's records gets none
        assertThat(get(user1, "/api/audit?user=USER2", 200).get("records")).isEmpty();

        String admin = logon("ADMIN1");
        JsonNode all = get(admin, "/api/audit", 200);
        assertThat(texts(all.get("records"), "user")).contains("USER1", "USER2", "ADMIN1");
        // newest first: ADMIN1's logon is the last record written
        assertThat(all.get("records").get(0).get("user").asText()).isEqualTo("ADMIN1");
        JsonNode filtered = get(admin, "/api/audit?type=web_logon&user=user2", 200);
        assertThat(texts(filtered.get("records"), "user")).containsExactly("USER2");
        assertThat(texts(filtered.get("records"), "type")).containsExactly("WEB_LOGON");
        assertThat(get(admin, "/api/audit?since=2999-01-01", 200).get("records")).isEmpty();

        JsonNode bad = get(admin, "/api/audit?since=yesterday", 400);
        assertThat(bad.get("message").asText()).startsWith("OCSW040E The audit filter since=yesterday is not valid");
    }

    @Test
    void theApiNeedsALogon() {
        for (String path : List.of("/api/certificates", "/api/jobs", "/api/audit")) {
            assertThat(curl(url(path)).stdout()).as(path).startsWith("HTTP/1.1 303").containsIgnoringCase("location: /login");
        }
    }
}

package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencs.web.Curl.cookie;
import static org.opencs.web.Curl.csrf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.ResourceProfile;
import org.opencs.testkit.ExternalCommand;

/**
 * A job's spool in the console's API with curl on the real server, with JES running jobs (one initiator): the owner
 * lists their job's spool files (JESMSGLG, JESJCL, JESYSMSG, then the step's SYSOUT DDs, as FTP's LIST JOBnnnnn) and
 * reads one; a spool line holding {@code <script>} comes back as JSON text; USER1 cannot read USER2's spool (403
 * OCSW080E with JES's ICH408I and ACCESS_DENIED record) until READ to USER2's JESSPOOL profile; SPECIAL reads all.
 */
class ConsoleSpoolCurlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "<script>alert('spool')</script>";

    @TempDir
    Path dir;

    private WebTestSystem system;
    private WebServer server;
    private String user1Job;
    private String user2Job;
    private org.opencs.jes.Jes jes;

    @BeforeEach
    void start() throws Exception {
        system = new WebTestSystem(dir);
        system.user("USER1");
        system.user("USER2");
        system.user("USER3");
        system.specialUser("ADMIN1");
        jes = system.jes(1);
        var users = system.registry.users();
        user1Job = run(jes, "USER1", "USER1S");
        user2Job = run(jes, "USER2", "USER2S");
        server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0), jes);
    }

    /** Submits an IEBGENER job for {@code userid} copying an in-stream line with markup to SYSOUT; waits for it. */
    private String run(org.opencs.jes.Jes jes, String userid, String jobName) throws Exception {
        var user = system.registry.users().find(userid).orElseThrow();
        var job = jes.submit(user, List.of("//" + jobName + " JOB (ACCT),'SPOOL'",
                "//COPY     EXEC PGM=IEBGENER",
                "//SYSPRINT DD SYSOUT=*",
                "//SYSIN    DD DUMMY",
                "//SYSUT1   DD *",
                SCRIPT,
                "/*",
                "//SYSUT2   DD SYSOUT=*"));
        var ended = jes.await(user, job.jobId(), Duration.ofSeconds(30));
        assertThat(ended.completion().text()).isEqualTo("RC=0000");
        return job.jobId();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    private ExternalCommand.Result curl(String... args) {
        return Curl.run(dir, args);
    }

    private String logon(String userid) {
        var form = curl(Curl.url(server.port(), "/login"));
        var logon = curl("-H", "Cookie: OCSLOGIN=" + cookie(form.stdout(), "OCSLOGIN"), "--data-urlencode",
                "csrf=" + csrf(form.stdout()), "--data-urlencode", "userid=" + userid, "--data-urlencode",
                "password=" + userid.toLowerCase() + "pw", Curl.url(server.port(), "/login"));
        assertThat(logon.stdout()).startsWith("HTTP/1.1 303");
        return cookie(logon.stdout(), "OCSSESSION");
    }

    private JsonNode get(String session, String path, int status) throws Exception {
        var r = curl("-H", "Cookie: OCSSESSION=" + session, Curl.url(server.port(), path));
        assertThat(r.stdout()).as(r.all()).startsWith("HTTP/1.1 " + status)
                .containsIgnoringCase("content-type: application/json");
        return JSON.readTree(r.stdout().substring(r.stdout().indexOf("\r\n\r\n") + 4));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void theOwnerListsAndReadsTheSpoolAndTheScriptLineIsText() throws Exception {
        String user1 = logon("USER1");
        JsonNode spool = get(user1, "/api/jobs/" + user1Job + "/spool", 200);
        assertThat(spool.get("jobName").asText()).isEqualTo("USER1S");
        assertThat(spool.get("completion").asText()).isEqualTo("RC=0000");
        JsonNode files = spool.get("files");
        assertThat(texts(files, "ddName")).startsWith("JESMSGLG", "JESJCL", "JESYSMSG")
                .contains("SYSPRINT", "SYSUT2");
        assertThat(texts(files, "stepName")).startsWith("JES2", "JES2", "JES2").contains("COPY");
        assertThat(files.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(files.get(0).get("recordCount").asLong()).isPositive();

        JsonNode jcl = get(user1, "/api/jobs/" + user1Job + "/spool/2", 200);
        assertThat(jcl.get("file").get("ddName").asText()).isEqualTo("JESJCL");
        assertThat(lines(jcl)).anyMatch(l -> l.contains("//USER1S JOB (ACCT),'SPOOL'"));

        int sysut2 = files.get(texts(files, "ddName").indexOf("SYSUT2")).get("id").asInt();
        var raw = curl("-H", "Cookie: OCSSESSION=" + user1, Curl.url(server.port(),
                "/api/jobs/" + user1Job + "/spool/" + sysut2));
        assertThat(raw.stdout()).containsIgnoringCase("content-type: application/json");
        JsonNode copied = JSON.readTree(raw.stdout().substring(raw.stdout().indexOf("\r\n\r\n") + 4));
        // the data set line with markup is a JSON string with the same text: the page puts it in with textContent
        assertThat(lines(copied)).anyMatch(l -> l.strip().equals(SCRIPT));

        JsonNode missing = get(user1, "/api/jobs/" + user1Job + "/spool/99", 404);
        assertThat(missing.get("message").asText()).startsWith("OCSW082E Spool file 99 of USER1S(" + user1Job
                + ") was not found: the job has " + files.size() + " spool files.");
        assertThat(get(user1, "/api/jobs/JOB99999/spool", 404).get("message").asText())
                .isEqualTo("OCSW081E Job JOB99999 was not found.");
        assertThat(get(user1, "/api/jobs/NOT-A-JOB/spool", 404).get("message").asText()).startsWith("OCSW081E");
        assertThat(curl("-H", "Cookie: OCSSESSION=" + user1, Curl.url(server.port(),
                "/api/jobs/" + user1Job + "/spool/x")).stdout()).startsWith("HTTP/1.1 404").contains("OCSW012E");
    }

    /**
     * A spool file longer than {@link ConsoleSpool#MAX_LINES} comes back cut at that many lines, with
     * {@code truncated: true} and {@code totalLines}: an IEBGENER job copying 10,050 in-stream lines to SYSOUT.
     * A short file says {@code truncated: false} with its own count.
     */
    @Test
    void aLongSpoolFileIsCutAtTenThousandLinesAndSaysSo() throws Exception {
        var user = system.registry.users().find("USER1").orElseThrow();
        List<String> jcl = new ArrayList<>(List.of("//USER1L JOB (ACCT),'LONG'", "//COPY     EXEC PGM=IEBGENER",
                "//SYSPRINT DD SYSOUT=*", "//SYSIN    DD DUMMY", "//SYSUT1   DD *"));
        for (int i = 1; i <= 10_050; i++) {
            jcl.add(String.format("LINE %05d", i));
        }
        jcl.addAll(List.of("/*", "//SYSUT2   DD SYSOUT=*"));
        var job = jes.submit(user, jcl);
        assertThat(jes.await(user, job.jobId(), Duration.ofSeconds(60)).completion().text()).isEqualTo("RC=0000");

        String user1 = logon("USER1");
        JsonNode files = get(user1, "/api/jobs/" + job.jobId() + "/spool", 200).get("files");
        int sysut2 = files.get(texts(files, "ddName").indexOf("SYSUT2")).get("id").asInt();
        JsonNode text = get(user1, "/api/jobs/" + job.jobId() + "/spool/" + sysut2, 200);
        assertThat(text.get("truncated").asBoolean()).isTrue();
        assertThat(text.get("totalLines").asInt()).isEqualTo(10_050);
        List<String> lines = lines(text);
        assertThat(lines).hasSize(ConsoleSpool.MAX_LINES);
        assertThat(lines.get(0).strip()).isEqualTo("LINE 00001");
        assertThat(lines.get(9_999).strip()).isEqualTo("LINE 10000");

        JsonNode short2 = get(user1, "/api/jobs/" + job.jobId() + "/spool/2", 200);
        assertThat(short2.get("truncated").asBoolean()).isFalse();
        assertThat(short2.get("totalLines").asInt()).isEqualTo(lines(short2).size());
    }

    @Test
    void aUserCannotReadAnotherUsersSpoolWithoutReadToItsJesspoolProfile() throws Exception {
        String user1 = logon("USER1");
        for (String path : List.of("/api/jobs/" + user2Job + "/spool", "/api/jobs/" + user2Job + "/spool/1")) {
            JsonNode refused = get(user1, path, 403);
            assertThat(refused.get("message").asText()).as(path)
                    .startsWith("OCSW080E You may not read the spool of job " + user2Job)
                    .contains("ICH408I", "CL(JESSPOOL)", "ACCESS INTENT(READ)");
            assertThat(refused.has("files")).isFalse();
            assertThat(refused.has("lines")).isFalse();
        }
        assertThat(system.audit()).contains("\"type\":\"ACCESS_DENIED\"").contains(".USER2.USER2S." + user2Job);

        // USER3 with READ to a JESSPOOL profile covering USER2's jobs (RDEFINE JESSPOOL *.USER2.** UACC(NONE),
        // PERMIT ... ID(USER3) ACCESS(READ)) reads them, as with FTP's RETR and TSO OUTPUT
        String user3 = logon("USER3");
        assertThat(get(user3, "/api/jobs/" + user2Job + "/spool", 403).get("message").asText()).startsWith("OCSW080E");
        system.registry.resources().add(ResourceProfile.simple("JESSPOOL", "*.USER2.**", "ADMIN1", AccessLevel.NONE),
                system.clock.instant());
        system.registry.resources().permit("JESSPOOL", "*.USER2.**", "USER3", AccessLevel.READ);
        assertThat(texts(get(user3, "/api/jobs/" + user2Job + "/spool", 200).get("files"), "ddName"))
                .contains("JESMSGLG", "SYSUT2");

        JsonNode admin = get(logon("ADMIN1"), "/api/jobs/" + user2Job + "/spool/1", 200);
        assertThat(admin.get("file").get("ddName").asText()).isEqualTo("JESMSGLG");
        assertThat(lines(admin)).anyMatch(l -> l.contains("USER2S"));
    }

    @Test
    void theSpoolNeedsALogon() {
        assertThat(curl(Curl.url(server.port(), "/api/jobs/" + user1Job + "/spool")).stdout())
                .startsWith("HTTP/1.1 303").containsIgnoringCase("location: /login");
    }

    private static List<String> lines(JsonNode text) {
        List<String> out = new ArrayList<>();
        text.get("lines").forEach(n -> out.add(n.asText()));
        return out;
    }
}

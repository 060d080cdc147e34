package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.ZosException;
import org.opencs.testkit.ExternalCommand;

/**
 * Client-certificate logon with curl, as TN3270 CLIENTAUTH SAFCERT maps a certificate to a user: a certificate
 * registered under USER1 logs USER1 on without a password; one registered nowhere, or one of a revoked user, is
 * refused and audited; the form offers the certificate only to a browser that presented one.
 */
class WebClientCertificateTest {
    @TempDir
    Path dir;

    private WebTestSystem system;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        system = new WebTestSystem(dir);
        system.user("USER1");
        system.user("USER2");
        system.clientCertificate("USER1 CERT", "USER1", "user1");
        system.clientCertificate("NOBODY CERT", null, "nobody");
        system.clientCertificate("USER2 CERT", "USER2", "user2");
        server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0));
    }

    @AfterEach
    void stop() {
        system.close();
    }

    private ExternalCommand.Result curl(String pem, String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-D", "-", "--cacert", "ca.pem"));
        if (pem != null) {
            command.addAll(List.of("--cert", pem + ".pem", "--key", pem + ".pem"));
        }
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    private String url(String path) {
        return "https://127.0.0.1:" + server.port() + path;
    }

    /** GET /login then POST /login/certificate with its token, presenting {@code pem}'s certificate. */
    private ExternalCommand.Result certificateLogon(String pem) {
        var form = curl(pem, url("/login"));
        Matcher cookie = Pattern.compile("(?im)^set-cookie: OCSLOGIN=([^;\\r\\n]*)").matcher(form.stdout());
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"").matcher(form.stdout());
        assertThat(cookie.find() && token.find()).as(form.all()).isTrue();
        return curl(pem, "-H", "Cookie: OCSLOGIN=" + cookie.group(1), "--data-urlencode", "csrf=" + token.group(1),
                url("/login/certificate"));
    }

    @Test
    void aMappedCertificateLogsItsUserOn() throws Exception {
        assertThat(curl("user1", url("/login")).stdout()).contains("<form id=\"certificate-logon\" method=\"post\" "
                + "action=\"/login/certificate\" class=\"certificate\">").contains("CN=USER1 CERT,OU=CS Z/OS,O=IBM,C=US");
        assertThat(curl(null, url("/login")).stdout()).contains("action=\"/login/certificate\" class=\"hidden\">");
        var logon = certificateLogon("user1");
        assertThat(logon.stdout()).startsWith("HTTP/1.1 303").containsIgnoringCase("location: /\r\n");
        Matcher session = Pattern.compile("(?im)^set-cookie: OCSSESSION=([^;\\r\\n]*)").matcher(logon.stdout());
        assertThat(session.find()).isTrue();
        assertThat(curl(null, "-H", "Cookie: OCSSESSION=" + session.group(1), url("/")).stdout())
                .contains("Logged on as <strong id=\"userid\">USER1</strong>");
        assertThat(system.audit()).contains("\"type\":\"WEB_LOGON\"").contains("\"method\":\"CERTIFICATE\"")
                .contains("\"subject\":\"CN=USER1 CERT,OU=CS Z/OS,O=IBM,C=US\"");
    }

    @Test
    void unmappedMissingOrRevokedAreRefused() throws Exception {
        var nobody = certificateLogon("nobody");
        assertThat(nobody.stdout()).startsWith("HTTP/1.1 401")
                .contains("OCSW021E The client certificate CN=NOBODY CERT,OU=CS Z/OS,O=IBM,C=US maps to no user ID.")
                .doesNotContainIgnoringCase("set-cookie: OCSSESSION");
        assertThat(system.audit()).contains("\"type\":\"WEB_CERT_REJECTED\"");
        var none = certificateLogon(null);
        assertThat(none.stdout()).startsWith("HTTP/1.1 401").contains("OCSW020E No client certificate was presented");

        system.registry.users().update(system.registry.users().find("USER2").orElseThrow().withRevoked(true));
        var revoked = certificateLogon("user2");
        assertThat(revoked.stdout()).startsWith("HTTP/1.1 401")
                .contains("ICH408I USER(USER2) LOGON/JOB INITIATION - REVOKED USER ACCESS ATTEMPT");
        assertThat(system.audit()).contains("\"type\":\"LOGON_FAILURE\"").contains("\"user\":\"USER2\"")
                .doesNotContain("\"type\":\"WEB_LOGON\"");
        // Without the login token nothing happens at all.
        var forged = curl("user1", "-X", "POST", url("/login/certificate"));
        assertThat(forged.stdout()).startsWith("HTTP/1.1 403");
        assertThat(system.audit()).doesNotContain("\"type\":\"WEB_LOGON\"");
    }

    @Test
    void noKeyRingAnywhereIsOcsw002e() {
        WebSettings settings = WebSettings.from(new java.util.Properties()).withPort(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebTls.keyringReference(settings, null))
                .isInstanceOfSatisfying(ZosException.class, e -> assertThat(e.messageId()).isEqualTo("OCSW002E"));
        assertThat(WebTls.keyringReference(settings, " /etc/x.kdb ")).isEqualTo("/etc/x.kdb");
        java.util.Properties p = new java.util.Properties();
        p.setProperty("web.keyring", "SAF TCPRING");
        assertThat(WebTls.keyringReference(WebSettings.from(p), "/etc/x.kdb")).isEqualTo("SAF TCPRING");
    }
}

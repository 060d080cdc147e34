package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Express Logon in a real browser, as HOD users meet it: headless Chromium holds USER1's client certificate in its
 * NSS database and sends it by policy ({@link ChromiumClientCertificate}); /login offers "Log on with the
 * certificate" with its subject, the click logs USER1 on (WEB_LOGON, method CERTIFICATE), and /terminal reaches the
 * ISPF primary menu without a password typed: the web server filled the TSO/E logon panel with USER1 and a fresh
 * PassTicket (a PTKTDATA profile for the TSO APPLID), the page says OCSW070I, the audit WEB_EXPRESS_LOGON.
 * Screenshot: terminal-express-logon.png.
 */
class WebExpressLogonBrowserTest {
    @TempDir
    Path dir;

    @Test
    void aClientCertificateInChromiumLogsOnAndExpressLogonReachesTheMenu() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir)) {
            system.user("USER1");
            system.clientCertificate("USER1 CERT", "USER1", "user1");
            String applid = system.registry.config().tsoApplication();
            system.passTicketProfile(applid, "0123456789ABCDEF", true);
            WebServer server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0),
                    system.tn3270(applid));
            String base = "https://127.0.0.1:" + server.port();
            Path policy;
            try (ChromiumClientCertificate certificate = ChromiumClientCertificate.install(dir.resolve("chromium-home"),
                    dir.resolve("user1.p12"), "pw", base, "ABC CA");
                 Browser browser = new Browser(certificate.environment())) {
                policy = certificate.policy();
                assertThat(policy).exists();
                var driver = browser.driver;
                var wait = new WebDriverWait(driver, Duration.ofSeconds(40));

                driver.get(base + "/login");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logon-certificate")));
                assertThat(driver.findElement(By.id("certificate-subject")).getText()).startsWith("CN=USER1 CERT,");
                driver.findElement(By.id("logon-certificate")).click();
                wait.until(ExpectedConditions.urlToBe(base + "/"));
                assertThat(driver.findElement(By.id("whoami")).getText()).startsWith("Logged on as USER1");

                driver.get(base + "/terminal");
                By screen = By.id("screen");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, "OpenCS Primary Option Menu"));
                assertThat(driver.findElement(screen).getText()).contains("User ID . : USER1");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "OCSW070I"));
                assertThat(driver.findElement(By.id("notice")).getText())
                        .startsWith("OCSW070I Express Logon: USER1 is logged on to " + applid);
                driver.executeScript("arguments[0].scrollIntoView({block: 'end'})", driver.findElement(By.id("notice")));
                assertThat(Files.size(browser.screenshot("terminal-express-logon"))).isGreaterThan(1000);
            }
            assertThat(policy).doesNotExist(); // the policy file is removed with the test
            assertThat(system.audit())
                    .containsPattern("\"type\":\"WEB_LOGON\".*\"method\":\"CERTIFICATE\"")
                    .containsPattern("\"type\":\"WEB_EXPRESS_LOGON\".*\"user\":\"USER1\".*\"result\":\"PASSTICKET\"");
        }
    }
}

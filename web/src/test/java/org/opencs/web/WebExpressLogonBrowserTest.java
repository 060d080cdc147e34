package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Express Logon in a real browser, as HOD users meet it: headless Chromium holds USER1's client certificate in its
 * NSS database and sends it by policy ({@link ChromiumClientCertificate}); /login offers "Log on with the
 * certificate" with its subject, the click logs USER1 on (WEB_LOGON, method CERTIFICATE), and /terminal reaches the
 * ISPF primary menu without a password typed: the web server filled the TSO/E logon panel with USER1 and a fresh
 * PassTicket (a PTKTDATA profile for the TSO APPLID), the page says OCSW070I, the audit WEB_EXPRESS_LOGON. Then
 * option 1 and B browse a data set whose line holds {@code <script>}: it shows as text on the screen.
 * Screenshot: terminal-express-logon.png.
 */
class WebExpressLogonBrowserTest {
    private static final String SCRIPT = "<script>alert('data set')</script>";

    @TempDir
    Path dir;

    @Test
    void aClientCertificateInChromiumLogsOnAndExpressLogonReachesTheMenu() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir)) {
            system.user("USER1");
            system.clientCertificate("USER1 CERT", "USER1", "user1");
            String applid = system.registry.config().tsoApplication();
            system.passTicketProfile(applid, "0123456789ABCDEF", true);
            // a data set whose line looks like markup: BROWSE shows it as text
            var catalog = new org.opencs.datasets.Catalog(system.registry.home(), system.clock);
            var dsn = new org.opencs.datasets.DatasetName("USER1.MARKUP", null);
            catalog.allocate(dsn, new org.opencs.datasets.DatasetAttributes("PS", org.opencs.datasets.RecordFormat.FB,
                    80, 800, java.time.LocalDate.of(2026, 11, 30), java.time.LocalDate.of(2026, 11, 30)));
            catalog.writeText(dsn, SCRIPT + "\n");
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

                // option 1, B on the data set: its line holding <script> shows as text and makes no element
                wait.until(d -> "no".equals(d.findElement(screen).getDomAttribute("data-locked")));
                driver.findElement(By.cssSelector("#screen input.field")).sendKeys("1", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, "USER1.MARKUP"));
                wait.until(d -> "no".equals(d.findElement(screen).getDomAttribute("data-locked")));
                driver.findElements(By.cssSelector("#screen input.field")).get(1).sendKeys("B", Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, SCRIPT));
                assertThat(driver.findElements(By.cssSelector("#screen script"))).isEmpty();
                // the page's own scripts only (terminal.html): none was made from the screen
                assertThat(driver.findElements(By.tagName("script")).stream().map(e -> e.getDomAttribute("src")))
                        .containsExactly("/assets/terminal-keys.js", "/assets/terminal-look.js", "/assets/terminal.js");
            }
            assertThat(policy).doesNotExist(); // the policy file is removed with the test
            assertThat(system.audit())
                    .containsPattern("\"type\":\"WEB_LOGON\".*\"method\":\"CERTIFICATE\"")
                    .containsPattern("\"type\":\"WEB_EXPRESS_LOGON\".*\"user\":\"USER1\".*\"result\":\"PASSTICKET\"");
        }
    }
}

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
 * In a real browser (headless Chromium through Selenium): / leads to /login, a logon with a password shows the
 * console ("Logged on as USER1", the session facts written by the page's script file, which the CSP allows), a
 * screenshot is kept; the console's tables, drawn by console.js from the JSON API, show USER1's certificate whose
 * subject is CN=&lt;script&gt;x&lt;/script&gt; as text with its 30-day warning (text and CSS class) and USER1's job,
 * not USER2's (screenshot console.png); the sessions view shows USER1's own session and no revoke form, the job's
 * Cancel button (a fetch() POST with the CSRF token) cancels it (OCSW053I, CANCELED); logging off leads back to /login with the session ended.
 */
class WebBrowserTest {
    @TempDir
    Path dir;

    @Test
    void logsOnWithAPasswordAndOff() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir); Browser browser = new Browser()) {
            system.user("USER1");
            system.user("USER2");
            system.registryCertificate("USER1", "USER1 WEB", "<script>x</script>", 20);
            system.registryCertificate("USER2", "USER2 WEB", "User Two", 5);
            var jes = system.jes();
            jes.submit(system.registry.users().find("USER1").orElseThrow(),
                    java.util.List.of("//USER1A   JOB (ACCT),'ONE'", "//* <script>s</script>", "//S1 EXEC PGM=IEFBR14"));
            jes.submit(system.registry.users().find("USER2").orElseThrow(),
                    java.util.List.of("//USER2A   JOB (ACCT),'TWO'", "//S1 EXEC PGM=IEFBR14"));
            WebServer server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0), jes);
            String base = "https://127.0.0.1:" + server.port();
            var driver = browser.driver;
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));

            driver.get(base + "/");
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/login");
            driver.findElement(By.id("userid")).sendKeys("user1");
            assertThat(driver.findElement(By.id("userid")).getDomProperty("value")).isEqualTo("USER1"); // login.js
            driver.findElement(By.id("password")).sendKeys("wrongpw");
            driver.findElement(By.id("logon")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "ICH408I"));
            assertThat(driver.findElement(By.id("message")).getText())
                    .isEqualTo("ICH408I USER(USER1) LOGON/JOB INITIATION - INVALID PASSWORD");

            driver.findElement(By.id("password")).sendKeys("user1pw");
            driver.findElement(By.id("logon")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/"));
            assertThat(driver.findElement(By.id("whoami")).getText()).startsWith("Logged on as USER1 from 127.0.0.1");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-facts"), "Logged on since"));
            assertThat(driver.findElement(By.id("session-facts")).getText()).contains("after 15 minutes without use");
            Path shot = browser.screenshot("console-logged-on");
            assertThat(Files.size(shot)).isGreaterThan(1000);
            assertThat(server.sessions().list()).extracting(WebSession::userid).containsExactly("USER1");

            // the console: USER1's certificate only, its <script> subject as text, the 30-day warning as text and class
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#certificates tr.certificate")));
            var rows = driver.findElements(By.cssSelector("#certificates tr.certificate"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getDomAttribute("class")).contains("warn-30-days");
            assertThat(rows.get(0).findElement(By.cssSelector("td.warning")).getText()).isEqualTo("30 days");
            assertThat(rows.get(0).getText()).contains("USER1 WEB").contains("CN=\\<script\\>x\\</script\\>,O=IBM,C=US")
                    .doesNotContain("USER2");
            assertThat(driver.findElements(By.cssSelector("main script"))).isEmpty();
            assertThat(driver.findElements(By.tagName("script"))).hasSize(2); // app.js and console.js only
            // the expiry timeline: the certificate's row, its mark 20 days along the year with the 30-day class
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#expiry-timeline g.timeline-row")));
            var marks = driver.findElements(By.cssSelector("#expiry-timeline g.timeline-row"));
            assertThat(marks).hasSize(1);
            assertThat(marks.get(0).getDomAttribute("class")).isEqualTo("timeline-row warn-30-days");
            assertThat(marks.get(0).findElement(By.cssSelector("text.timeline-label")).getText())
                    .isEqualTo("ID(USER1) USER1 WEB");
            double cx = Double.parseDouble(marks.get(0).findElement(By.cssSelector("circle.timeline-mark"))
                    .getDomAttribute("cx"));
            // console.js: today at x=310, a year at x=910 (610 units for 365 days)
            assertThat(cx).isBetween(310 + 19 * 610 / 365.0, 310 + 21 * 610 / 365.0);
            assertThat(marks.get(0).findElement(By.cssSelector("circle.timeline-mark title")).getDomProperty("textContent"))
                    .contains("USER1 WEB").contains("(30 days, ");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#jobs tr.job")));
            assertThat(driver.findElements(By.cssSelector("#jobs tr.job"))).hasSize(1).first()
                    .satisfies(row -> assertThat(row.getText()).startsWith("USER1A JOB").contains("INPUT"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit tr.audit-record")));
            assertThat(driver.findElement(By.id("audit")).getText()).contains("WEB_LOGON").doesNotContain("USER2");
            // the audit filter form: a bad date is OCSW040E on the page, a type filter narrows the table
            driver.findElement(By.id("audit-since")).sendKeys("yesterday");
            driver.findElement(By.id("audit-apply")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-message"), "OCSW040E"));
            driver.findElement(By.id("audit-since")).clear();
            driver.findElement(By.id("audit-type")).sendKeys("NOSUCHTYPE");
            driver.findElement(By.id("audit-apply")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "No audit records."));
            assertThat(driver.findElement(By.id("audit-message")).getText()).isEmpty();
            driver.findElement(By.id("audit-type")).clear();
            driver.findElement(By.id("audit-apply")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit tr.audit-record")));
            driver.executeScript("window.scrollTo(0, 0)"); // the picture in docs/: the timeline and the table
            assertThat(Files.size(browser.screenshot("console"))).isGreaterThan(1000);

            // the sessions view: USER1's own web session, no revoke form (not SPECIAL); Cancel on the own job
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sessions tr.session")));
            assertThat(driver.findElements(By.cssSelector("#sessions tr.session"))).hasSize(1).first()
                    .satisfies(row -> assertThat(row.getText()).startsWith("WEB USER1 127.0.0.1"));
            assertThat(driver.findElement(By.id("revoke-form")).isDisplayed()).isFalse();
            String jobId = jes.jobs(system.registry.users().find("USER1").orElseThrow(),
                    new org.opencs.jes.JobFilter("*", "USER1", null, 0)).get(0).jobId();
            driver.findElement(By.id("cancel-" + jobId)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs-action-message"), "OCSW053I"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs"), "CANCELED"));
            assertThat(system.audit()).contains("\"type\":\"WEB_JOB_CANCEL\"");

            // the job's spool: its files, JESMSGLG shown first, JESJCL with the <script> comment line as text
            driver.findElement(By.id("spool-" + jobId)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("spool-text"), "$HASP"));
            assertThat(driver.findElement(By.id("spool-files")).getText()).contains("JESMSGLG").contains("JESJCL");
            driver.findElement(By.id("spool-file-2")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("spool-text"), "<script>s</script>"));
            assertThat(driver.findElement(By.id("spool-file-title")).getText()).contains("JESJCL");
            assertThat(driver.findElements(By.cssSelector("main script"))).isEmpty();
            assertThat(driver.findElements(By.tagName("script"))).hasSize(2);
            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("spool")));
            assertThat(Files.size(browser.screenshot("console-spool"))).isGreaterThan(1000);

            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/login"));
            assertThat(server.sessions().list()).isEmpty();
            driver.get(base + "/terminal");
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/login");
            assertThat(system.audit()).contains("\"type\":\"WEB_LOGON\"").contains("\"type\":\"WEB_LOGOFF\"");
        }
    }
}

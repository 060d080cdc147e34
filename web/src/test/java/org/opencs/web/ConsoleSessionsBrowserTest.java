package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.sessions.LiveSessions;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser (headless Chromium through Selenium), the console's sessions view with an FTP session beside the
 * web one (docs/web.md "Actions and sessions"): USER1's FTPS session (Apache Commons Net, PROT P) shows as a row with
 * its kind, user, client address, TLS protocol, cipher and bytes, and its End button ends it: the page says OCSW060I,
 * the row is gone, and the FTP client reads 421 OCSF040I.
 */
class ConsoleSessionsBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theConsoleShowsAnFtpSessionAndEndsIt() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir); Browser browser = new Browser()) {
            system.user("USER1");
            Files.createDirectories(system.registry.home().hfsPath("/u/user1"));
            WebServer server = system.serveWithLiveSessions(WebSettings.from(new java.util.Properties()).withPort(0),
                    new LiveSessions(system.clock));
            FTPSClient ftp = new FTPSClient("TLS", false);
            ftp.setTrustManager(org.apache.commons.net.util.TrustManagerUtils.getAcceptAllTrustManager());
            ftp.connect("127.0.0.1", system.ftpPort());
            try {
                ftp.execPBSZ(0);
                ftp.execPROT("P");
                assertThat(ftp.login("USER1", "user1pw")).as(ftp.getReplyString()).isTrue();

                String base = "https://127.0.0.1:" + server.port();
                var driver = browser.driver;
                var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                driver.get(base + "/login");
                driver.findElement(By.id("userid")).sendKeys("user1");
                driver.findElement(By.id("password")).sendKeys("user1pw");
                driver.findElement(By.id("logon")).click();
                wait.until(ExpectedConditions.urlToBe(base + "/"));
                wait.until(d -> d.findElements(By.cssSelector("#sessions tr.session")).size() == 2);
                var ftpRow = driver.findElements(By.cssSelector("#sessions tr.session")).stream()
                        .filter(r -> r.getText().startsWith("FTP ")).findFirst().orElseThrow();
                assertThat(ftpRow.getText()).startsWith("FTP USER1 127.0.0.1").containsPattern("TLSv1\\.[23] TLS_");
                assertThat(ftpRow.findElement(By.cssSelector("td.cipher")).getText()).startsWith("TLS_");
                assertThat(ftpRow.findElements(By.cssSelector("td.number"))).hasSize(2)
                        .allSatisfy(td -> assertThat(Long.parseLong(td.getText())).isPositive());
                assertThat(driver.findElement(By.id("sessions-scope")).getText())
                        .isEqualTo("Your web, FTP and TN3270 sessions on this node.");
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "document.getElementById('sessions-section').scrollIntoView()");
                assertThat(Files.size(browser.screenshot("console-sessions"))).isGreaterThan(1000);

                ftpRow.findElement(By.cssSelector("button")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions-message"), "OCSW060I"));
                assertThat(driver.findElement(By.id("sessions-message")).getText())
                        .isEqualTo("OCSW060I The FTP session of USER1 from 127.0.0.1 was ended.");
                // the connection closes: after a reload only the web session is left
                wait.until(d -> {
                    d.navigate().refresh();
                    return new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> {
                        var rows = x.findElements(By.cssSelector("#sessions tr.session"));
                        return rows.isEmpty() ? null : rows;
                    }).size() == 1;
                });
                assertThat(driver.findElement(By.cssSelector("#sessions tr.session")).getText()).startsWith("WEB USER1");
                assertThatThrownBy(ftp::sendNoOp)
                        .isInstanceOf(org.apache.commons.net.ftp.FTPConnectionClosedException.class);
                assertThat(ftp.getReplyString()).contains("421 OCSF040I Session ended by USER1 from the console.");
            } finally {
                if (ftp.isConnected()) {
                    ftp.disconnect();
                }
            }
        }
    }
}

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
 * screenshot is kept, and logging off leads back to /login with the session ended.
 */
class WebBrowserTest {
    @TempDir
    Path dir;

    @Test
    void logsOnWithAPasswordAndOff() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir); Browser browser = new Browser()) {
            system.user("USER1");
            WebServer server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0));
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

            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/login"));
            assertThat(server.sessions().list()).isEmpty();
            driver.get(base + "/terminal");
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/login");
            assertThat(system.audit()).contains("\"type\":\"WEB_LOGON\"").contains("\"type\":\"WEB_LOGOFF\"");
        }
    }
}

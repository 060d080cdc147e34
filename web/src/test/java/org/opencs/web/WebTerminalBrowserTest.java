package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web 3270 terminal in a real browser (headless Chromium): log on at /login with a password, open /terminal,
 * see the TSO/E logon panel of a real TN3270E server (SECUREPORT, CONNTYPE SECURE) as text on the page, type the user
 * ID and password into its fields, reach the primary menu, choose 6 for READY, enter a command that looks like markup (it shows as
 * text) and run LISTUSER, reading each answer from the page; the session is audited with the web user and the browser's address. Screenshot: terminal.png.
 */
class WebTerminalBrowserTest {
    @TempDir
    Path dir;

    @Test
    void logsOnToTsoInTheBrowser() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir); Browser browser = new Browser()) {
            system.user("USER1");
            WebServer server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0), system.tn3270());
            String base = "https://127.0.0.1:" + server.port();
            var driver = browser.driver;
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));

            driver.get(base + "/login");
            driver.findElement(By.id("userid")).sendKeys("user1");
            driver.findElement(By.id("password")).sendKeys("user1pw");
            driver.findElement(By.id("logon")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/"));

            driver.get(base + "/terminal");
            By screen = By.id("screen");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, "TSO/E LOGON"));
            assertThat(driver.findElement(screen).getText()).contains("Enter LOGON parameters below:")
                    .contains("Userid    ===>");
            assertThat(driver.findElement(By.id("oia-lu")).getText()).isNotBlank();
            assertThat(driver.findElement(By.id("oia-secure")).getText()).contains("TLS");

            List<WebElement> fields = driver.findElements(By.cssSelector("#screen input.field"));
            assertThat(fields.get(1).getDomProperty("type")).isEqualTo("password"); // a non-display field
            fields.get(0).sendKeys("USER1");
            fields.get(1).sendKeys("user1pw", Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, "OpenCS Primary Option Menu"));
            assertThat(driver.findElement(screen).getText()).contains("User ID . : USER1");

            driver.findElement(By.cssSelector("#screen input.field")).sendKeys("6", Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, "READY"));
            wait.until(d -> "no".equals(d.findElement(screen).getDomAttribute("data-locked")));
            // Screen text that looks like markup stays text: the unknown command is echoed by TSO, not run.
            wait.until(d -> "no".equals(d.findElement(screen).getDomAttribute("data-locked")));
            driver.findElement(By.cssSelector("#screen input.field")).sendKeys("<b>X</b>", Keys.ENTER);
            wait.until(d -> d.findElement(screen).getText().toUpperCase(java.util.Locale.ROOT).contains("<B>X</B>"));
            assertThat(driver.findElements(By.cssSelector("#screen b"))).isEmpty();
            wait.until(d -> "no".equals(d.findElement(screen).getDomAttribute("data-locked")));
            driver.findElement(By.cssSelector("#screen input.field")).sendKeys("LISTUSER", Keys.ENTER);
            wait.until(d -> d.findElement(screen).getText().contains("LISTUSER")
                    && d.findElement(screen).getText().contains("USER=USER1"));

            Path shot = browser.screenshot("terminal");
            assertThat(Files.size(shot)).isGreaterThan(1000);
            String audit = system.audit();
            assertThat(audit).contains("\"type\":\"WEB_TERMINAL\"").containsPattern(
                    "\"type\":\"WEB_TERMINAL\".*\"user\":\"USER1\".*\"client\":\"127.0.0.1\"");
        }
    }
}

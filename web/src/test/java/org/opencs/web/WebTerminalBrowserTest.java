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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web 3270 terminal in a real browser (headless Chromium): log on at /login with a password, open /terminal,
 * see the TSO/E logon panel of a real TN3270E server (SECUREPORT, CONNTYPE SECURE) as text on the page, type the user
 * ID and password into its fields, reach the primary menu, choose 6 for READY, enter a command that looks like markup (it shows as
 * text) and run LISTUSER, reading each answer from the page; the session is audited with the web user and the browser's address. Screenshot: terminal.png.
 * And a model 4 chosen on the page: the logon panel's colours as CSS classes with their computed colours, READY on
 * 43 rows. Screenshots: terminal-menu.png (the primary menu in colour, docs/images/web-terminal.png) and
 * terminal-model4.png.
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
            // The local keys: replace mode, Erase EOF (End), Home, arrows, Insert, a key on protected text (X -f),
            // Reset and Newline (Shift+Enter) to the next row's field.
            // (the arrows draw the screen again: the inputs are looked up anew after them)
            By userid = By.cssSelector("#screen input.field[data-address='416']");
            fields.get(0).sendKeys("USXR1Z");
            new Actions(driver).sendKeys(Keys.LEFT, Keys.END).perform();
            assertThat(driver.findElement(userid).getDomProperty("value")).isEqualTo("USXR1");
            new Actions(driver).sendKeys(Keys.HOME, Keys.RIGHT, Keys.RIGHT, "E").perform();
            assertThat(driver.findElement(userid).getDomProperty("value")).isEqualTo("USER1");
            new Actions(driver).sendKeys(Keys.INSERT).perform();
            assertThat(driver.findElement(By.id("oia-insert")).getText()).isEqualTo("INSERT");
            new Actions(driver).sendKeys(Keys.INSERT, Keys.DOWN).perform();
            assertThat(driver.findElement(By.id("oia-insert")).getText()).isEmpty();
            assertThat(driver.findElements(By.cssSelector("#screen span.cursor"))).hasSize(1); // on protected text
            assertThat(driver.findElement(By.id("oia-cursor")).getText()).isEqualTo("007/020");
            new Actions(driver).sendKeys("x").perform();
            assertThat(driver.findElement(By.id("oia-lock")).getText()).isEqualTo("X -f");
            driver.findElement(By.cssSelector("button[data-local=RESET]")).click();
            assertThat(driver.findElement(By.id("oia-lock")).getText()).isEmpty();
            new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();
            assertThat(driver.switchTo().activeElement().getDomAttribute("data-address")).isEqualTo("576");
            assertThat(driver.findElement(userid).getDomProperty("value")).isEqualTo("USER1"); // kept while moving
            new Actions(driver).sendKeys("user1pw", Keys.ENTER).perform();
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
            // Paste (a paste event as the browser fires it): the text goes into the field at the cursor.
            driver.findElement(By.cssSelector("#screen input.field")).click();
            driver.executeScript("const data = new DataTransfer(); data.setData('text/plain', 'LISTUSER');"
                    + "document.getElementById('screen').dispatchEvent(new ClipboardEvent('paste',"
                    + " {clipboardData: data, bubbles: true, cancelable: true}));");
            assertThat(driver.findElement(By.cssSelector("#screen input.field")).getDomProperty("value"))
                    .isEqualTo("LISTUSER");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            wait.until(d -> d.findElement(screen).getText().contains("LISTUSER")
                    && d.findElement(screen).getText().contains("USER=USER1"));

            Path shot = browser.screenshot("terminal");
            assertThat(Files.size(shot)).isGreaterThan(1000);
            String audit = system.audit();
            assertThat(audit).contains("\"type\":\"WEB_TERMINAL\"").containsPattern(
                    "\"type\":\"WEB_TERMINAL\".*\"user\":\"USER1\".*\"client\":\"127.0.0.1\"");
        }
    }

    @Test
    void aModelFourTerminalShowsColoursAndFortyThreeRows() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir); Browser browser = new Browser()) {
            system.user("USER1");
            WebServer server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0), system.tn3270());
            String base = "https://127.0.0.1:" + server.port();
            var driver = browser.driver;
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1250));

            driver.get(base + "/login");
            driver.findElement(By.id("userid")).sendKeys("user1");
            driver.findElement(By.id("password")).sendKeys("user1pw");
            driver.findElement(By.id("logon")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/"));

            // the model is chosen before connecting: the form loads /terminal?model=4
            driver.get(base + "/terminal");
            By screen = By.id("screen");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, "TSO/E LOGON"));
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("model"))).selectByValue("4");
            driver.findElement(By.id("model-connect")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/terminal?model=4"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, "TSO/E LOGON"));
            assertThat(driver.findElement(By.id("model")).getDomProperty("value")).isEqualTo("4");
            // the logon panel's colours (SFE from the host) as classes, drawn in their colours
            WebElement title = driver.findElement(By.xpath(
                    "//pre[@id='screen']/span[@class='row']/span[contains(., 'TSO/E LOGON')]"));
            assertThat(title.getDomAttribute("class")).contains("c-turquoise");
            assertThat(title.getCssValue("color")).isEqualTo("rgba(64, 224, 208, 1)");
            WebElement prompt = driver.findElement(By.xpath(
                    "//pre[@id='screen']/span[@class='row']/span[contains(., 'Userid')]"));
            assertThat(prompt.getDomAttribute("class")).contains("c-green");
            assertThat(prompt.getCssValue("color")).isEqualTo("rgba(62, 224, 62, 1)");
            By userid = By.cssSelector("#screen input.field[data-address='416']");
            assertThat(driver.findElement(userid).getDomAttribute("class")).contains("c-turquoise")
                    .contains("h-underscore");
            assertThat(driver.findElement(userid).getCssValue("border-bottom-color")).isEqualTo("rgba(64, 224, 208, 1)");
            // colours come from classes only: no text run has a style, an input's style is only its width (CSSOM)
            assertThat(driver.findElements(By.cssSelector("#screen span[style]"))).isEmpty();
            for (WebElement input : driver.findElements(By.cssSelector("#screen input.field"))) {
                assertThat(input.getDomAttribute("style")).matches("width: \\d+ch;");
            }

            driver.findElement(userid).sendKeys("user1");
            driver.findElement(By.cssSelector("#screen input.field[data-address='576']")).sendKeys("user1pw", Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, "OpenCS Primary Option Menu"));
            assertThat(driver.findElement(screen).getText()).contains("Screen  . : 43x80");
            wait.until(d -> "no".equals(d.findElement(screen).getDomAttribute("data-locked")));
            assertThat(driver.findElement(By.xpath("//pre[@id='screen']/span[@class='row']/span[contains(., '1  Browse')]"))
                    .getDomAttribute("class")).contains("c-white");
            assertThat(Files.size(browser.screenshot("terminal-menu"))).isGreaterThan(1000); // docs/images/web-terminal.png
            driver.findElement(By.cssSelector("#screen input.field")).sendKeys("6", Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(screen, "READY"));
            wait.until(d -> d.findElements(By.cssSelector("#screen span.row")).size() == 43);
            wait.until(d -> "no".equals(d.findElement(screen).getDomAttribute("data-locked")));
            List<WebElement> rows = driver.findElements(By.cssSelector("#screen span.row"));
            assertThat(rows).hasSize(43);
            assertThat(rows.get(42).getDomAttribute("data-row")).isEqualTo("43");
            driver.findElement(By.cssSelector("#screen input.field")).sendKeys("LISTUSER", Keys.ENTER);
            wait.until(d -> d.findElement(screen).getText().contains("USER=USER1"));
            Path shot = browser.screenshot("terminal-model4");
            assertThat(Files.size(shot)).isGreaterThan(1000);
        }
    }
}

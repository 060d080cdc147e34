package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The certificates' expiry timeline in Chromium for a SPECIAL user, with one certificate at each warning level: the
 * registry's clock is moved on 35 days after they were made, so one has expired (25 days ago), one ends in 5 days, one
 * in 20, one in 95 and one in 495 (beyond the year shown). Each has its row in date order with the warning's class,
 * its mark placed by its days left (the expired one in the expired band, the far one in the "later" band) and coloured
 * by style.css (so the stylesheet applies under the CSP); the month boundaries start from the server's time the days
 * were counted from, not the browser's. Screenshot console-timeline.png (docs/images).
 */
class ConsoleTimelineBrowserTest {
    @TempDir
    Path dir;

    @Test
    void eachCertificateHasItsMarkPlacedByDateAndColouredByWarning() throws Exception {
        try (WebTestSystem system = new WebTestSystem(dir); Browser browser = new Browser()) {
            system.specialUser("ADMIN1");
            system.user("USER1");
            system.registryCertificate("USER1", "OLD", "Old", 10);
            system.registryCertificate("USER1", "SOON", "Soon", 40);
            system.registryCertificate("USER1", "NEAR", "Near", 55);
            system.registryCertificate("CERTAUTH", "LOCAL CA", "Local CA", 130);
            system.registryCertificate("USER1", "FAR", "Far", 530);
            system.clock.advanceSeconds(35L * 86_400);
            WebServer server = system.serve(WebSettings.from(new java.util.Properties()).withPort(0));
            String base = "https://127.0.0.1:" + server.port();
            var driver = browser.driver;
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));

            driver.get(base + "/login");
            driver.findElement(By.id("userid")).sendKeys("admin1");
            driver.findElement(By.id("password")).sendKeys("admin1pw");
            driver.findElement(By.id("logon")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/"));
            wait.until(d -> d.findElements(By.cssSelector("#expiry-timeline g.timeline-row")).size() == 5);

            List<WebElement> rows = driver.findElements(By.cssSelector("#expiry-timeline g.timeline-row"));
            assertThat(rows).extracting(r -> r.findElement(By.cssSelector("text.timeline-label")).getText())
                    .containsExactly("ID(USER1) OLD", "ID(USER1) SOON", "ID(USER1) NEAR", "CERTAUTH LOCAL CA",
                            "ID(USER1) FAR");
            assertThat(rows).extracting(r -> r.getDomAttribute("class")).containsExactly("timeline-row warn-expired",
                    "timeline-row warn-7-days", "timeline-row warn-30-days", "timeline-row warn-ok",
                    "timeline-row warn-ok");
            List<WebElement> marks = rows.stream().map(r -> r.findElement(By.cssSelector("circle.timeline-mark")))
                    .toList();
            List<Double> x = marks.stream().map(m -> Double.parseDouble(m.getDomAttribute("cx"))).toList();
            // console.js: the expired band is centred on x=280, today at 310, 610 units for 365 days, later at 940
            assertThat(x.get(0)).isEqualTo(280.0);
            assertThat(x.get(1)).isBetween(310 + 4 * 610 / 365.0, 310 + 6 * 610 / 365.0);
            assertThat(x.get(2)).isBetween(310 + 19 * 610 / 365.0, 310 + 21 * 610 / 365.0);
            assertThat(x.get(3)).isBetween(310 + 94 * 610 / 365.0, 310 + 96 * 610 / 365.0);
            assertThat(x.get(4)).isEqualTo(940.0);
            // style.css colours the marks by warning (red, orange, yellow, green)
            assertThat(marks).extracting(m -> m.getCssValue("fill")).containsExactly("rgb(192, 0, 26)",
                    "rgb(224, 106, 0)", "rgb(224, 176, 0)", "rgb(74, 138, 74)", "rgb(74, 138, 74)");
            // the months are laid out from the server's time (asOf), 35 days ahead of the browser's here
            List<String> axis = driver.findElements(By.cssSelector("#expiry-timeline text.axis")).stream()
                    .map(WebElement::getText).toList();
            assertThat(axis.subList(0, 2)).containsExactly("expired", "later");
            assertThat(axis.get(2)).isEqualTo(java.time.YearMonth.from(system.clock.instant()
                    .atZone(java.time.ZoneOffset.UTC)).plusMonths(1).toString());
            assertThat(driver.findElements(By.cssSelector("#expiry-timeline script"))).isEmpty();
            assertThat(Files.size(browser.screenshot("console-timeline"))).isGreaterThan(1000);
        }
    }
}

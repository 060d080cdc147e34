package org.opencs.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver through Selenium WebDriver, for the browser tests. The
 * binaries are found on the PATH (or CHROMIUM / CHROMEDRIVER); when missing the test fails with the command that
 * installs them (.ci/run installs them). Selenium Manager is never asked to download anything: the driver is given.
 *
 * <p>Trust: the test servers' certificates come from a test CA the browser does not know, so Chromium runs with
 * {@code --ignore-certificate-errors} (in tests only; users import the quickstart CA instead, docs/web.md).
 */
final class Browser implements AutoCloseable {
    static final String INSTALL_HINT = "Chromium and its WebDriver are needed for the browser tests: "
            + "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver";

    final ChromeDriver driver;
    private final Path profile;

    Browser() throws IOException {
        this(java.util.Map.of());
    }

    /**
     * The same, with {@code environment} added to chromedriver's (and so Chromium's) environment: HOME pointing at a
     * directory whose {@code .pki/nssdb} holds a client certificate ({@link ChromiumClientCertificate}).
     */
    Browser(java.util.Map<String, String> environment) throws IOException {
        Path chromium = find("CHROMIUM", "chromium", "chromium-browser", "google-chrome");
        Path chromedriver = find("CHROMEDRIVER", "chromedriver");
        profile = Files.createTempDirectory("opencs-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--ignore-certificate-errors", "--window-size=1100,760", "--no-first-run",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withEnvironment(environment).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Saves a PNG of the page as {@code target/screenshots/NAME.png} (kept as a test artifact); the file. */
    Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    private static Path find(String variable, String... names) {
        String given = System.getenv(variable);
        if (given != null && Files.isExecutable(Path.of(given))) {
            return Path.of(given);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError(String.join("/", names) + " not found on PATH. " + INSTALL_HINT);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the web pages' tests: the machine's Chromium (Debian packages {@code chromium} and
 * {@code chromium-driver}), headless, with a profile of its own, driven through its chromedriver. Selenium is given
 * both paths, so it downloads nothing. Paths can be changed with {@code -Deps.chromium=} and
 * {@code -Deps.chromedriver=}.
 */
final class WebBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("eps.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("eps.chromedriver", "/usr/bin/chromedriver"));
    /** The accessibility rules checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final ChromeDriver driver;
    private final Path profile;
    private final URI base;

    private WebBrowser(ChromeDriver driver, Path profile, URI base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A new browser, with a fresh profile (no cookies), for the service at {@code base}. */
    static WebBrowser start(URI base) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Chromium at " + CHROMIUM + " and chromedriver at "
                    + CHROMEDRIVER + " (Debian/Ubuntu: apt-get install chromium chromium-driver)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("eps-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--window-size=1280,1000", "--lang=en-GB");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new WebBrowser(driver, profile, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the service. */
    WebBrowser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** The path (and query) the browser is at. */
    String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    String title() {
        return driver.getTitle();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** The visible text of the main content. */
    String main() {
        return text("main");
    }

    /** Clicks a link or button and waits for the page it leads to. */
    WebBrowser click(String css) {
        return andWait(() -> find(css).click());
    }

    /** Chooses a radio button or checkbox (the page stays). */
    WebBrowser choose(String css) {
        find(css).click();
        return this;
    }

    private WebBrowser andWait(Runnable action) {
        WebElement page = find("html");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.and(
                ExpectedConditions.stalenessOf(page),
                browser -> "complete".equals(driver.executeScript("return document.readyState"))));
        return this;
    }

    WebBrowser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    WebBrowser clickLink(String text) {
        return andWait(() -> driver.findElement(By.linkText(text)).click());
    }

    /** Forgets every cookie (a new browser session). */
    WebBrowser forgetCookies() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /**
     * Checks the page with axe-core against WCAG 2.2 A and AA: no serious or critical violation. Moderate and minor
     * findings are not failures.
     */
    WebBrowser assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious).as("serious or critical accessibility violations on the %s page (%s):%n%s", page,
                driver.getCurrentUrl(), describe(serious)).isEmpty();
        assertThat(results.getPasses()).as("axe-core checked the %s page", page).isNotEmpty();
        return this;
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    /** Saves a PNG of the whole page, at a given width. */
    void screenshot(Path file, int width) {
        driver.manage().window().setSize(new Dimension(width, 1000));
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 6000)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}

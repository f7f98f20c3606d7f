package io.firedrill.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for UI tests: Debian's headless {@code chromium} driven through its {@code chromedriver}, both by
 * their fixed paths so Selenium Manager never runs (CI has no general internet). Register it as a static extension:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = new Browser();
 * }</pre>
 *
 * Each test gets a fresh browser with its own profile. After each test, passed or failed, the page as the user saw
 * it is saved to {@code target/ui-screenshots/<TestClass>-<test>.png} (with the browser console beside it in a
 * {@code .log} file) and the browser is quit. When chromium or chromedriver is missing the test class is skipped,
 * unless {@code FIREDRILL_REQUIRE_BROWSER=1} (CI), where that is a failure.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    private static final Duration POLL = Duration.ofMillis(100);
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,800");

    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;

    /** True when both the browser and its driver are installed where Debian puts them. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (available()) {
            return;
        }
        String missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString)
                .reduce((a, b) -> a + " and " + b).orElse("");
        if ("1".equals(System.getenv("FIREDRILL_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(missing + " missing, and FIREDRILL_REQUIRE_BROWSER=1: install Debian's "
                    + "chromium and chromium-driver (apt-get install chromium chromium-driver)");
        }
        String why = missing + " missing: UI tests need Debian's chromium and chromium-driver "
                + "(apt-get install chromium chromium-driver)";
        // A class skipped before any test ran shows up as "Tests run: 0"; say why in the build log.
        System.err.println(context.getRequiredTestClass().getSimpleName() + " skipped: " + why);
        Assumptions.assumeTrue(false, why);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            saveEvidence(name);
        } finally {
            quit();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        quit(); // should a test's afterEach not have run
    }

    /** Starts a fresh headless chromium with a new profile directory. */
    public void start() throws IOException {
        quit();
        profile = Files.createTempDirectory("firedrill-chromium-");
        Files.createDirectories(SCREENSHOTS);
        // Both ways of naming the driver: with an executable set, Selenium never asks Selenium Manager for one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toAbsolutePath().toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            quit();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    }

    /** Quits the browser and its driver, and removes the profile; safe to call twice. */
    public void quit() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (RuntimeException e) {
            System.err.println("Browser: quit failed: " + e);
        } finally {
            driver = null;
            try {
                if (service != null && service.isRunning()) {
                    service.stop();
                }
            } catch (RuntimeException e) {
                System.err.println("Browser: stopping chromedriver failed: " + e);
            }
            service = null;
            deleteProfile();
        }
    }

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("the browser is not running");
        }
        return driver;
    }

    /** Opens a URL and waits for the document to load. */
    public void open(String url) {
        driver().get(url);
    }

    public String currentUrl() {
        return driver().getCurrentUrl();
    }

    /** The first element matching, or empty; never waits. */
    public Optional<WebElement> find(By by) {
        List<WebElement> found = driver().findElements(by);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<WebElement> findAll(By by) {
        return driver().findElements(by);
    }

    /** The trimmed visible text of the first element matching, or null when there is none (now). */
    public String text(By by) {
        try {
            return find(by).map(e -> e.getText().trim()).orElse(null);
        } catch (StaleElementReferenceException e) {
            return null;
        }
    }

    /** An attribute (or property) of the first element matching, or null. */
    public String attribute(By by, String name) {
        try {
            return find(by).map(e -> e.getDomAttribute(name)).orElse(null);
        } catch (StaleElementReferenceException e) {
            return null;
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(js, args);
    }

    /**
     * Polls {@code probe} every 100 ms until it returns something other than null or {@code false}, and returns
     * that. On timeout it fails with {@code what}, what the page showed last ({@code seen}) and the URL.
     */
    public <T> T await(String what, Duration within, Supplier<T> probe, Supplier<String> seen) {
        Function<WebDriver, T> condition = d -> {
            T value = probe.get();
            return Boolean.FALSE.equals(value) ? null : value;
        };
        try {
            return new WebDriverWait(driver(), within, POLL)
                    .ignoring(NoSuchElementException.class)
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            String last;
            try {
                last = seen.get();
            } catch (RuntimeException ex) {
                last = "(could not read the page: " + ex + ")";
            }
            throw new AssertionError("within " + within.toSeconds() + " s: " + what + "; the page showed: " + last
                    + " (at " + safeUrl() + ")", e);
        }
    }

    /** Waits until the first element matching is present and its trimmed text satisfies {@code test}. */
    public String awaitText(String what, By by, Duration within, java.util.function.Predicate<String> test) {
        return await(what, within, () -> {
            String t = text(by);
            return t != null && test.test(t) ? t : null;
        }, () -> by + " text " + quote(text(by)));
    }

    /** Waits until some element matching has a trimmed text satisfying {@code test}, and returns that text. */
    public String awaitAnyText(String what, By by, Duration within, java.util.function.Predicate<String> test) {
        return await(what, within, () -> texts(by).stream().filter(test).findFirst().orElse(null),
                () -> by + " texts " + texts(by));
    }

    /** The trimmed visible texts of every element matching (now). */
    public List<String> texts(By by) {
        try {
            return driver().findElements(by).stream().map(e -> e.getText().trim()).toList();
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    /** Waits until an element matching is displayed, and returns it. */
    public WebElement awaitVisible(String what, By by, Duration within) {
        return await(what, within, () -> find(by).filter(WebElement::isDisplayed).orElse(null),
                () -> find(by).isPresent() ? by + " present but hidden" : by + " absent");
    }

    /** Saves a screenshot ({@code <name>.png}) and the browser console ({@code <name>.log}) if a browser is up. */
    /** How long the form helpers below wait for an element. */
    static final Duration FORM_WAIT = Duration.ofSeconds(15);

    /** The element, once it is shown. */
    public WebElement visible(By by) {
        return awaitVisible(by.toString(), by, FORM_WAIT);
    }

    /**
     * Clicks the element once it is shown. A page that re-renders a list (live updates) may replace the element
     * between finding and clicking it; the click is then tried again on the new one.
     */
    public void click(By by) {
        await("a click on " + by, FORM_WAIT, () -> {
            try {
                visible(by).click();
                return true;
            } catch (StaleElementReferenceException replaced) {
                return false;
            }
        }, () -> "the element kept being replaced");
    }

    /** Replaces a text field's value by typing, as a user does. */
    public void type(By by, String text) {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Picks a value in a select (by id) once the select has loaded it. */
    public void choose(String selectId, String value) {
        By option = By.cssSelector("select#" + selectId + " option[value='" + value + "']");
        await("select#" + selectId + " offers " + value, FORM_WAIT, () -> !findAll(option).isEmpty(),
                () -> "options " + texts(By.cssSelector("select#" + selectId + " option")));
        new Select(visible(By.id(selectId))).selectByValue(value);
    }

    /** Types a token into the login form and submits it. */
    public void submitToken(String token) {
        WebElement field = awaitVisible("the login form's API token field",
                By.cssSelector("form#login input#token[type='password']"), FORM_WAIT);
        field.clear();
        field.sendKeys(token);
        visible(By.cssSelector("form#login button#login-submit")).click();
    }

    /** Opens {@code #<route>} of the UI at {@code base} in a fresh page and logs in through the form as {@code name}. */
    public void logIn(String base, String route, String token, String name) {
        open(base + "/#" + route);
        submitToken(token);
        awaitText("#whoami names " + name + " once logged in", By.id("whoami"), FORM_WAIT, t -> t.contains(name));
    }

    public void saveEvidence(String name) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            System.err.println("Browser: no screenshot for " + name + ": " + e);
        }
        try {
            StringBuilder console = new StringBuilder("url: " + safeUrl() + "\n");
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                console.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
            }
            Files.writeString(SCREENSHOTS.resolve(name + ".log"), console);
        } catch (IOException | RuntimeException e) {
            System.err.println("Browser: no console log for " + name + ": " + e);
        }
    }

    private String safeUrl() {
        try {
            return driver == null ? "(no browser)" : driver.getCurrentUrl();
        } catch (RuntimeException e) {
            return "(unknown url)";
        }
    }

    static String quote(String s) {
        return s == null ? "(absent)" : "'" + s + "'";
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Browser: could not delete " + profile + ": " + e);
        }
        profile = null;
    }
}

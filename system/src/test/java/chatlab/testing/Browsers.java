package chatlab.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.firefox.FirefoxDriver;
import org.openqa.selenium.firefox.FirefoxOptions;
import org.openqa.selenium.firefox.GeckoDriverService;

/**
 * The real browsers the end-to-end tests drive, headless: Debian's chromium with chromium-driver,
 * and firefox-esr with geckodriver (in .tools/bin, where scripts/browsers.sh builds it). A missing
 * one skips the tests with the reason, except with CI=true, where it fails them. Shared by the web
 * client's browser tests and the simulator's timeline player test.
 */
public enum Browsers {
    CHROMIUM(List.of("chromium", "chromium-browser"), List.of("chromedriver")),
    FIREFOX(List.of("firefox-esr", "firefox"), List.of("geckodriver"));

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private final List<String> browserNames;
    private final List<String> driverNames;

    Browsers(List<String> browserNames, List<String> driverNames) {
        this.browserNames = browserNames;
        this.driverNames = driverNames;
    }

    /** Skips (or, under CI, fails) unless this browser and its driver are installed. */
    public void require() {
        List<String> missing = new ArrayList<>();
        if (find(browserNames).isEmpty()) {
            missing.add(browserNames.get(0));
        }
        if (find(driverNames).isEmpty()) {
            missing.add(driverNames.get(0));
        }
        if (missing.isEmpty()) {
            return;
        }
        String reason = name().toLowerCase(java.util.Locale.ROOT) + " browser tests need " + String.join(" and ", missing)
                + ": run scripts/browsers.sh (./lab test does)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(reason + " (CI=true: a missing browser fails the run)");
        }
        Assumptions.abort(reason);
    }

    /** A new browser whose page area is {@value #WIDTH} by {@value #HEIGHT} pixels. */
    public WebDriver start() {
        WebDriver driver = launch();
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(WIDTH, HEIGHT));
            Object chrome = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return window.outerHeight - window.innerHeight");
            int extra = chrome instanceof Number n ? Math.max(0, Math.min(400, n.intValue())) : 0;
            if (extra > 0) {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(WIDTH, HEIGHT + extra));
            }
        } catch (RuntimeException e) {
            // a size the browser refuses only changes the screenshots
        }
        return driver;
    }

    private WebDriver launch() {
        File browser = find(browserNames).orElseThrow().toFile();
        File driver = find(driverNames).orElseThrow().toFile();
        return switch (this) {
            case CHROMIUM -> {
                ChromeOptions options = new ChromeOptions();
                options.setBinary(browser);
                options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=" + WIDTH + "," + HEIGHT, "--force-device-scale-factor=1", "--lang=en-US");
                yield new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver)
                        .usingAnyFreePort().build(), options);
            }
            case FIREFOX -> {
                FirefoxOptions options = new FirefoxOptions();
                options.setBinary(browser.toPath());
                options.addArguments("-headless", "-width=" + WIDTH, "-height=" + HEIGHT);
                yield new FirefoxDriver(new GeckoDriverService.Builder().usingDriverExecutable(driver)
                        .usingAnyFreePort().build(), options);
            }
        };
    }

    private static Optional<Path> find(List<String> names) {
        List<Path> dirs = new ArrayList<>();
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            dirs.add(p.resolve(".tools/bin"));
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                dirs.add(Path.of(entry));
            }
        }
        dirs.add(Path.of("/usr/bin"));
        for (String name : names) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}

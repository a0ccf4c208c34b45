package chatlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens a report in headless Chromium and returns the page as the browser built it, scripts
 * run, so tests can check what a reader would see. Started with the flags that keep it off the
 * network and quiet on a closed machine.
 */
public final class HeadlessBrowser {
    public static final String HOW_TO_INSTALL = "install Debian's chromium package (apt-get install chromium), "
            + "or set CHROMIUM to a Chromium or Chrome binary";
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    private HeadlessBrowser() {
    }

    public static Optional<Path> binary() {
        String explicit = System.getenv("CHROMIUM");
        if (explicit != null && Files.isExecutable(Path.of(explicit))) {
            return Optional.of(Path.of(explicit));
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    public static boolean available() {
        return binary().isPresent();
    }

    /** The DOM of {@code page} after it loaded and its scripts ran. */
    public static String dumpDom(Path page) throws IOException, InterruptedException {
        Path browser = binary().orElseThrow(() -> new IOException("no Chromium: " + HOW_TO_INSTALL));
        Path profile = Files.createTempDirectory("chatlab-chromium");
        try {
            Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000",
                    "--allow-file-access-from-files", "--dump-dom", page.toAbsolutePath().toUri().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("Chromium did not finish within 60 s");
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

package chatlab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Names runs by when they started, and finds them again by name or path. */
public final class RunIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunIds() {
    }

    /** A run id for now: {@code yyyyMMdd-HHmmss}. */
    public static String newId() {
        return LocalDateTime.now().format(FORMAT);
    }

    /** A fresh folder {@code parent/<yyyyMMdd-HHmmss>}, with a suffix if that name is taken. */
    public static Path newRunFolder(Path parent) throws IOException {
        String base = LocalDateTime.now().format(FORMAT);
        Path dir = parent.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = parent.resolve(base + "-" + i);
        }
        return Files.createDirectories(dir);
    }

    /**
     * Where a run of {@code kind} writes: {@code out} when the user named it (created if need be),
     * otherwise a fresh {@code reports/<kind>/<yyyyMMdd-HHmmss>}.
     */
    public static Path outputFolder(Path out, String kind) throws IOException {
        return out != null ? Files.createDirectories(out) : newRunFolder(Path.of("reports", kind));
    }

    /** A run given by id (looked up under {@code parent}) or by path; throws if neither exists. */
    public static Path find(Path parent, String idOrPath) {
        Path asPath = Path.of(idOrPath);
        if (Files.isDirectory(asPath)) {
            return asPath;
        }
        Path underParent = parent.resolve(idOrPath);
        if (Files.isDirectory(underParent)) {
            return underParent;
        }
        throw new IllegalArgumentException("no run '" + idOrPath + "' in " + parent + " (give a run id or a folder)");
    }
}

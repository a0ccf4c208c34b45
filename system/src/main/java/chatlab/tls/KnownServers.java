package chatlab.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servers a client has met, each with the fingerprint of the certificate it presented the
 * first time, as SSH's known_hosts: one {@code host:port SHA256:...} line each. Trust on first
 * use: an unknown server is recorded; a known one must present the same certificate again.
 * Kept in a file (by default {@code ~/.chatlab/known_servers}), or only in memory for a tool's
 * run.
 */
public final class KnownServers {
    /** What a check found. */
    public sealed interface Verdict {
        /** Never met: recorded now. */
        record FirstUse(String fingerprint) implements Verdict {
        }

        /** Met before, with this certificate. */
        record Known() implements Verdict {
        }

        /** Met before with another certificate, recorded at {@code line} of the file (0 in memory). */
        record Changed(String known, String presented, int line) implements Verdict {
        }
    }

    private final Path file;
    private final Map<String, String> memory = new ConcurrentHashMap<>();

    private KnownServers(Path file) {
        this.file = file;
    }

    /** The known servers in {@code file}, which is created when the first server is met. */
    public static KnownServers in(Path file) {
        return new KnownServers(file);
    }

    /** {@code ~/.chatlab/known_servers}. */
    public static KnownServers atDefaultPlace() {
        return in(Path.of(System.getProperty("user.home"), ".chatlab", "known_servers"));
    }

    /** Known servers kept only as long as this object, for one run of a tool. */
    public static KnownServers inMemory() {
        return new KnownServers(null);
    }

    /** Where they are kept, or null in memory. */
    public Path file() {
        return file;
    }

    /** Checks {@code fingerprint} for {@code hostPort}, recording it if the server is new. */
    public synchronized Verdict check(String hostPort, String fingerprint) {
        if (file == null) {
            String known = memory.putIfAbsent(hostPort, fingerprint);
            return known == null ? new Verdict.FirstUse(fingerprint)
                    : known.equals(fingerprint) ? new Verdict.Known() : new Verdict.Changed(known, fingerprint, 0);
        }
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            for (int i = 0; i < lines.size(); i++) {
                String[] parts = lines.get(i).strip().split("\\s+");
                if (parts.length >= 2 && parts[0].equals(hostPort)) {
                    return parts[1].equals(fingerprint) ? new Verdict.Known()
                            : new Verdict.Changed(parts[1], fingerprint, i + 1);
                }
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, hostPort + " " + fingerprint + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return new Verdict.FirstUse(fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the known servers in " + file + ": " + e.getMessage(), e);
        }
    }
}

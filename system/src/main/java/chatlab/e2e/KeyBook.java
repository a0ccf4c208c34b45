package chatlab.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The identity keys a client has seen, per user, kept in a file of its data folder ({@code user
 * key} per line): trust on first use, as chat apps do. A key that differs from the one seen
 * before is taken, and reported as changed so that the user can be warned: someone may have a
 * new device, or someone may stand in between.
 */
public final class KeyBook {
    /** The file in a client's data folder. */
    public static final String FILE_NAME = "known-keys";

    /** What seeing a user's key meant. */
    public sealed interface Seen {
        /** The first key seen for this user. */
        record First(String fingerprint) implements Seen {
        }

        /** The same key as before. */
        record Same(String fingerprint) implements Seen {
        }

        /** A different key from the one seen before: warn. */
        record Changed(String before, String now) implements Seen {
        }
    }

    private final Path file;
    private final Map<String, byte[]> keys = new TreeMap<>();

    private KeyBook(Path file) {
        this.file = file;
    }

    /** The key book in {@code folder}, empty if it has none yet. */
    public static KeyBook open(Path folder) throws IOException {
        KeyBook book = new KeyBook(folder.resolve(FILE_NAME));
        if (Files.exists(book.file)) {
            List<String> lines = Files.readAllLines(book.file, StandardCharsets.US_ASCII);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                try {
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("expected a user and a key");
                    }
                    book.keys.put(parts[0], IdentityKeys.decodePublicKey(parts[1]));
                } catch (IllegalArgumentException e) {
                    throw new IOException(book.file + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return book;
    }

    /** The key last seen for {@code user}, if any. */
    public synchronized Optional<byte[]> known(String user) {
        return Optional.ofNullable(keys.get(user)).map(byte[]::clone);
    }

    /** Records {@code key} as {@code user}'s, and says whether it is new, the same or changed. */
    public synchronized Seen see(String user, byte[] key) throws IOException {
        byte[] before = keys.get(user);
        String now = IdentityKeys.fingerprint(key);
        if (before != null && Arrays.equals(before, key)) {
            return new Seen.Same(now);
        }
        keys.put(user, key.clone());
        save();
        return before == null ? new Seen.First(now) : new Seen.Changed(IdentityKeys.fingerprint(before), now);
    }

    private void save() throws IOException {
        StringBuilder text = new StringBuilder("# identity keys seen, one user per line: user key (base64)\n");
        keys.forEach((user, key) -> text.append(user).append(' ').append(Base64.getEncoder().encodeToString(key))
                .append('\n'));
        PrivateFiles.write(file, text.toString());
    }
}

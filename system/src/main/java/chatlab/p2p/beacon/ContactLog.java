package chatlab.p2p.beacon;

import chatlab.protocol.ContactEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The beacons a client heard, kept in its data folder in the seed's format
 * ({@code tempID DD/MM/YYYY HH:MM:SS DD/MM/YYYY HH:MM:SS} per line) for a time-to-live after
 * each was heard. Hearing an ID again refreshes it. Thread-safe.
 */
public final class ContactLog {
    /** One contact, and when it was last heard. */
    public record Entry(ContactEntry contact, Instant heardAt) {
    }

    private final Path file;
    private final Duration ttl;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Opens the log at {@code file}; entries already there count as heard {@code now}. */
    public ContactLog(Path file, Duration ttl, Instant now) {
        this.file = file;
        this.ttl = ttl;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.strip().split(" ");
                    if (f.length == 5) {
                        ContactEntry c = new ContactEntry(f[0], f[1] + " " + f[2], f[3] + " " + f[4]);
                        entries.put(key(c), new Entry(c, now));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contact log " + file + ": " + e.getMessage(), e);
        }
    }

    private static String key(ContactEntry c) {
        return c.tempId() + " " + c.start() + " " + c.expiry();
    }

    public Path file() {
        return file;
    }

    public synchronized void add(Beacon beacon, Instant now) {
        ContactEntry c = new ContactEntry(beacon.tempId(), beacon.start(), beacon.expiry());
        entries.remove(key(c));
        entries.put(key(c), new Entry(c, now));
        write();
    }

    /** Removes the entries heard more than the time-to-live before {@code now}; returns them. */
    public synchronized List<Entry> purge(Instant now) {
        List<Entry> removed = new ArrayList<>();
        Instant cutoff = now.minus(ttl);
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
            Entry e = it.next();
            if (!e.heardAt().isAfter(cutoff)) {
                removed.add(e);
                it.remove();
            }
        }
        if (!removed.isEmpty()) {
            write();
        }
        return removed;
    }

    public synchronized List<ContactEntry> contacts() {
        return entries.values().stream().map(Entry::contact).toList();
    }

    private void write() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, entries.values().stream().map(e -> key(e.contact())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the contact log " + file + ": " + e.getMessage(), e);
        }
    }
}

package chatlab.server;

import chatlab.protocol.BlueTraceTimes;
import chatlab.protocol.ChatException;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.Contact;
import chatlab.protocol.ContactEntry;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.Timestamps;
import chatlab.protocol.Unmatched;
import chatlab.store.TracingStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * BlueTrace's contact tracing: issues temporary IDs (20 random digits, unique among all ever
 * issued, valid for a time-to-live), stores uploaded contact logs, and resolves each uploaded ID
 * to the user who held it during that window.
 */
public final class TracingService {
    static final int DIGITS = 20;

    private final TracingStore store;
    private final InstantSource clock;
    private final Duration ttl;
    private final BlueTraceTimes times;
    private final PrintStream console;
    private final Path tempIdsFile;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock lock = new ReentrantLock();

    TracingService(TracingStore store, InstantSource clock, Duration ttl, BlueTraceTimes times, PrintStream console,
            Path tempIdsFile) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
        this.times = times;
        this.console = console;
        this.tempIdsFile = tempIdsFile;
        if (tempIdsFile != null) {
            rewriteTempIdsFile();
        }
    }

    /** A fresh temporary ID for {@code user}: valid from now until now + ttl − 1 s, as in the seed files. */
    public ServerMessage.TempId issue(long requestId, String user) {
        Instant start = Timestamps.truncate(clock.instant());
        Instant expiry = start.plus(ttl).minusSeconds(1);
        lock.lock();
        try {
            TracingStore.Issued issued;
            do {
                issued = new TracingStore.Issued(randomDigits(), user, start, expiry);
            } while (!store.issue(issued)); // never the same ID twice, however unlikely a clash
            appendToTempIdsFile(issued);
            return new ServerMessage.TempId(requestId, issued.tempId(), times.format(start), times.format(expiry),
                    "TempID: " + issued.tempId());
        } finally {
            lock.unlock();
        }
    }

    private String randomDigits() {
        StringBuilder digits = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** Stores part of a contact log; entries already stored are counted, not stored again. */
    public ServerMessage.ContactsStored store(long requestId, String user, ClientMessage.UploadContacts upload) {
        for (int i = 0; i < upload.entries().size(); i++) {
            ContactEntry e = upload.entries().get(i);
            if (e.tempId().length() != DIGITS || !e.tempId().chars().allMatch(Character::isDigit)) {
                throw new ChatException(ErrorCode.INVALID_ARGUMENT, "entry " + (i + 1) + ": a tempId is "
                        + DIGITS + " digits, not '" + e.tempId() + "'");
            }
            times.parse(e.start());
            times.parse(e.expiry());
        }
        int stored = store.storeContacts(user, upload.uploadId(), upload.entries(), clock.instant());
        return new ServerMessage.ContactsStored(requestId, upload.uploadId(), stored, upload.entries().size() - stored);
    }

    /** Resolves every contact {@code user} uploaded, and prints the result as the seed server did. */
    public ServerMessage.ContactTrace trace(long requestId, String user) {
        List<Contact> contacts = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        for (ContactEntry e : store.contacts(user)) {
            var issued = store.find(e.tempId());
            if (issued.isEmpty()) {
                unmatched.add(new Unmatched(e.tempId(), e.start(), e.expiry(), "unknown tempID"));
            } else if (!times.format(issued.get().start()).equals(e.start())
                    || !times.format(issued.get().expiry()).equals(e.expiry())) {
                unmatched.add(new Unmatched(e.tempId(), e.start(), e.expiry(), "outside the window it was issued for ("
                        + times.format(issued.get().start()) + " to " + times.format(issued.get().expiry()) + ")"));
            } else if (issued.get().user().equals(user)) {
                unmatched.add(new Unmatched(e.tempId(), e.start(), e.expiry(), "the uploader's own tempID"));
            } else {
                contacts.add(new Contact(issued.get().user(), e.start(), e.tempId()));
            }
        }
        synchronized (console) {
            console.println("received contact log from " + user);
            console.println("Contact log checking");
            for (Contact c : contacts) {
                console.println(c.user() + ", " + c.start() + ", " + c.tempId() + ";");
            }
            for (Unmatched u : unmatched) {
                console.println("unmatched: " + u.tempId() + ", " + u.start() + " (" + u.reason() + ")");
            }
            console.flush();
        }
        String message = contacts.size() + (contacts.size() == 1 ? " contact" : " contacts") + " traced"
                + (unmatched.isEmpty() ? "" : ", " + unmatched.size() + " unmatched");
        return new ServerMessage.ContactTrace(requestId, contacts, unmatched, message);
    }

    /** A line of the seed's tempIDs.txt: {@code UserID TempID DD/MM/YYYY HH:MM:SS DD/MM/YYYY HH:MM:SS}. */
    String tempIdsLine(TracingStore.Issued id) {
        return id.user() + " " + id.tempId() + " " + times.format(id.start()) + " " + times.format(id.expiry());
    }

    private void rewriteTempIdsFile() {
        try {
            Path parent = tempIdsFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(tempIdsFile, store.all().stream().map(this::tempIdsLine).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tempIdsFile + ": " + e.getMessage(), e);
        }
    }

    private void appendToTempIdsFile(TracingStore.Issued id) {
        if (tempIdsFile == null) {
            return;
        }
        try {
            Files.writeString(tempIdsFile, tempIdsLine(id) + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ChatException(ErrorCode.INTERNAL, "the tempID was issued but " + tempIdsFile
                    + " could not be written: " + e.getMessage(), e);
        }
    }
}

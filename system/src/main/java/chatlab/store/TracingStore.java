package chatlab.store;

import chatlab.protocol.ContactEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Temporary IDs as issued, and the contact logs users uploaded. */
public interface TracingStore {
    /** A temporary ID, who held it, and when it was valid. */
    record Issued(String tempId, String user, Instant start, Instant expiry) {
    }

    /** Stores an issued ID; returns false if that ID was ever issued before. */
    boolean issue(Issued id);

    Optional<Issued> find(String tempId);

    /** Every ID ever issued, in the order issued. */
    List<Issued> all();

    /** Stores contact-log entries; returns how many were new (the rest were already stored). */
    int storeContacts(String uploader, String uploadId, List<ContactEntry> entries, Instant at);

    /** Every entry {@code uploader} has uploaded, oldest first. */
    List<ContactEntry> contacts(String uploader);
}

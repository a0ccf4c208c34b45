package chatlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Chat messages and each recipient's inbox. A message stays in a recipient's inbox until the
 * recipient acknowledges it, so nothing acknowledged to a sender is lost by a dropped
 * connection or a restart.
 */
public interface MessageStore {
    /** What a send did, kept so that a retried send with the same key gets the same answer. */
    record Receipt(long messageId, int recipients, int offline, List<String> blockedBy) {
        public Receipt {
            blockedBy = List.copyOf(blockedBy);
        }
    }

    /** A message to store. {@code key} is the sender's idempotency key, or null. */
    record Outgoing(String sender, String mode, String text, Instant sentAt, String key) {
    }

    /** A message waiting in one recipient's inbox. */
    record Delivery(long seq, long messageId, String sender, String mode, String text, Instant sentAt) {
    }

    /** A stored message's id, and its inbox sequence numbers, one per recipient in the order given. */
    record Stored(long messageId, long[] seqs) {
    }

    /** Stores a message and puts it into each recipient's inbox, in one transaction. */
    Stored store(Outgoing message, Receipt receipt, List<String> recipients);

    /** The receipt of an earlier send by {@code sender} with {@code key}, if there was one. */
    Optional<Receipt> findByKey(String sender, String key);

    /** Inbox entries of {@code recipient} with {@code afterSeq < seq <= upToSeq}, oldest first. */
    List<Delivery> pending(String recipient, long afterSeq, long upToSeq, int limit);

    /** How many unacknowledged messages wait for {@code recipient}. */
    long pendingCount(String recipient);

    /** Drops {@code recipient}'s inbox entries up to and including {@code upToSeq}. */
    void acknowledge(String recipient, long upToSeq);

    /** The highest inbox sequence number ever given, or 0. */
    long lastSeq();
}

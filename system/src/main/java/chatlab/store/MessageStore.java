package chatlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * A message to store. {@code key} is the sender's idempotency key, or null; {@code group} the
     * group of a group message, or null; {@code format} null for plain text, else its wire name.
     */
    record Outgoing(String sender, String mode, String text, Instant sentAt, String key, String group, String format,
            List<String> except) {
        public Outgoing {
            except = except == null ? List.of() : List.copyOf(except);
        }

        public Outgoing(String sender, String mode, String text, Instant sentAt, String key) {
            this(sender, mode, text, sentAt, key, null, null, List.of());
        }
    }

    /** A message waiting in one recipient's inbox. */
    record Delivery(long seq, long messageId, String sender, String mode, String text, Instant sentAt, String group,
            String format) {
    }

    /**
     * A message as kept, for a group's history and for search. {@code snippet} and
     * {@code boardNumber} are set by search only (the latter for board posts, whose mode is
     * {@code board}).
     */
    record Kept(long messageId, String sender, String mode, String group, String text, String format, Instant sentAt,
            String snippet, Integer boardNumber) {
    }

    /**
     * A stored message's id, and its inbox sequence numbers, one per recipient in the order given;
     * or, when the sender's key was used before, that earlier send's receipt and nothing stored.
     */
    record Stored(long messageId, long[] seqs, Receipt earlier) {
        public Stored(long messageId, long[] seqs) {
            this(messageId, seqs, null);
        }
    }

    /**
     * Stores a message and puts it into each recipient's inbox, in one transaction, unless the
     * sender's key was used before (checked in the same transaction). Returns once that is
     * committed; {@code afterCommit}, if not null, runs first, in commit order: every write
     * committed before it has had its own, and none after it has.
     */
    Stored store(Outgoing message, Receipt receipt, List<String> recipients, Consumer<Stored> afterCommit);

    /**
     * Runs {@code action} in commit order: after the hooks of every write committed so far, and
     * before those of any later one. Returns once it ran.
     */
    void inCommitOrder(Runnable action);

    /** The receipt of an earlier send by {@code sender} with {@code key}, if there was one. */
    Optional<Receipt> findByKey(String sender, String key);

    /** Inbox entries of {@code recipient} with {@code afterSeq < seq <= upToSeq}, oldest first. */
    List<Delivery> pending(String recipient, long afterSeq, long upToSeq, int limit);

    /** How many unacknowledged messages wait for {@code recipient}. */
    long pendingCount(String recipient);

    /** Drops {@code recipient}'s inbox entries up to and including {@code upToSeq}. */
    void acknowledge(String recipient, long upToSeq);

    /** A group's messages with an id below {@code beforeId} (0: from the newest), newest first. */
    List<Kept> groupHistory(String group, long beforeId, int limit);

    /**
     * The messages {@code user} may see that match a full-text {@code match} expression (FTS5
     * syntax), best first: those they sent; those that named them; broadcasts and blockcasts
     * sent since they signed up that did not leave them out and that they do not block; their
     * groups'; and the board's.
     */
    List<Kept> search(String user, String match, int offset, int limit);

    /** The highest inbox sequence number ever given, or 0. */
    long lastSeq();
}

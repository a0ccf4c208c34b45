package chatlab.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link MessageStore} in the {@code messages} and {@code inbox} tables. */
public final class SqliteMessageStore implements MessageStore {
    private final Database db;

    public SqliteMessageStore(Database db) {
        this.db = db;
    }

    @Override
    public Stored store(Outgoing message, Receipt receipt, List<String> recipients) {
        return db.transaction(c -> {
            long messageId = Sql.insert(c, """
                    INSERT INTO messages(sender, mode, text, sent_at, idem_key, recipients, offline, blocked_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                    message.sender(), message.mode(), message.text(), message.sentAt().toEpochMilli(), message.key(),
                    receipt.recipients(), receipt.offline(), String.join(",", receipt.blockedBy()));
            long[] seqs = new long[recipients.size()];
            if (recipients.isEmpty()) {
                return new Stored(messageId, seqs);
            }
            try (PreparedStatement inbox = c.prepareStatement("INSERT INTO inbox(recipient, message_id) VALUES (?, ?)")) {
                for (String recipient : recipients) {
                    inbox.setString(1, recipient);
                    inbox.setLong(2, messageId);
                    inbox.addBatch();
                }
                inbox.executeBatch();
            }
            // One writer at a time and AUTOINCREMENT: the batch took consecutive numbers.
            long last = Sql.first(c, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).orElseThrow();
            for (int i = 0; i < seqs.length; i++) {
                seqs[i] = last - seqs.length + 1 + i;
            }
            return new Stored(messageId, seqs);
        });
    }

    @Override
    public Optional<Receipt> findByKey(String sender, String key) {
        return db.query(c -> Sql.first(c,
                "SELECT id, recipients, offline, blocked_by FROM messages WHERE sender = ? AND idem_key = ?",
                rs -> new Receipt(rs.getLong(1), rs.getInt(2), rs.getInt(3), names(rs.getString(4))), sender, key));
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    @Override
    public List<Delivery> pending(String recipient, long afterSeq, long upToSeq, int limit) {
        return db.query(c -> Sql.list(c, """
                SELECT i.seq, m.id, m.sender, m.mode, m.text, m.sent_at
                FROM inbox i JOIN messages m ON m.id = i.message_id
                WHERE i.recipient = ? AND i.seq > ? AND i.seq <= ?
                ORDER BY i.seq LIMIT ?""",
                rs -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Instant.ofEpochMilli(rs.getLong(6))),
                recipient, afterSeq, upToSeq, limit));
    }

    @Override
    public long pendingCount(String recipient) {
        return db.query(c -> Sql.first(c, "SELECT COUNT(*) FROM inbox WHERE recipient = ?", rs -> rs.getLong(1),
                recipient).orElse(0L));
    }

    @Override
    public void acknowledge(String recipient, long upToSeq) {
        db.transaction(c -> Sql.update(c, "DELETE FROM inbox WHERE recipient = ? AND seq <= ?", recipient, upToSeq));
    }

    @Override
    public long lastSeq() {
        return db.query(c -> Sql.first(c, "SELECT seq FROM sqlite_sequence WHERE name = 'inbox'", rs -> rs.getLong(1))
                .orElse(0L));
    }
}

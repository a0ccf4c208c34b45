package chatlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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
            long messageId;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO messages(sender, mode, text, sent_at, idem_key, recipients, offline, blocked_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                insert.setString(1, message.sender());
                insert.setString(2, message.mode());
                insert.setString(3, message.text());
                insert.setLong(4, message.sentAt().toEpochMilli());
                if (message.key() == null) {
                    insert.setNull(5, Types.VARCHAR);
                } else {
                    insert.setString(5, message.key());
                }
                insert.setInt(6, receipt.recipients());
                insert.setInt(7, receipt.offline());
                insert.setString(8, String.join(",", receipt.blockedBy()));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    messageId = rs.getLong(1);
                }
            }
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
            long last = lastInsertRowId(c);
            for (int i = 0; i < seqs.length; i++) {
                seqs[i] = last - seqs.length + 1 + i;
            }
            return new Stored(messageId, seqs);
        });
    }

    private static long lastInsertRowId(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public Optional<Receipt> findByKey(String sender, String key) {
        return db.query(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, recipients, offline, blocked_by FROM messages WHERE sender = ? AND idem_key = ?")) {
                select.setString(1, sender);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String blocked = rs.getString(4);
                    List<String> blockedBy = blocked.isEmpty() ? List.of() : Arrays.asList(blocked.split(","));
                    return Optional.of(new Receipt(rs.getLong(1), rs.getInt(2), rs.getInt(3), blockedBy));
                }
            }
        });
    }

    @Override
    public List<Delivery> pending(String recipient, long afterSeq, long upToSeq, int limit) {
        return db.query(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT i.seq, m.id, m.sender, m.mode, m.text, m.sent_at
                    FROM inbox i JOIN messages m ON m.id = i.message_id
                    WHERE i.recipient = ? AND i.seq > ? AND i.seq <= ?
                    ORDER BY i.seq LIMIT ?""")) {
                select.setString(1, recipient);
                select.setLong(2, afterSeq);
                select.setLong(3, upToSeq);
                select.setInt(4, limit);
                try (ResultSet rs = select.executeQuery()) {
                    List<Delivery> deliveries = new ArrayList<>();
                    while (rs.next()) {
                        deliveries.add(new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
                    }
                    return deliveries;
                }
            }
        });
    }

    @Override
    public long pendingCount(String recipient) {
        return db.query(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM inbox WHERE recipient = ?")) {
                select.setString(1, recipient);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void acknowledge(String recipient, long upToSeq) {
        db.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM inbox WHERE recipient = ? AND seq <= ?")) {
                delete.setString(1, recipient);
                delete.setLong(2, upToSeq);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public long lastSeq() {
        return db.query(c -> {
            try (Statement statement = c.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'inbox'")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}

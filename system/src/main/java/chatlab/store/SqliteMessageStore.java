package chatlab.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link MessageStore} in the {@code messages} and {@code inbox} tables. */
public final class SqliteMessageStore implements MessageStore {
    private final Database db;

    public SqliteMessageStore(Database db) {
        this.db = db;
    }

    @Override
    public Stored store(Outgoing message, Receipt receipt, List<String> recipients, Consumer<Stored> afterCommit) {
        return db.gatheredTransaction(c -> {
            if (message.key() != null) {
                Optional<Receipt> earlier = byKey(c, message.sender(), message.key());
                if (earlier.isPresent()) {
                    return new Stored(earlier.get().messageId(), new long[0], earlier.get());
                }
            }
            long messageId = Sql.insert(c, """
                    INSERT INTO messages(sender, mode, text, sent_at, idem_key, recipients, offline, blocked_by, grp, format,
                      rcpt, excluded)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                    message.sender(), message.mode(), message.text(), message.sentAt().toEpochMilli(), message.key(),
                    receipt.recipients(), receipt.offline(), String.join(",", receipt.blockedBy()), message.group(),
                    message.format(), named(message.mode()) ? delimited(recipients) : null,
                    message.except().isEmpty() ? null : delimited(message.except()));
            if (SearchIndex.due(messageId)) {
                SearchIndex.catchUp(c);
            }
            long[] seqs = new long[recipients.size()];
            if (recipients.isEmpty()) {
                return new Stored(messageId, seqs);
            }
            for (String recipient : recipients) {
                Sql.update(c, "INSERT INTO inbox(recipient, message_id) VALUES (?, ?)", recipient, messageId);
            }
            // One writer at a time and AUTOINCREMENT: the batch took consecutive numbers.
            long last = Sql.first(c, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).orElseThrow();
            for (int i = 0; i < seqs.length; i++) {
                seqs[i] = last - seqs.length + 1 + i;
            }
            return new Stored(messageId, seqs);
        }, afterCommit);
    }

    @Override
    public void inCommitOrder(Runnable action) {
        db.transaction(c -> null, ignored -> action.run());
    }

    @Override
    public Optional<Receipt> findByKey(String sender, String key) {
        return db.query(c -> byKey(c, sender, key));
    }

    private static Optional<Receipt> byKey(java.sql.Connection c, String sender, String key) throws java.sql.SQLException {
        return Sql.first(c, "SELECT id, recipients, offline, blocked_by FROM messages WHERE sender = ? AND idem_key = ?",
                rs -> new Receipt(rs.getLong(1), rs.getInt(2), rs.getInt(3), names(rs.getString(4))), sender, key);
    }

    private static boolean named(String mode) {
        return mode.equals("unicast") || mode.equals("multicast");
    }

    /** Names as {@code ,a,b,}, so that {@code instr(list, ',' || name || ',')} finds a whole name. */
    private static String delimited(List<String> names) {
        return "," + String.join(",", names) + ",";
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    @Override
    public List<Delivery> pending(String recipient, long afterSeq, long upToSeq, int limit) {
        return db.query(c -> Sql.list(c, """
                SELECT i.seq, m.id, m.sender, m.mode, m.text, m.sent_at, m.grp, m.format
                FROM inbox i JOIN messages m ON m.id = i.message_id
                WHERE i.recipient = ? AND i.seq > ? AND i.seq <= ?
                ORDER BY i.seq LIMIT ?""",
                rs -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), rs.getString(8)),
                recipient, afterSeq, upToSeq, limit));
    }

    @Override
    public long pendingCount(String recipient) {
        return db.query(c -> Sql.first(c, "SELECT COUNT(*) FROM inbox WHERE recipient = ?", rs -> rs.getLong(1),
                recipient).orElse(0L));
    }

    @Override
    public void acknowledge(String recipient, long upToSeq) {
        db.gatheredTransaction(c -> Sql.update(c, "DELETE FROM inbox WHERE recipient = ? AND seq <= ?", recipient, upToSeq),
                null);
    }

    @Override
    public List<Kept> groupHistory(String group, long beforeId, int limit) {
        return db.query(c -> Sql.list(c, """
                SELECT id, sender, mode, grp, text, format, sent_at FROM messages
                WHERE grp = ? AND id < ? ORDER BY id DESC LIMIT ?""",
                rs -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), null, null),
                group, beforeId <= 0 ? Long.MAX_VALUE : beforeId, limit));
    }

    @Override
    public List<Kept> search(String user, String match, int offset, int limit) {
        return db.transaction(c -> {
            SearchIndex.catchUp(c); // so that every message stored before is found
            return Sql.list(c, """
                    SELECT id, sender, mode, grp, text, format, at, snip, number FROM (
                      SELECT m.id, m.sender, m.mode, m.grp, m.text, m.format, m.sent_at AS at,
                             snippet(messages_fts, 0, '[', ']', '…', 16) AS snip, NULL AS number,
                             bm25(messages_fts) AS score
                      FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid
                      WHERE messages_fts MATCH ?1
                        AND (m.sender = ?2
                             OR (m.mode IN ('unicast', 'multicast') AND instr(m.rcpt, ',' || ?2 || ',') > 0)
                             OR (m.mode IN ('broadcast', 'blockcast')
                                 AND instr(',' || m.blocked_by || ',', ',' || ?2 || ',') = 0
                                 AND (m.excluded IS NULL OR instr(m.excluded, ',' || ?2 || ',') = 0)
                                 AND EXISTS (SELECT 1 FROM users u WHERE u.name = ?2 AND u.created_at / 1000 <= m.sent_at / 1000))
                             OR m.grp IN (SELECT grp FROM group_members WHERE user = ?2))
                      UNION ALL
                      SELECT b.id, b.user, 'board', NULL, b.text, NULL, b.at,
                             snippet(board_fts, 0, '[', ']', '…', 16), (SELECT COUNT(*) FROM board x WHERE x.id <= b.id),
                             bm25(board_fts)
                      FROM board_fts JOIN board b ON b.id = board_fts.rowid
                      WHERE board_fts MATCH ?1)
                    ORDER BY score, at DESC, id DESC LIMIT ?3 OFFSET ?4""",
                    rs -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8),
                            rs.getObject(9) == null ? null : rs.getInt(9)),
                    match, user, limit, offset);
        });
    }

    @Override
    public long lastSeq() {
        return db.query(c -> Sql.first(c, "SELECT seq FROM sqlite_sequence WHERE name = 'inbox'", rs -> rs.getLong(1))
                .orElse(0L));
    }
}

package chatlab.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The full-text index of chat messages, brought up to date in batches rather than one message at
 * a time. FTS5 writes a new segment for every transaction that adds to it, so indexing each
 * message as it is stored made every send's commit write several more pages; now a send indexes
 * only every {@value #EVERY}th message, taking everything stored since the last batch, and a
 * search brings the index up to date before it looks, so it still finds every message stored
 * before it. How far the index reaches is kept in {@code search_progress}, in the same
 * transactions, so a crash loses no place.
 */
final class SearchIndex {
    /** A send whose message id is a multiple of this indexes the messages stored since the last batch. */
    static final int EVERY = 256;

    private SearchIndex() {
    }

    /** Whether storing message {@code id} should index the batch it completes. */
    static boolean due(long id) {
        return id % EVERY == 0;
    }

    /** Indexes every message stored since the last batch; call inside a write transaction. */
    static void catchUp(Connection c) throws SQLException {
        long upTo = Sql.first(c, "SELECT indexed_up_to FROM search_progress WHERE name = 'messages'",
                rs -> rs.getLong(1)).orElse(0L);
        long last = Sql.first(c, "SELECT COALESCE(MAX(id), 0) FROM messages", rs -> rs.getLong(1)).orElse(0L);
        if (last <= upTo) {
            return;
        }
        Sql.update(c, "INSERT INTO messages_fts(rowid, text) SELECT id, text FROM messages WHERE id > ? AND id <= ? "
                + "ORDER BY id", upTo, last);
        Sql.update(c, "UPDATE search_progress SET indexed_up_to = ? WHERE name = 'messages'", last);
    }
}

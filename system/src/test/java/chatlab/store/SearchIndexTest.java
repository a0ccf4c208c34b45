package chatlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages are indexed for search in batches, and a search still finds every message stored before it. */
class SearchIndexTest {
    @TempDir
    Path dir;

    private static long indexedUpTo(Database db) {
        return db.query(c -> Sql.first(c, "SELECT indexed_up_to FROM search_progress WHERE name = 'messages'",
                rs -> rs.getLong(1)).orElseThrow());
    }

    private static void send(MessageStore store, int n) {
        store.store(new MessageStore.Outgoing("alice", "unicast", "note number n" + n, Instant.EPOCH, null),
                new MessageStore.Receipt(0, 1, 0, List.of()), List.of("bob"), null);
    }

    @Test
    void sendsIndexInBatchesAndSearchCatchesUpFirst() {
        try (Database db = Database.open(dir.resolve("chat.db"), Durability.NORMAL)) {
            MessageStore store = new SqliteMessageStore(db);
            int total = SearchIndex.EVERY + 44;
            for (int n = 1; n <= total; n++) {
                send(store, n);
            }
            assertThat(indexedUpTo(db)).as("the batch ending at a multiple of %d was indexed by its send", SearchIndex.EVERY)
                    .isEqualTo(SearchIndex.EVERY);
            assertThat(store.search("bob", "n" + total, 0, 10)).as("the newest message, not yet in a batch, is found")
                    .extracting(MessageStore.Kept::text).containsExactly("note number n" + total);
            assertThat(indexedUpTo(db)).isEqualTo(total);
            assertThat(store.search("bob", "note", 0, 1000)).as("each message once").hasSize(total);
        }
    }

    @Test
    void aVersionThreeDatabaseIsNotIndexedTwice() throws Exception {
        Path file = dir.resolve("v3.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.apply(c, 3);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO messages(sender, mode, text, sent_at, recipients, offline, blocked_by, rcpt) "
                        + "VALUES ('alice', 'unicast', 'indexed by the old trigger', 1000, 1, 0, '', ',bob,')");
            }
        }
        try (Database db = Database.open(file, Durability.NORMAL)) {
            MessageStore store = new SqliteMessageStore(db);
            send(store, 2);
            assertThat(store.search("bob", "indexed OR note", 0, 10)).extracting(MessageStore.Kept::text)
                    .containsExactlyInAnyOrder("indexed by the old trigger", "note number n2");
        }
    }
}

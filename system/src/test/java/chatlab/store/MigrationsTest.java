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

/**
 * A database made by an earlier build, opened by this one: nothing it held is lost, and search
 * covers it, the messages still waiting in an inbox with the recipients they named.
 */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void aVersionTwoDatabaseKeepsItsPendingMessagesAndBecomesSearchable() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.apply(c, 2);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO users(name, password_hash, created_at) VALUES ('alice', 'h', 0), ('bob', 'h', 0)");
                s.execute("INSERT INTO messages(sender, mode, text, sent_at, recipients, offline, blocked_by) "
                        + "VALUES ('alice', 'unicast', 'the old budget', 1000, 1, 1, '')");
                s.execute("INSERT INTO inbox(recipient, message_id) VALUES ('bob', 1)");
                s.execute("INSERT INTO board(user, text, at) VALUES ('alice', 'an old board budget', 1000)");
            }
            assertThat(Migrations.userVersion(c)).isEqualTo(2);
        }
        try (Database db = Database.open(file, Durability.NORMAL)) {
            MessageStore messages = new SqliteMessageStore(db);
            assertThat(messages.pendingCount("bob")).isEqualTo(1);
            assertThat(messages.search("bob", "\"budget\"", 0, 10)).extracting(MessageStore.Kept::text)
                    .containsExactlyInAnyOrder("the old budget", "an old board budget");
            assertThat(new SqliteProfileStore(db).search("\"alice\"", 0, 10)).containsExactly("alice");

            messages.acknowledge("bob", 1);
            assertThat(messages.pendingCount("bob")).isZero();
            assertThat(messages.pending("bob", 0, Long.MAX_VALUE, 10)).isEmpty();
            assertThat(messages.search("bob", "\"old\"", 0, 10)).as("the message named bob: still his to find")
                    .extracting(MessageStore.Kept::text).contains("the old budget");
            assertThat(messages.search("carol", "\"old\"", 0, 10)).as("carol was never named")
                    .extracting(MessageStore.Kept::text).containsExactly("an old board budget");
        }
    }

    @Test
    void theBoardIndexFollowsEditsAndDeletes() {
        try (Database db = Database.open(dir.resolve("board.db"), Durability.NORMAL)) {
            BoardStore board = new SqliteBoardStore(db);
            MessageStore messages = new SqliteMessageStore(db);
            long id = board.insert("alice", "lunch at noon", Instant.EPOCH);
            board.update(id, "dinner at eight", Instant.EPOCH);
            assertThat(messages.search("bob", "\"lunch\"", 0, 10)).isEmpty();
            assertThat(messages.search("bob", "\"dinner\"", 0, 10)).extracting(MessageStore.Kept::boardNumber)
                    .containsExactly(1);
            board.delete(id);
            assertThat(messages.search("bob", "\"dinner\"", 0, 10)).isEmpty();
            assertThat(List.of(Migrations.latest())).containsExactly(5);
        }
    }
}

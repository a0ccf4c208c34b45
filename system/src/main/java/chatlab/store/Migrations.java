package chatlab.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The schema, as numbered steps applied in order and tracked in {@code PRAGMA user_version}. */
final class Migrations {
    private static final List<List<String>> STEPS = List.of(
            List.of(
                    """
                    CREATE TABLE users (
                      name TEXT PRIMARY KEY,
                      password_hash TEXT NOT NULL,
                      created_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE blocks (
                      blocker TEXT NOT NULL,
                      blocked TEXT NOT NULL,
                      PRIMARY KEY (blocker, blocked)) WITHOUT ROWID""",
                    """
                    CREATE TABLE logins (
                      id INTEGER PRIMARY KEY,
                      user TEXT NOT NULL,
                      at INTEGER NOT NULL,
                      address TEXT,
                      udp_port INTEGER,
                      logout_at INTEGER)""",
                    "CREATE INDEX logins_at ON logins(at)",
                    """
                    CREATE TABLE board (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      user TEXT NOT NULL,
                      text TEXT NOT NULL,
                      at INTEGER NOT NULL,
                      edited INTEGER NOT NULL DEFAULT 0)""",
                    """
                    CREATE TABLE messages (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      sender TEXT NOT NULL,
                      mode TEXT NOT NULL,
                      text TEXT NOT NULL,
                      sent_at INTEGER NOT NULL,
                      idem_key TEXT,
                      recipients INTEGER NOT NULL,
                      offline INTEGER NOT NULL,
                      blocked_by TEXT NOT NULL)""",
                    "CREATE UNIQUE INDEX messages_key ON messages(sender, idem_key) WHERE idem_key IS NOT NULL",
                    """
                    CREATE TABLE inbox (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      recipient TEXT NOT NULL,
                      message_id INTEGER NOT NULL REFERENCES messages(id))""",
                    "CREATE INDEX inbox_recipient ON inbox(recipient, seq)"),
            List.of(
                    """
                    CREATE TABLE temp_ids (
                      temp_id TEXT PRIMARY KEY,
                      user TEXT NOT NULL,
                      start INTEGER NOT NULL,
                      expiry INTEGER NOT NULL)""",
                    "CREATE INDEX temp_ids_user ON temp_ids(user, start)",
                    """
                    CREATE TABLE contacts (
                      uploader TEXT NOT NULL,
                      temp_id TEXT NOT NULL,
                      start TEXT NOT NULL,
                      expiry TEXT NOT NULL,
                      upload_id TEXT NOT NULL,
                      uploaded_at INTEGER NOT NULL,
                      PRIMARY KEY (uploader, temp_id, start, expiry)) WITHOUT ROWID"""));

    private Migrations() {
    }

    /** The schema version this build writes. */
    static int latest() {
        return STEPS.size();
    }

    static void apply(Connection connection) throws SQLException {
        int current = userVersion(connection);
        if (current > latest()) {
            throw new SQLException("the database has schema version " + current
                    + ", newer than this build understands (" + latest() + ")");
        }
        for (int version = current + 1; version <= latest(); version++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : STEPS.get(version - 1)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + version);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}

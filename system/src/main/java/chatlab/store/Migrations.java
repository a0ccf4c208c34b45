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
                      PRIMARY KEY (uploader, temp_id, start, expiry)) WITHOUT ROWID"""),
            List.of(
                    // Compsys 302: groups, markdown, profiles, search. A message keeps whom it named
                    // (rcpt, for unicast and multicast) and left out (excluded, for blockcast), as
                    // ",a,b,", so search knows who may see it once the inbox entries are acknowledged
                    // and gone.
                    "ALTER TABLE messages ADD COLUMN grp TEXT",
                    "ALTER TABLE messages ADD COLUMN format TEXT",
                    "ALTER TABLE messages ADD COLUMN rcpt TEXT",
                    "ALTER TABLE messages ADD COLUMN excluded TEXT",
                    "CREATE INDEX messages_grp ON messages(grp, id) WHERE grp IS NOT NULL",
                    """
                    UPDATE messages SET rcpt = (SELECT ',' || group_concat(recipient, ',') || ','
                      FROM inbox WHERE inbox.message_id = messages.id)
                    WHERE mode IN ('unicast', 'multicast')""",
                    """
                    CREATE TABLE profiles (
                      user TEXT PRIMARY KEY,
                      display_name TEXT NOT NULL DEFAULT '',
                      about TEXT NOT NULL DEFAULT '',
                      avatar BLOB,
                      avatar_type TEXT,
                      updated_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE groups (
                      name TEXT PRIMARY KEY,
                      owner TEXT NOT NULL,
                      about TEXT NOT NULL DEFAULT '',
                      open INTEGER NOT NULL,
                      created_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE group_members (
                      grp TEXT NOT NULL,
                      user TEXT NOT NULL,
                      since INTEGER NOT NULL,
                      PRIMARY KEY (grp, user)) WITHOUT ROWID""",
                    "CREATE INDEX group_members_user ON group_members(user, grp)",
                    """
                    CREATE TABLE group_invites (
                      grp TEXT NOT NULL,
                      user TEXT NOT NULL,
                      invited_by TEXT NOT NULL,
                      at INTEGER NOT NULL,
                      PRIMARY KEY (grp, user)) WITHOUT ROWID""",
                    // full-text search: messages and the board as external content, kept by triggers
                    "CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', "
                            + "tokenize='unicode61 remove_diacritics 2')",
                    """
                    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                      INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
                    END""",
                    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
                    "CREATE VIRTUAL TABLE board_fts USING fts5(text, content='board', content_rowid='id', "
                            + "tokenize='unicode61 remove_diacritics 2')",
                    """
                    CREATE TRIGGER board_fts_insert AFTER INSERT ON board BEGIN
                      INSERT INTO board_fts(rowid, text) VALUES (new.id, new.text);
                    END""",
                    """
                    CREATE TRIGGER board_fts_delete AFTER DELETE ON board BEGIN
                      INSERT INTO board_fts(board_fts, rowid, text) VALUES ('delete', old.id, old.text);
                    END""",
                    """
                    CREATE TRIGGER board_fts_update AFTER UPDATE OF text ON board BEGIN
                      INSERT INTO board_fts(board_fts, rowid, text) VALUES ('delete', old.id, old.text);
                      INSERT INTO board_fts(rowid, text) VALUES (new.id, new.text);
                    END""",
                    "INSERT INTO board_fts(board_fts) VALUES ('rebuild')",
                    // the user directory: every account, with its profile's words once it has one
                    "CREATE VIRTUAL TABLE users_fts USING fts5(name, display_name, about, "
                            + "tokenize='unicode61 remove_diacritics 2')",
                    """
                    CREATE TRIGGER users_fts_insert AFTER INSERT ON users BEGIN
                      INSERT INTO users_fts(rowid, name, display_name, about) VALUES (new.rowid, new.name, '', '');
                    END""",
                    """
                    CREATE TRIGGER profiles_fts_insert AFTER INSERT ON profiles BEGIN
                      UPDATE users_fts SET display_name = new.display_name, about = new.about
                      WHERE rowid = (SELECT rowid FROM users WHERE name = new.user);
                    END""",
                    """
                    CREATE TRIGGER profiles_fts_update AFTER UPDATE ON profiles BEGIN
                      UPDATE users_fts SET display_name = new.display_name, about = new.about
                      WHERE rowid = (SELECT rowid FROM users WHERE name = new.user);
                    END""",
                    "INSERT INTO users_fts(rowid, name, display_name, about) SELECT rowid, name, '', '' FROM users"),
            List.of(
                    // Messages are indexed for search in batches, not one by one as they are stored:
                    // FTS5 writes a segment per transaction, which cost every send's commit several
                    // pages. search_progress says how far the index reaches (see SearchIndex).
                    "DROP TRIGGER messages_fts_insert",
                    """
                    CREATE TABLE search_progress (
                      name TEXT PRIMARY KEY,
                      indexed_up_to INTEGER NOT NULL) WITHOUT ROWID""",
                    "INSERT INTO search_progress VALUES ('messages', (SELECT COALESCE(MAX(id), 0) FROM messages))"),
            List.of(
                    // the key directory: each user's identity key, published by their client, for
                    // messages sealed end to end (the server never holds a private key)
                    """
                    CREATE TABLE identity_keys (
                      user TEXT PRIMARY KEY,
                      key BLOB NOT NULL,
                      updated_at INTEGER NOT NULL) WITHOUT ROWID"""));

    private Migrations() {
    }

    /** The schema version this build writes. */
    static int latest() {
        return STEPS.size();
    }

    static void apply(Connection connection) throws SQLException {
        apply(connection, latest());
    }

    /** Applies the steps up to {@code target}: an older schema, for the tests of upgrades. */
    static void apply(Connection connection, int target) throws SQLException {
        int current = userVersion(connection);
        if (current > latest()) {
            throw new SQLException("the database has schema version " + current
                    + ", newer than this build understands (" + latest() + ")");
        }
        for (int version = current + 1; version <= target; version++) {
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

package chatlab.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ProfileStore} in the {@code profiles} table, searched through {@code users_fts}. */
public final class SqliteProfileStore implements ProfileStore {
    private static final String ROW = "SELECT user, display_name, about, avatar_type, length(avatar), updated_at "
            + "FROM profiles WHERE user = ?";
    private final Database db;

    public SqliteProfileStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Row> find(String user) {
        return db.query(c -> Sql.first(c, ROW, SqliteProfileStore::row, user));
    }

    @Override
    public Row update(String user, String displayName, String about, Instant at) {
        return db.transaction(c -> {
            Sql.update(c, """
                    INSERT INTO profiles(user, display_name, about, updated_at) VALUES (?, coalesce(?, ''), coalesce(?, ''), ?)
                    ON CONFLICT(user) DO UPDATE SET display_name = coalesce(?, display_name),
                      about = coalesce(?, about), updated_at = excluded.updated_at""",
                    user, displayName, about, at.toEpochMilli(), displayName, about);
            return read(c, user);
        });
    }

    @Override
    public Row setAvatar(String user, Image image, Instant at) {
        return db.transaction(c -> {
            Sql.update(c, """
                    INSERT INTO profiles(user, avatar, avatar_type, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(user) DO UPDATE SET avatar = excluded.avatar, avatar_type = excluded.avatar_type,
                      updated_at = excluded.updated_at""",
                    user, image == null ? null : image.data(), image == null ? null : image.type(), at.toEpochMilli());
            return read(c, user);
        });
    }

    @Override
    public Optional<Image> avatar(String user) {
        return db.query(c -> Sql.first(c, "SELECT avatar_type, avatar FROM profiles WHERE user = ? AND avatar IS NOT NULL",
                rs -> new Image(rs.getString(1), rs.getBytes(2)), user));
    }

    @Override
    public List<String> search(String match, int offset, int limit) {
        return db.query(c -> Sql.list(c, """
                SELECT name FROM users_fts WHERE users_fts MATCH ?
                ORDER BY bm25(users_fts, 10.0, 5.0, 1.0), name LIMIT ? OFFSET ?""",
                rs -> rs.getString(1), match, limit, offset));
    }

    private static Row read(Connection c, String user) throws SQLException {
        return Sql.first(c, ROW, SqliteProfileStore::row, user).orElseThrow();
    }

    private static Row row(ResultSet rs) throws SQLException {
        int size = rs.getInt(5);
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.wasNull() ? null : size, Instant.ofEpochMilli(rs.getLong(6)));
    }
}

package chatlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link AccountStore} in the {@code users} table. */
public final class SqliteAccountStore implements AccountStore {
    private final Database db;

    public SqliteAccountStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(String user, String passwordHash, Instant createdAt) {
        return db.transaction(c -> Sql.update(c,
                "INSERT INTO users(name, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING",
                user, passwordHash, createdAt.toEpochMilli()) == 1);
    }

    @Override
    public Optional<String> passwordHash(String user) {
        return db.query(c -> Sql.first(c, "SELECT password_hash FROM users WHERE name = ?", rs -> rs.getString(1), user));
    }

    @Override
    public List<String> usernames() {
        return db.query(c -> Sql.list(c, "SELECT name FROM users ORDER BY name", rs -> rs.getString(1)));
    }
}

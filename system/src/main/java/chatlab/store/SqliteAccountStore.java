package chatlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
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
        return db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO users(name, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING")) {
                insert.setString(1, user);
                insert.setString(2, passwordHash);
                insert.setLong(3, createdAt.toEpochMilli());
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<String> passwordHash(String user) {
        return db.query(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT password_hash FROM users WHERE name = ?")) {
                select.setString(1, user);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<String> usernames() {
        return db.query(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT name FROM users ORDER BY name");
                    ResultSet rs = select.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        });
    }
}

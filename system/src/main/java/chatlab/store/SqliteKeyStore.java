package chatlab.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** {@link KeyStore} in the {@code identity_keys} table. */
public final class SqliteKeyStore implements KeyStore {
    private final Database db;

    public SqliteKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean publish(String user, byte[] key, Instant at) {
        return db.transaction(c -> {
            Optional<byte[]> before = Sql.first(c, "SELECT key FROM identity_keys WHERE user = ?", rs -> rs.getBytes(1),
                    user);
            if (before.isPresent() && Arrays.equals(before.get(), key)) {
                return false;
            }
            Sql.update(c, """
                    INSERT INTO identity_keys(user, key, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT(user) DO UPDATE SET key = excluded.key, updated_at = excluded.updated_at""",
                    user, key, at.toEpochMilli());
            return true;
        });
    }

    @Override
    public Optional<Published> find(String user) {
        return db.query(c -> Sql.first(c, "SELECT user, key, updated_at FROM identity_keys WHERE user = ?",
                rs -> new Published(rs.getString(1), rs.getBytes(2), Instant.ofEpochMilli(rs.getLong(3))), user));
    }
}

package chatlab.store;

import java.time.Instant;
import java.util.List;

/** {@link LoginStore} in the {@code logins} table. */
public final class SqliteLoginStore implements LoginStore {
    private final Database db;

    public SqliteLoginStore(Database db) {
        this.db = db;
    }

    @Override
    public long recordLogin(String user, Instant at, String address, Integer udpPort) {
        return db.transaction(c -> Sql.insert(c,
                "INSERT INTO logins(user, at, address, udp_port) VALUES (?, ?, ?, ?) RETURNING id",
                user, at.toEpochMilli(), address, udpPort));
    }

    @Override
    public void recordLogout(long loginId, Instant at) {
        db.transaction(c -> Sql.update(c, "UPDATE logins SET logout_at = ? WHERE id = ?", at.toEpochMilli(), loginId));
    }

    @Override
    public List<LastLogin> lastLoginsSince(Instant since, String afterUser, int limit) {
        return db.query(c -> Sql.list(c, """
                SELECT user, MAX(at) FROM logins
                WHERE at >= ? AND user > ?
                GROUP BY user ORDER BY user LIMIT ?""",
                rs -> new LastLogin(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))),
                since.toEpochMilli(), afterUser == null ? "" : afterUser, limit));
    }
}

package chatlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link LoginStore} in the {@code logins} table. */
public final class SqliteLoginStore implements LoginStore {
    private final Database db;

    public SqliteLoginStore(Database db) {
        this.db = db;
    }

    @Override
    public long recordLogin(String user, Instant at, String address, Integer udpPort) {
        return db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO logins(user, at, address, udp_port) VALUES (?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, user);
                insert.setLong(2, at.toEpochMilli());
                insert.setString(3, address);
                if (udpPort == null) {
                    insert.setNull(4, Types.INTEGER);
                } else {
                    insert.setInt(4, udpPort);
                }
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void recordLogout(long loginId, Instant at) {
        db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE logins SET logout_at = ? WHERE id = ?")) {
                update.setLong(1, at.toEpochMilli());
                update.setLong(2, loginId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<LastLogin> lastLoginsSince(Instant since, String afterUser, int limit) {
        return db.query(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT user, MAX(at) FROM logins
                    WHERE at >= ? AND user > ?
                    GROUP BY user ORDER BY user LIMIT ?""")) {
                select.setLong(1, since.toEpochMilli());
                select.setString(2, afterUser == null ? "" : afterUser);
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    List<LastLogin> logins = new ArrayList<>();
                    while (rs.next()) {
                        logins.add(new LastLogin(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
                    }
                    return logins;
                }
            }
        });
    }
}

package chatlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link BoardStore} in the {@code board} table. */
public final class SqliteBoardStore implements BoardStore {
    private final Database db;

    public SqliteBoardStore(Database db) {
        this.db = db;
    }

    @Override
    public long insert(String user, String text, Instant at) {
        return db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO board(user, text, at) VALUES (?, ?, ?) RETURNING id")) {
                insert.setString(1, user);
                insert.setString(2, text);
                insert.setLong(3, at.toEpochMilli());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void update(long id, String text, Instant at) {
        db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE board SET text = ?, at = ?, edited = 1 WHERE id = ?")) {
                update.setString(1, text);
                update.setLong(2, at.toEpochMilli());
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void delete(long id) {
        db.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM board WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<Row> all() {
        return db.query(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, user, text, at, edited FROM board ORDER BY id");
                    ResultSet rs = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5) == 1));
                }
                return rows;
            }
        });
    }
}

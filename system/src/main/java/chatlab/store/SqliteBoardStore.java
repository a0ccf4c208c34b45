package chatlab.store;

import java.time.Instant;
import java.util.List;

/** {@link BoardStore} in the {@code board} table. */
public final class SqliteBoardStore implements BoardStore {
    private final Database db;

    public SqliteBoardStore(Database db) {
        this.db = db;
    }

    @Override
    public long insert(String user, String text, Instant at) {
        return db.transaction(c -> Sql.insert(c, "INSERT INTO board(user, text, at) VALUES (?, ?, ?) RETURNING id",
                user, text, at.toEpochMilli()));
    }

    @Override
    public void update(long id, String text, Instant at) {
        db.transaction(c -> Sql.update(c, "UPDATE board SET text = ?, at = ?, edited = 1 WHERE id = ?",
                text, at.toEpochMilli(), id));
    }

    @Override
    public void delete(long id) {
        db.transaction(c -> Sql.update(c, "DELETE FROM board WHERE id = ?", id));
    }

    @Override
    public void clear() {
        db.transaction(c -> Sql.update(c, "DELETE FROM board"));
    }

    @Override
    public List<Row> all() {
        return db.query(c -> Sql.list(c, "SELECT id, user, text, at, edited FROM board ORDER BY id",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getInt(5) == 1)));
    }
}

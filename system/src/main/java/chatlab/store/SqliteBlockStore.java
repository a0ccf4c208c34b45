package chatlab.store;

import java.util.List;

/** {@link BlockStore} in the {@code blocks} table. */
public final class SqliteBlockStore implements BlockStore {
    private final Database db;

    public SqliteBlockStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean block(String blocker, String blocked) {
        return db.transaction(c -> Sql.update(c,
                "INSERT INTO blocks(blocker, blocked) VALUES (?, ?) ON CONFLICT DO NOTHING", blocker, blocked) == 1);
    }

    @Override
    public boolean unblock(String blocker, String blocked) {
        return db.transaction(c -> Sql.update(c,
                "DELETE FROM blocks WHERE blocker = ? AND blocked = ?", blocker, blocked) == 1);
    }

    @Override
    public List<Block> all() {
        return db.query(c -> Sql.list(c, "SELECT blocker, blocked FROM blocks",
                rs -> new Block(rs.getString(1), rs.getString(2))));
    }
}

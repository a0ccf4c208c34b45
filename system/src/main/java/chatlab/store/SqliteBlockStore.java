package chatlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** {@link BlockStore} in the {@code blocks} table. */
public final class SqliteBlockStore implements BlockStore {
    private final Database db;

    public SqliteBlockStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean block(String blocker, String blocked) {
        return update("INSERT INTO blocks(blocker, blocked) VALUES (?, ?) ON CONFLICT DO NOTHING", blocker, blocked);
    }

    @Override
    public boolean unblock(String blocker, String blocked) {
        return update("DELETE FROM blocks WHERE blocker = ? AND blocked = ?", blocker, blocked);
    }

    private boolean update(String sql, String blocker, String blocked) {
        return db.transaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, blocker);
                statement.setString(2, blocked);
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Block> all() {
        return db.query(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT blocker, blocked FROM blocks");
                    ResultSet rs = select.executeQuery()) {
                List<Block> blocks = new ArrayList<>();
                while (rs.next()) {
                    blocks.add(new Block(rs.getString(1), rs.getString(2)));
                }
                return blocks;
            }
        });
    }
}

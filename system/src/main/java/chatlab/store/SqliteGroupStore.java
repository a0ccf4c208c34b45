package chatlab.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link GroupStore} in the {@code groups}, {@code group_members} and {@code group_invites} tables. */
public final class SqliteGroupStore implements GroupStore {
    private static final String GROUP = "SELECT g.name, g.owner, g.about, g.open, g.created_at, "
            + "(SELECT COUNT(*) FROM group_members m WHERE m.grp = g.name) FROM groups g ";
    private final Database db;

    public SqliteGroupStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(String name, String owner, String about, boolean open, Instant at) {
        return db.transaction(c -> {
            if (Sql.update(c, "INSERT INTO groups(name, owner, about, open, created_at) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT(name) DO NOTHING", name, owner, about == null ? "" : about, open ? 1 : 0,
                    at.toEpochMilli()) == 0) {
                return false;
            }
            Sql.update(c, "INSERT INTO group_members(grp, user, since) VALUES (?, ?, ?)", name, owner, at.toEpochMilli());
            return true;
        });
    }

    @Override
    public Optional<Group> find(String name) {
        return db.query(c -> Sql.first(c, GROUP + "WHERE g.name = ?", SqliteGroupStore::group, name));
    }

    @Override
    public boolean join(String group, String user, Instant at) {
        return db.transaction(c -> {
            Sql.update(c, "DELETE FROM group_invites WHERE grp = ? AND user = ?", group, user);
            return Sql.update(c, "INSERT INTO group_members(grp, user, since) VALUES (?, ?, ?) "
                    + "ON CONFLICT(grp, user) DO NOTHING", group, user, at.toEpochMilli()) == 1;
        });
    }

    @Override
    public boolean leave(String group, String user) {
        return db.transaction(c -> Sql.update(c, "DELETE FROM group_members WHERE grp = ? AND user = ?", group, user) == 1);
    }

    @Override
    public boolean isMember(String group, String user) {
        return db.query(c -> Sql.first(c, "SELECT 1 FROM group_members WHERE grp = ? AND user = ?", rs -> true,
                group, user).isPresent());
    }

    @Override
    public boolean invite(String group, String user, String by, Instant at) {
        return db.transaction(c -> Sql.update(c, "INSERT INTO group_invites(grp, user, invited_by, at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT(grp, user) DO NOTHING", group, user, by, at.toEpochMilli()) == 1);
    }

    @Override
    public boolean isInvited(String group, String user) {
        return db.query(c -> Sql.first(c, "SELECT 1 FROM group_invites WHERE grp = ? AND user = ?", rs -> true,
                group, user).isPresent());
    }

    @Override
    public List<Member> members(String group, String afterUser, int limit) {
        return db.query(c -> Sql.list(c, "SELECT user, since FROM group_members WHERE grp = ? AND user > ? "
                + "ORDER BY user LIMIT ?", rs -> new Member(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))),
                group, afterUser == null ? "" : afterUser, limit));
    }

    @Override
    public List<String> memberNames(String group) {
        return db.query(c -> Sql.list(c, "SELECT user FROM group_members WHERE grp = ? ORDER BY user",
                rs -> rs.getString(1), group));
    }

    @Override
    public List<Listed> visibleTo(String user, String afterName, int limit) {
        return db.query(c -> Sql.list(c, "SELECT * FROM (SELECT g.name, g.owner, g.about, g.open, g.created_at, "
                + "(SELECT COUNT(*) FROM group_members m WHERE m.grp = g.name), "
                + "EXISTS (SELECT 1 FROM group_members m WHERE m.grp = g.name AND m.user = ?1) AS member "
                + "FROM groups g WHERE g.name > ?2) "
                + "WHERE open = 1 OR member OR EXISTS (SELECT 1 FROM group_invites i WHERE i.grp = name AND i.user = ?1) "
                + "ORDER BY name LIMIT ?3",
                rs -> new Listed(group(rs), rs.getInt(7) == 1), user, afterName == null ? "" : afterName, limit));
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6));
    }
}

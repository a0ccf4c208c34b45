package chatlab.store;

import chatlab.protocol.ContactEntry;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link TracingStore} in the {@code temp_ids} and {@code contacts} tables. */
public final class SqliteTracingStore implements TracingStore {
    private final Database db;

    public SqliteTracingStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean issue(Issued id) {
        return db.transaction(c -> Sql.update(c,
                "INSERT INTO temp_ids(temp_id, user, start, expiry) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id.tempId(), id.user(), id.start().toEpochMilli(), id.expiry().toEpochMilli()) == 1);
    }

    @Override
    public Optional<Issued> find(String tempId) {
        return db.query(c -> Sql.first(c, "SELECT temp_id, user, start, expiry FROM temp_ids WHERE temp_id = ?",
                rs -> new Issued(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4))), tempId));
    }

    @Override
    public List<Issued> all() {
        return db.query(c -> Sql.list(c, "SELECT temp_id, user, start, expiry FROM temp_ids ORDER BY rowid",
                rs -> new Issued(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)))));
    }

    @Override
    public int storeContacts(String uploader, String uploadId, List<ContactEntry> entries, Instant at) {
        return db.transaction(c -> {
            int stored = 0;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO contacts(uploader, temp_id, start, expiry, upload_id, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                for (ContactEntry e : entries) {
                    insert.setString(1, uploader);
                    insert.setString(2, e.tempId());
                    insert.setString(3, e.start());
                    insert.setString(4, e.expiry());
                    insert.setString(5, uploadId);
                    insert.setLong(6, at.toEpochMilli());
                    stored += insert.executeUpdate();
                }
            }
            return stored;
        });
    }

    @Override
    public List<ContactEntry> contacts(String uploader) {
        return db.query(c -> Sql.list(c, "SELECT temp_id, start, expiry FROM contacts WHERE uploader = ? "
                + "ORDER BY uploaded_at, start, temp_id",
                rs -> new ContactEntry(rs.getString(1), rs.getString(2), rs.getString(3)), uploader));
    }
}

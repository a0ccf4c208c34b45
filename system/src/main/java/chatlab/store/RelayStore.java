package chatlab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client's own SQLite file for direct messages ({@code direct.db} in its data folder): what it
 * holds as a relay for other users (messages sealed for their recipients, which it cannot read,
 * and the recipients' receipts waiting for their senders), bounded in count and bytes per sender
 * and in all, and in time; the messages it has shown, so that a copy from a second relay or
 * after a restart is not shown again; and its own messages handed to relays, with their
 * outcomes. Every method is one transaction; times are milliseconds since the epoch, passed in.
 */
public final class RelayStore implements AutoCloseable {
    /** The file's name in a client's data folder. */
    public static final String FILE = "direct.db";

    /** How much a relay holds for others. */
    public record Limits(int perSenderCount, long perSenderBytes, int totalCount, long totalBytes, Duration longest) {
        /** 100 messages or 256 KiB from one sender, 10,000 or 16 MiB in all, for at most 7 days. */
        public static final Limits DEFAULT = new Limits(100, 256 << 10, 10_000, 16 << 20, Duration.ofDays(7));

        public Limits {
            if (perSenderCount < 0 || perSenderBytes < 0 || totalCount < 0 || totalBytes < 0 || longest.isNegative()) {
                throw new IllegalArgumentException("relay limits cannot be negative");
            }
        }
    }

    /** Why a relay refuses to hold a message: a stable code, on the wire in its answer. */
    public enum Refusal {
        /** The sender already has as many messages or bytes held here as one sender may. */
        SENDER_LIMIT("sender_limit"),
        /** The relay holds as much as it will for everyone. */
        RELAY_FULL("relay_full"),
        /** The relay holds nothing for others. */
        NOT_RELAYING("not_relaying");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The refusal with this code; empty for one this version does not know. */
        public static Optional<Refusal> of(String code) {
            for (Refusal r : values()) {
                if (r.code.equals(code)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** A relay's answer to a message offered to it. */
    public sealed interface Hold {
        /** Held until {@code expiresAt}. */
        record Held(long expiresAt) implements Hold {
        }

        /** Not held, and why. */
        record Refused(Refusal reason, String message) implements Hold {
        }
    }

    /** What a relay holds, to pass on to {@code forUser}: a message for its recipient, or a receipt for its sender. */
    public record HeldDatagram(String sender, long messageId, String recipient, boolean receipt, byte[] datagram) {
        /** The user it waits for. */
        public String forUser() {
            return receipt ? sender : recipient;
        }
    }

    /** Where a message this client handed to relays stands. */
    public enum Outcome {
        HELD, DELIVERED, EXPIRED
    }

    /** One of this client's own messages handed to relays. */
    public record Outbound(long messageId, String recipient, int relays, long expiresAt, Outcome outcome) {
    }

    private final Connection connection;
    private final Limits limits;
    /** How long a message shown is remembered: longer than any relay holds a copy. */
    private final long rememberMillis;

    private RelayStore(Connection connection, Limits limits) {
        this.connection = connection;
        this.limits = limits;
        this.rememberMillis = Math.max(limits.longest().toMillis(), Limits.DEFAULT.longest().toMillis()) * 2;
    }

    /** Opens (making it if needed) the store in {@code folder}. */
    public static RelayStore open(Path folder, Limits limits) {
        try {
            Files.createDirectories(folder);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(FILE).toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS held (
                          sender TEXT NOT NULL,
                          id INTEGER NOT NULL,
                          recipient TEXT NOT NULL,
                          receipt INTEGER NOT NULL,
                          for_user TEXT NOT NULL,
                          datagram BLOB NOT NULL,
                          bytes INTEGER NOT NULL,
                          expires_at INTEGER NOT NULL,
                          PRIMARY KEY (sender, id, receipt))""");
                s.execute("CREATE INDEX IF NOT EXISTS held_for ON held(for_user)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS shown (
                          sender TEXT NOT NULL,
                          id INTEGER NOT NULL,
                          at INTEGER NOT NULL,
                          PRIMARY KEY (sender, id))""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS outbound (
                          id INTEGER PRIMARY KEY,
                          recipient TEXT NOT NULL,
                          relays INTEGER NOT NULL,
                          expires_at INTEGER NOT NULL,
                          outcome TEXT NOT NULL)""");
            }
            return new RelayStore(c, limits);
        } catch (java.io.IOException | SQLException e) {
            throw new StoreException("cannot open " + folder.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private synchronized <T> T transaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("the direct-message store failed: " + e.getMessage(), e);
        }
    }

    /**
     * Holds {@code datagram}, a message from {@code sender} sealed for {@code recipient}, for
     * {@code asked} or this relay's longest hold if shorter; or refuses. The same message
     * offered again (its answer lost) is answered as before, with the time it has left.
     */
    public Hold hold(String sender, long messageId, String recipient, byte[] datagram, Duration asked, long now) {
        return transaction(c -> {
            Optional<Long> already = Sql.first(c, "SELECT expires_at FROM held WHERE sender = ? AND id = ? AND receipt = 0",
                    rs -> rs.getLong(1), sender, messageId);
            if (already.isPresent()) {
                return new Hold.Held(already.get());
            }
            if (limits.totalCount() == 0 || limits.longest().isZero()) {
                return new Hold.Refused(Refusal.NOT_RELAYING, "this client holds no messages for others");
            }
            long[] mine = Sql.first(c, "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM held WHERE sender = ? AND receipt = 0",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, sender).orElseThrow();
            if (mine[0] + 1 > limits.perSenderCount() || mine[1] + datagram.length > limits.perSenderBytes()) {
                return new Hold.Refused(Refusal.SENDER_LIMIT, String.format("holds %d messages (%d bytes) from %s "
                        + "already; %d or %d bytes at most from one sender", mine[0], mine[1], sender,
                        limits.perSenderCount(), limits.perSenderBytes()));
            }
            long[] all = Sql.first(c, "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM held", rs -> new long[] {rs.getLong(1),
                    rs.getLong(2)}).orElseThrow();
            if (all[0] + 1 > limits.totalCount() || all[1] + datagram.length > limits.totalBytes()) {
                return new Hold.Refused(Refusal.RELAY_FULL, String.format("holds %d messages (%d bytes) for others; "
                        + "%d or %d bytes at most", all[0], all[1], limits.totalCount(), limits.totalBytes()));
            }
            long expiresAt = now + Math.min(asked.toMillis(), limits.longest().toMillis());
            Sql.update(c, "INSERT INTO held(sender, id, recipient, receipt, for_user, datagram, bytes, expires_at) "
                    + "VALUES (?, ?, ?, 0, ?, ?, ?, ?)", sender, messageId, recipient, recipient, datagram, datagram.length,
                    expiresAt);
            return new Hold.Held(expiresAt);
        });
    }

    /** Everything held for {@code user} and not expired: messages for them, then receipts for them. */
    public List<HeldDatagram> heldFor(String user, long now) {
        return transaction(c -> Sql.list(c, "SELECT sender, id, recipient, receipt, datagram FROM held "
                + "WHERE for_user = ? AND expires_at > ? ORDER BY receipt, rowid", rs -> new HeldDatagram(rs.getString(1),
                        rs.getLong(2), rs.getString(3), rs.getInt(4) == 1, rs.getBytes(5)), user, now));
    }

    /** The users something is held for. */
    public List<String> waitingUsers(long now) {
        return transaction(c -> Sql.list(c, "SELECT DISTINCT for_user FROM held WHERE expires_at > ?",
                rs -> rs.getString(1), now));
    }

    /**
     * The recipient's receipt for a message held here came at {@code now}: the message is let go
     * and the receipt kept for its sender until the message's hold ends or for this relay's
     * longest hold from now, whichever is later (a sender away past the hold still learns that it
     * arrived). False when no such message was held (a copy of the receipt, or one from someone
     * else).
     */
    public boolean delivered(String sender, long messageId, String recipient, byte[] receipt, long now) {
        return transaction(c -> {
            Optional<Long> expiresAt = Sql.first(c, "DELETE FROM held WHERE sender = ? AND id = ? AND recipient = ? "
                    + "AND receipt = 0 RETURNING expires_at", rs -> rs.getLong(1), sender, messageId, recipient);
            if (expiresAt.isEmpty()) {
                return false;
            }
            long keptUntil = Math.max(expiresAt.get(), now + limits.longest().toMillis());
            Sql.update(c, "INSERT OR IGNORE INTO held(sender, id, recipient, receipt, for_user, datagram, bytes, expires_at) "
                    + "VALUES (?, ?, ?, 1, ?, ?, ?, ?)", sender, messageId, recipient, sender, receipt, receipt.length,
                    keptUntil);
            return true;
        });
    }

    /** The sender took the receipt held for it: let it go. */
    public boolean receiptTaken(String sender, long messageId) {
        return transaction(c -> Sql.update(c, "DELETE FROM held WHERE sender = ? AND id = ? AND receipt = 1", sender,
                messageId) > 0);
    }

    /** Lets go of everything held past its time, and of messages shown long enough ago; returns how many held went. */
    public int expire(long now) {
        return transaction(c -> {
            Sql.update(c, "DELETE FROM shown WHERE at < ?", now - rememberMillis);
            return Sql.update(c, "DELETE FROM held WHERE expires_at <= ?", now);
        });
    }

    /** Records that the message {@code messageId} from {@code sender} was shown; false if it was before. */
    public boolean firstShowing(String sender, long messageId, long now) {
        return transaction(c -> Sql.update(c, "INSERT OR IGNORE INTO shown(sender, id, at) VALUES (?, ?, ?)", sender,
                messageId, now) > 0);
    }

    /** Records this client's message handed to {@code relays} relays, held until {@code expiresAt} at the latest. */
    public void handedOver(long messageId, String recipient, int relays, long expiresAt) {
        transaction(c -> Sql.update(c, "INSERT OR REPLACE INTO outbound(id, recipient, relays, expires_at, outcome) "
                + "VALUES (?, ?, ?, ?, ?)", messageId, recipient, relays, expiresAt, Outcome.HELD.name()));
    }

    public Optional<Outbound> outbound(long messageId) {
        return transaction(c -> Sql.first(c, "SELECT id, recipient, relays, expires_at, outcome FROM outbound WHERE id = ?",
                RelayStore::outboundRow, messageId));
    }

    /**
     * A receipt came for a message handed to relays: true the first time, whether it was still
     * held or its sender was told it expired (its receipt was with a relay that was away then).
     */
    public boolean deliveredLater(long messageId) {
        return transaction(c -> Sql.update(c, "UPDATE outbound SET outcome = ? WHERE id = ? AND outcome IN (?, ?)",
                Outcome.DELIVERED.name(), messageId, Outcome.HELD.name(), Outcome.EXPIRED.name()) > 0);
    }

    /** Marks this client's held messages whose time ran out as expired, and returns them. */
    public List<Outbound> expireOutbound(long now) {
        return transaction(c -> Sql.list(c, "UPDATE outbound SET outcome = ? WHERE outcome = ? AND expires_at <= ? "
                + "RETURNING id, recipient, relays, expires_at, outcome", RelayStore::outboundRow, Outcome.EXPIRED.name(),
                Outcome.HELD.name(), now));
    }

    private static Outbound outboundRow(java.sql.ResultSet rs) throws SQLException {
        return new Outbound(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), Outcome.valueOf(rs.getString(5)));
    }

    @Override
    public synchronized void close() {
        try {
            Sql.forget(connection);
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the direct-message store: " + e.getMessage(), e);
        }
    }
}

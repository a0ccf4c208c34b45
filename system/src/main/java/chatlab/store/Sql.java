package chatlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/** The few JDBC patterns the stores need: bind parameters, run, map rows. */
final class Sql {
    /** Reads one row into a value. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        Statement statement = prepare(c, sql, params);
        try (ResultSet rs = statement.prepared().executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.map(rs));
            }
            return rows;
        } finally {
            statement.release();
        }
    }

    static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        Statement statement = prepare(c, sql, params);
        try (ResultSet rs = statement.prepared().executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
        } finally {
            statement.release();
        }
    }

    /** Runs a statement ending in {@code RETURNING id} and returns the id. */
    static long insert(Connection c, String sql, Object... params) throws SQLException {
        return first(c, sql, rs -> rs.getLong(1), params).orElseThrow(() -> new SQLException("no id returned"));
    }

    /** Runs an INSERT, UPDATE, DELETE or other statement and returns how many rows it changed. */
    static int update(Connection c, String sql, Object... params) throws SQLException {
        Statement statement = prepare(c, sql, params);
        try {
            return statement.prepared().executeUpdate();
        } finally {
            statement.release();
        }
    }

    /**
     * A prepared statement lent out: a cached one, kept open for the next use of the same SQL on
     * the same connection, or, when that one is already lent (a query inside a query's row), a
     * fresh one closed on release.
     */
    private record Statement(PreparedStatement prepared, Cached cached) {
        void release() throws SQLException {
            if (cached == null) {
                prepared.close();
            } else {
                cached.lent = false;
            }
        }
    }

    private static final class Cached {
        final PreparedStatement statement;
        boolean lent;

        Cached(PreparedStatement statement) {
            this.statement = statement;
        }
    }

    /** The most statements kept per connection; the least recently used one is closed beyond it. */
    static final int CACHED_STATEMENTS = 128;

    /**
     * Prepared statements by connection and SQL. SQLite compiles a statement each time it is
     * prepared, which cost as much as running the statement on the send path; the stores use a
     * few dozen fixed SQL texts, so each is compiled once per connection. Each connection is used
     * by one thread at a time (its {@link Database}'s lock), and so is its cache.
     */
    private static final Map<Connection, Map<String, Cached>> CACHES = Collections.synchronizedMap(new WeakHashMap<>());

    private static Statement prepare(Connection c, String sql, Object... params) throws SQLException {
        Map<String, Cached> cache = CACHES.computeIfAbsent(c, k -> new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                if (size() <= CACHED_STATEMENTS || eldest.getValue().lent) {
                    return false;
                }
                closeQuietly(eldest.getValue().statement);
                return true;
            }
        });
        Cached cached = cache.get(sql);
        if (cached != null && !cached.lent && cached.statement.isClosed()) {
            cache.remove(sql);
            cached = null;
        }
        Statement statement;
        if (cached != null && cached.lent) {
            statement = new Statement(c.prepareStatement(sql), null); // the same SQL inside its own row: one of its own
        } else {
            if (cached == null) {
                cached = new Cached(c.prepareStatement(sql));
                cache.put(sql, cached);
            }
            cached.lent = true;
            cached.statement.clearParameters();
            statement = new Statement(cached.statement, cached);
        }
        try {
            for (int i = 0; i < params.length; i++) {
                Object value = params[i];
                if (value == null) {
                    statement.prepared().setNull(i + 1, Types.NULL);
                } else {
                    statement.prepared().setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.release();
            throw e;
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // a statement that will not close is dropped all the same
        }
    }

    /** Closes and forgets the statements kept for {@code c}, before it closes. */
    static void forget(Connection c) {
        Map<String, Cached> cache = CACHES.remove(c);
        if (cache != null) {
            cache.values().forEach(cached -> closeQuietly(cached.statement));
        }
    }
}

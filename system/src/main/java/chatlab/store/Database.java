package chatlab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file in WAL mode, used through a single connection. SQLite takes one writer at a
 * time anyway; one connection behind a lock keeps every transaction serial and simple.
 */
public final class Database implements AutoCloseable {
    private final Path path;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private Database(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database at {@code path} and brings its schema up to date. */
    public static Database open(Path path, Durability durability) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for " + path + ": " + e.getMessage(), e);
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = " + durability.name());
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA busy_timeout = 10000");
            }
            Migrations.apply(connection);
            return new Database(path, connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
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
            throw new StoreException("database write failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} outside an explicit transaction, for reads. */
    public <T> T query(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the database " + path + " is closed", null);
        }
    }

    /** Checkpoints the write-ahead log into the main file and closes the connection. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("closing the database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}

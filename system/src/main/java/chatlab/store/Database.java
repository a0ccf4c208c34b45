package chatlab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One SQLite file in WAL mode, used through a single connection that holds the file's lock
 * until it closes: no other process may open the file meanwhile. SQLite takes one writer at a
 * time anyway; one connection behind a lock keeps every transaction serial and simple, and
 * transactions that arrive while another commits share the next commit (see
 * {@link #transaction(SqlWork, Consumer)}).
 */
public final class Database implements AutoCloseable {
    private final Path path;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** Transactions waiting for a commit, in the order they arrived. */
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    /** Commits and the transactions they held: written under {@link #lock}, read by anyone. */
    private volatile long commits;
    private volatile long committed;
    private boolean closed;

    /** The most transactions one commit holds, so that a burst does not make one commit long. */
    static final int MOST_PER_COMMIT = 256;
    /** Whether a gathered transaction's caller waits for others ({@link #gatheredTransaction}). */
    private final GatherPolicy gathering = new GatherPolicy(System.nanoTime());

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
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            // Inserts return their ids with RETURNING; otherwise the driver runs a SELECT of its
            // own, prepared anew, after every INSERT, in case its generated keys are asked for.
            config.setGetGeneratedKeys(false);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath(),
                    config.toProperties());
            try (Statement statement = connection.createStatement()) {
                // The server is the file's only user: holding its lock for as long as it runs spares
                // SQLite the shared-memory index and the file locks it takes around every
                // transaction (ten fcntl calls per message sent), and keeps a second server off it.
                statement.execute("PRAGMA locking_mode = EXCLUSIVE");
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
        return transaction(work, null);
    }

    /**
     * Runs {@code work} in a transaction and returns once it is committed; then, still in commit
     * order and before any later transaction's hook, runs {@code afterCommit} with its result.
     *
     * <p>Transactions that arrive while another commits are committed together (group commit):
     * the caller that takes the connection runs every transaction waiting, commits once, runs
     * their hooks in order, and wakes their callers. If one fails, the others run again each on
     * its own, so that one failure undoes only its own work: {@code work} may therefore run more
     * than once, and must touch nothing but the database (only its last run counts). A caller
     * returns only after the commit that holds its work, so nothing is acknowledged before it is
     * durable; and a commit's cost, SQLite's writing of the write-ahead log, is shared by all that
     * arrived during the one before (and see {@link #gatheredTransaction}).
     */
    public <T> T transaction(SqlWork<T> work, Consumer<? super T> afterCommit) {
        return transaction(work, afterCommit, false);
    }

    /**
     * As {@link #transaction(SqlWork, Consumer)}, for the transactions that come many to a
     * moment (a message's send, its acknowledgement): on a virtual thread, while such
     * transactions arrive closer together than {@link GatherPolicy#WITHIN_COMMITS} commits last, the
     * caller first lets the virtual threads that are ready to run go, so that those on their way
     * to a transaction queue theirs and share its commit. Without it, on one carrier thread no
     * commit ever held more than one transaction: a commit keeps its carrier (SQLite is native
     * code), so nothing can arrive during one, and each caller found the lock free and committed
     * alone. The price is one pass of the scheduler's queue, which in a storm of long tasks (TLS
     * handshakes, password hashes) is long: so it is paid only when others are likely to come,
     * and the transactions that come once a session never pay it.
     */
    public <T> T gatheredTransaction(SqlWork<T> work, Consumer<? super T> afterCommit) {
        return transaction(work, afterCommit, true);
    }

    private <T> T transaction(SqlWork<T> work, Consumer<? super T> afterCommit, boolean gather) {
        if (lock.isHeldByCurrentThread()) {
            // a transaction inside a transaction, or inside a hook: run it where it is
            return nested(work, afterCommit);
        }
        Pending<T> mine = new Pending<>(work, afterCommit);
        waiting.add(mine);
        if (gather && gathering.arrived(System.nanoTime()) && Thread.currentThread().isVirtual()) {
            Thread.yield();
        }
        lock.lock();
        try {
            while (!mine.done) {
                commitWaiting();
            }
        } finally {
            lock.unlock();
        }
        return mine.result();
    }

    /** One transaction waiting for a commit, and then its outcome. */
    private static final class Pending<T> {
        final SqlWork<T> work;
        final Consumer<? super T> afterCommit;
        T value;
        RuntimeException failure;
        boolean done;

        Pending(SqlWork<T> work, Consumer<? super T> afterCommit) {
            this.work = work;
            this.afterCommit = afterCommit;
        }

        void run(Connection connection) throws SQLException {
            value = work.run(connection);
        }

        void fail(Exception e) {
            failure = e instanceof RuntimeException r ? r
                    : new StoreException("database write failed: " + e.getMessage(), e);
        }

        void hook() {
            if (failure == null && afterCommit != null) {
                afterCommit.accept(value);
            }
        }

        T result() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /**
     * Commits the transactions waiting, at most {@link #MOST_PER_COMMIT}; the caller holds the
     * lock. They run one after another in one transaction, with no savepoints between them
     * (SQLite's savepoints cost a sixth of the send path): if one fails, the whole is rolled back
     * and each runs again in a transaction of its own, so that the one that failed fails alone.
     */
    private void commitWaiting() {
        List<Pending<?>> batch = new ArrayList<>();
        while (batch.size() < MOST_PER_COMMIT) {
            Pending<?> p = waiting.poll();
            if (p == null) {
                break;
            }
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        boolean ok = commit(batch);
        gathering.committed(System.nanoTime() - start);
        if (!ok && batch.size() > 1) {
            for (Pending<?> p : batch) {
                p.failure = null;
                commit(List.of(p));
            }
        }
        for (Pending<?> p : batch) {
            try {
                p.hook();
            } catch (RuntimeException e) {
                p.failure = e; // committed, but its caller hears what went wrong after
            } finally {
                p.done = true;
            }
        }
    }

    /**
     * Runs {@code batch} in one transaction and commits it; on a failure rolls all of it back,
     * gives each its failure (the one that failed its own, the others the batch's), and returns
     * false.
     */
    private boolean commit(List<Pending<?>> batch) {
        Pending<?> running = null;
        try {
            ensureOpen();
            connection.setAutoCommit(false);
            try {
                for (Pending<?> p : batch) {
                    running = p;
                    p.run(connection);
                }
                running = null;
                connection.commit();
                commits++;
                committed += batch.size();
                return true;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                for (Pending<?> p : batch) {
                    p.fail(p == running || running == null ? e
                            : new StoreException("database write failed: rolled back with another: " + e.getMessage(), e));
                }
                return false;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            for (Pending<?> p : batch) {
                if (p.failure == null) {
                    p.fail(e);
                }
            }
            return false;
        }
    }

    private <T> T nested(SqlWork<T> work, Consumer<? super T> afterCommit) {
        try {
            if (!connection.getAutoCommit()) {
                // inside a running transaction: part of it; its hook runs at once, since the
                // commit it would wait for is its caller's
                T result = work.run(connection);
                if (afterCommit != null) {
                    afterCommit.accept(result);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        }
        // inside a hook, after the commit: a transaction of its own
        Pending<T> mine = new Pending<>(work, afterCommit);
        commit(List.of(mine));
        mine.hook();
        return mine.result();
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the transaction is gone either way; the failure that caused this is reported
        }
    }

    /** How many transactions wait for a commit now. */
    int waiting() {
        return waiting.size();
    }

    /**
     * How many commits there were, and how many transactions they held, since the database
     * opened. Takes no lock (a commit may hold it for long), so the two may be a commit apart.
     */
    public long[] commitCounts() {
        return new long[] {commits, committed};
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
                Sql.forget(connection);
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("closing the database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}

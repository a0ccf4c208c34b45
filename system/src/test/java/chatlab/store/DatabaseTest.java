package chatlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on a real SQLite file: who shares a commit, what a failure undoes, and in what order hooks run. */
class DatabaseTest {
    private static final int WRITERS = 9;
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Database db;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("group.db"), Durability.NORMAL);
        db.transaction(c -> Sql.update(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        db.close();
    }

    private static long insert(Connection c, String v) throws java.sql.SQLException {
        return Sql.insert(c, "INSERT INTO t(v) VALUES (?) RETURNING id", v);
    }

    /** Holds the connection in a transaction until released, while {@code WRITERS} more queue up behind it. */
    private CountDownLatch holdWhileOthersQueue(List<Future<Long>> others, List<String> hooks, String failing)
            throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        others.add(threads.submit(() -> db.transaction(c -> {
            entered.countDown();
            try {
                release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return insert(c, "first");
        }, id -> hooks.add("first"))));
        assertThat(entered.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < WRITERS; i++) {
            String v = "w" + i;
            others.add(threads.submit(() -> db.transaction(c -> {
                long id = insert(c, v);
                if (v.equals(failing)) {
                    throw new IllegalStateException("refused " + v);
                }
                return id;
            }, id -> hooks.add(v))));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (db.waiting() < i + 1) { // queued behind the held transaction, in this order
                assertThat(System.nanoTime()).as("writer " + i + " queued in time").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
        return release;
    }

    @Test
    void transactionsThatArriveDuringACommitShareTheNextAndTheirHooksRunInOrder() throws Exception {
        List<Future<Long>> writes = new ArrayList<>();
        List<String> hooks = Collections.synchronizedList(new ArrayList<>());
        long[] before = db.commitCounts();
        holdWhileOthersQueue(writes, hooks, null).countDown();
        List<Long> ids = new ArrayList<>();
        for (Future<Long> f : writes) {
            ids.add(f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        }
        long[] after = db.commitCounts();
        assertThat(after[1] - before[1]).isEqualTo(WRITERS + 1);
        assertThat(after[0] - before[0]).as("the held one alone, then the nine queued in one commit").isEqualTo(2);
        assertThat(ids).as("committed in the order they arrived").isSorted().doesNotHaveDuplicates();
        assertThat(hooks).containsExactly("first", "w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8");
        assertThat(rows()).hasSize(WRITERS + 1);
    }

    /**
     * On one carrier thread a commit holds the carrier (SQLite is native code), so no transaction
     * can arrive during it: gathered transactions ready to run together (the fourth such round
     * of 32, once the database has seen them come close together) share a commit only because
     * each caller lets the others go first; plain ones, which do not wait, commit alone.
     */
    @Test
    void onOneCarrierThreadGatheredTransactionsReadyTogetherShareACommitAndPlainOnesDoNot() throws Exception {
        int writers = 32;
        long[] gathered = oneCarrier(writers, true);
        assertThat(gathered[1]).isEqualTo(writers);
        assertThat(gathered[0]).as("commits for %d gathered transactions", writers).isBetween(1L, writers / 4L);
        long[] plain = oneCarrier(writers, false);
        assertThat(plain[1]).isEqualTo(writers);
        assertThat(plain[0]).as("commits for %d plain transactions", writers).isEqualTo(writers);
    }

    /** Runs {@link OneCarrierCommits} in a JVM of its own; returns its commits and transactions. */
    private long[] oneCarrier(int writers, boolean gathered) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.virtualThreadScheduler.parallelism=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), OneCarrierCommits.class.getName(),
                dir.resolve("one-carrier-" + gathered + ".db").toString(), Integer.toString(writers),
                Boolean.toString(gathered), "4")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the probe ended").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("commits=(\\d+) transactions=(\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    @Test
    void aFailureInASharedCommitUndoesItsOwnWorkAlone() throws Exception {
        List<Future<Long>> writes = new ArrayList<>();
        List<String> hooks = Collections.synchronizedList(new ArrayList<>());
        holdWhileOthersQueue(writes, hooks, "w4").countDown();
        for (int i = 0; i < writes.size(); i++) {
            Future<Long> f = writes.get(i);
            if (i == 5) {
                assertThatThrownBy(() -> f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).hasRootCauseMessage("refused w4");
            } else {
                assertThat(f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isPositive();
            }
        }
        assertThat(rows()).hasSize(WRITERS).doesNotContain("w4");
        assertThat(hooks).doesNotContain("w4").hasSize(WRITERS);
    }

    @Test
    void aCallerReturnsOnlyOnceItsWorkIsCommittedAndAHookMayWriteAgain() throws Exception {
        long id = db.transaction(c -> insert(c, "kept"), first -> db.transaction(c -> insert(c, "from the hook")));
        assertThat(id).isPositive();
        assertThat(rows()).containsExactly("kept", "from the hook");
        assertThatThrownBy(() -> db.transaction(c -> {
            insert(c, "undone");
            throw new java.sql.SQLException("disk on fire");
        })).isInstanceOf(StoreException.class).hasMessageContaining("disk on fire");
        assertThat(rows()).doesNotContain("undone");
    }

    /** The rows as the database holds them outside any transaction: only what was committed. */
    private List<String> rows() {
        return db.query(c -> Sql.list(c, "SELECT v FROM t ORDER BY id", rs -> rs.getString(1)));
    }

    @Test
    void aSecondOpenOfTheSameFileIsRefusedWhileTheFirstHoldsIt() {
        assertThatThrownBy(() -> {
            try (Database other = Database.open(dir.resolve("group.db"), Durability.NORMAL)) {
                other.transaction(c -> insert(c, "intruder"));
            }
        }).isInstanceOf(StoreException.class).hasMessageContaining("locked");
    }
}

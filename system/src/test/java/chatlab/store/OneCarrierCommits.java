package chatlab.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Run by {@link DatabaseTest} in a JVM of its own whose virtual threads have one carrier thread,
 * as the lab's server has on two cores: {@code ROUNDS} rounds in each of which {@code WRITERS}
 * virtual threads, made ready to run together, each commit one transaction, gathered or plain as
 * {@code GATHERED} says. Prints {@code commits=C transactions=T} for the last round, once the
 * database has seen the rounds before it. Arguments: {@code FILE WRITERS GATHERED ROUNDS}.
 */
final class OneCarrierCommits {
    private OneCarrierCommits() {
    }

    public static void main(String[] args) throws Exception {
        int writers = Integer.parseInt(args[1]);
        boolean gathered = Boolean.parseBoolean(args[2]);
        int rounds = Integer.parseInt(args[3]);
        long deadline = System.nanoTime() + 20_000_000_000L;
        try (Database db = Database.open(Path.of(args[0]), Durability.NORMAL)) {
            db.transaction(c -> Sql.update(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
            for (int round = 1; round < rounds; round++) {
                round(db, writers, gathered, deadline);
            }
            long[] before = db.commitCounts();
            round(db, writers, gathered, deadline);
            long[] after = db.commitCounts();
            System.out.println("commits=" + (after[0] - before[0]) + " transactions=" + (after[1] - before[1]));
        }
    }

    private static void round(Database db, int writers, boolean gathered, long deadline) throws InterruptedException {
        AtomicBoolean open = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String v = "w" + i;
            threads.add(Thread.ofVirtual().start(() -> {
                while (!open.get()) {
                    LockSupport.park();
                }
                if (gathered) {
                    db.gatheredTransaction(c -> Sql.update(c, "INSERT INTO t(v) VALUES (?)", v), null);
                } else {
                    db.transaction(c -> Sql.update(c, "INSERT INTO t(v) VALUES (?)", v));
                }
            }));
        }
        // every writer waits at the gate before it opens, so that they become ready together
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the writers did not reach the gate in time");
            }
            Thread.onSpinWait();
        }
        // One virtual thread opens the gate for all: on the one carrier, none of them runs
        // before it is done, so all become ready at once, as readers do when the poller wakes them.
        open.set(true);
        Thread.ofVirtual().start(() -> threads.forEach(LockSupport::unpark));
        for (Thread t : threads) {
            if (!t.join(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                throw new IllegalStateException("a writer did not finish in time");
            }
        }
    }
}

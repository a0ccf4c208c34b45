package chatlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacerTest {
    /** How late a wake-up may come on a busy machine before the test calls it lost. */
    private static final Duration LATE = Duration.ofSeconds(5);

    private static Thread waiter(Pacer pacer, long due, Runnable after, AtomicBoolean result) {
        return Thread.ofVirtual().start(() -> {
            result.set(pacer.awaitUntil(due));
            after.run();
        });
    }

    @Test
    void aWaitEndsNoSoonerThanItsDueTime() throws Exception {
        Pacer pacer = new Pacer();
        try {
            long start = System.nanoTime();
            long due = start + TimeUnit.MILLISECONDS.toNanos(50);
            assertThat(pacer.awaitUntil(due)).isTrue();
            long woke = System.nanoTime();
            assertThat(woke - due).isGreaterThanOrEqualTo(0).isLessThan(LATE.toNanos());
        } finally {
            pacer.stop();
        }
    }

    @Test
    void aDueTimeAlreadyPastDoesNotWait() {
        Pacer pacer = new Pacer();
        try {
            assertThat(pacer.awaitUntil(System.nanoTime() - 1)).isTrue();
        } finally {
            pacer.stop();
        }
    }

    @Test
    void everyOneOfManyWaitersWakesAtOrAfterItsOwnDueTime() throws Exception {
        Pacer pacer = new Pacer();
        try {
            long start = System.nanoTime();
            int count = 1_000;
            AtomicInteger early = new AtomicInteger();
            AtomicInteger woken = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long due = start + TimeUnit.MILLISECONDS.toNanos(i % 100); // a hundred different dues, ten each
                AtomicBoolean result = new AtomicBoolean();
                threads.add(waiter(pacer, due, () -> {
                    if (System.nanoTime() - due < 0) {
                        early.incrementAndGet();
                    }
                    woken.incrementAndGet();
                }, result));
            }
            for (Thread t : threads) {
                assertThat(t.join(LATE)).isTrue();
            }
            assertThat(woken).hasValue(count);
            assertThat(early).hasValue(0);
        } finally {
            pacer.stop();
        }
    }

    @Test
    void laterDueTimesWakeLater() throws Exception {
        Pacer pacer = new Pacer();
        try {
            long start = System.nanoTime();
            ConcurrentLinkedQueue<Integer> order = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 4; i >= 0; i--) { // started latest first
                int n = i;
                threads.add(waiter(pacer, start + TimeUnit.MILLISECONDS.toNanos(100L * (n + 1)), () -> order.add(n),
                        new AtomicBoolean()));
            }
            for (Thread t : threads) {
                assertThat(t.join(LATE)).isTrue();
            }
            assertThat(order).containsExactly(0, 1, 2, 3, 4);
        } finally {
            pacer.stop();
        }
    }

    @Test
    void stoppingEndsEveryWaitAtOnceAndEveryLaterOne() throws Exception {
        Pacer pacer = new Pacer();
        long farOff = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        List<AtomicBoolean> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicInteger ended = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            AtomicBoolean result = new AtomicBoolean(true);
            results.add(result);
            threads.add(waiter(pacer, farOff, ended::incrementAndGet, result));
        }
        pacer.stop();
        for (Thread t : threads) {
            assertThat(t.join(LATE)).isTrue();
        }
        assertThat(results).allSatisfy(r -> assertThat(r).isFalse());
        assertThat(pacer.awaitUntil(farOff)).isFalse();
    }

    @Test
    void anInterruptEndsTheWaitAndIsKept() throws Exception {
        Pacer pacer = new Pacer();
        try {
            AtomicBoolean result = new AtomicBoolean(true);
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread t = waiter(pacer, System.nanoTime() + TimeUnit.HOURS.toNanos(1),
                    () -> interrupted.set(Thread.currentThread().isInterrupted()), result);
            t.interrupt();
            assertThat(t.join(LATE)).isTrue();
            assertThat(result).isFalse();
            assertThat(interrupted).isTrue();
        } finally {
            pacer.stop();
        }
    }
}

package chatlab.sim;

import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends the simulated users' think times. Each waiting user is in one queue by due time, and one
 * thread looks at its head every {@link #TICK_NANOS} and wakes every user due, so a think time
 * ends up to a tick late. A timed wait per user instead (one per operation) woke the JDK's timer
 * thread for each: thousands of wake-ups a second in the process that makes the load, whose CPU
 * the server on the same machine then lacks (see reports/reference/profile/).
 */
final class Pacer {
    /** How often the waiting users are looked at while any wait: the think times' resolution. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** One user's wait; equal only to itself. */
    private static final class Wait implements Comparable<Wait> {
        final long due;
        final long order;
        final Thread thread;
        volatile boolean done;

        Wait(long due, long order, Thread thread) {
            this.due = due;
            this.order = order;
            this.thread = thread;
        }

        @Override
        public int compareTo(Wait other) {
            int byDue = Long.compare(due - other.due, 0);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }

    private final PriorityBlockingQueue<Wait> waiting = new PriorityBlockingQueue<>();
    private final AtomicLong orders = new AtomicLong();
    private final Thread ticker;
    private volatile boolean idle;
    private volatile boolean stopped;

    Pacer() {
        ticker = Thread.ofPlatform().daemon().name("sim-pacer").start(this::tick);
    }

    /**
     * Waits until {@code due} ({@link System#nanoTime}) or {@link #stop}; true if the time came.
     * An interrupt ends the wait too, and is kept.
     */
    boolean awaitUntil(long due) {
        if (stopped) {
            return false;
        }
        if (due - System.nanoTime() <= 0) {
            return true;
        }
        Wait wait = new Wait(due, orders.incrementAndGet(), Thread.currentThread());
        waiting.add(wait);
        if (idle) {
            LockSupport.unpark(ticker);
        }
        while (!wait.done) {
            if (stopped || Thread.currentThread().isInterrupted()) {
                waiting.remove(wait);
                return false;
            }
            LockSupport.park(this);
        }
        return !stopped;
    }

    /** Ends every wait, now and later. */
    void stop() {
        stopped = true;
        LockSupport.unpark(ticker);
    }

    private void tick() {
        while (!stopped) {
            long now = System.nanoTime();
            for (Wait head = waiting.peek(); head != null && head.due - now <= 0; head = waiting.peek()) {
                if (waiting.remove(head)) {
                    head.done = true;
                    LockSupport.unpark(head.thread);
                }
            }
            if (waiting.isEmpty()) {
                idle = true;
                if (waiting.isEmpty() && !stopped) {
                    LockSupport.park(this); // until a wait begins
                }
                idle = false;
            } else {
                LockSupport.parkNanos(this, TICK_NANOS);
            }
        }
        for (Wait wait = waiting.poll(); wait != null; wait = waiting.poll()) {
            LockSupport.unpark(wait.thread);
        }
    }
}

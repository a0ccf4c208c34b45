package chatlab.client.terminal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells when the user has typed nothing for a while, and when they are back: the client then
 * sets its status to idle, and back again (Compsys 302's idle status, set by the client).
 */
final class IdleWatch implements AutoCloseable {
    /** How long without input before a user counts as idle, unless told otherwise. */
    static final Duration DEFAULT_AFTER = Duration.ofMinutes(5);

    private final long afterNanos;
    private final java.util.function.LongSupplier nanos;
    private final Runnable idle;
    private final Runnable back;
    private final ScheduledExecutorService timer;
    private volatile long lastInput;
    private boolean isIdle;

    /** Watches from now; {@code idle} and {@code back} run on the watch's own thread, and not at all when {@code after} is zero. */
    IdleWatch(Duration after, Runnable idle, Runnable back) {
        this(after, idle, back, System::nanoTime, true);
    }

    /** With the clock given, and without a timer when {@code timed} is false: tests call {@link #check}. */
    IdleWatch(Duration after, Runnable idle, Runnable back, java.util.function.LongSupplier nanos, boolean timed) {
        this.afterNanos = after.toNanos();
        this.nanos = nanos;
        this.lastInput = nanos.getAsLong();
        this.idle = idle;
        this.back = back;
        if (!timed || after.isZero() || after.isNegative()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("idle-watch").daemon().factory());
        long every = Math.max(50, Math.min(after.toMillis() / 4, 30_000));
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** The user typed something. */
    void input() {
        lastInput = nanos.getAsLong();
        if (timer != null) {
            timer.execute(this::check);
        } else {
            check();
        }
    }

    /** Tells idle or back if the user just became either; on the watch's thread, or the test's. */
    synchronized void check() {
        boolean quiet = afterNanos > 0 && nanos.getAsLong() - lastInput >= afterNanos;
        try {
            if (quiet && !isIdle) {
                isIdle = true;
                idle.run();
            } else if (!quiet && isIdle) {
                isIdle = false;
                back.run();
            }
        } catch (RuntimeException e) {
            // a status the server refused (a lost connection, say) is tried again at the next change
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

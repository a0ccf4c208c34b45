package chatlab.stats;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures the process's own stalls the way jHiccup does: a thread sleeps 1 ms again and again
 * and records how much later than asked it woke. Whatever stops every thread (a GC pause, a
 * safepoint, a frozen process) shows up as a hiccup; on a virtual thread, so does every carrier
 * thread being busy. A stall measured this way is the process's, not the system's latency.
 */
public final class HiccupMeter implements AutoCloseable {
    private static final Duration RESOLUTION = Duration.ofMillis(1);

    private final Recorder recorder = new Recorder(3);
    private final Thread thread;
    private volatile boolean running = true;

    private HiccupMeter(Thread.Builder builder) {
        this.thread = builder.start(this::run);
    }

    /** A meter on a platform thread: it sees pauses of the whole JVM. */
    public static HiccupMeter onPlatformThread() {
        return new HiccupMeter(Thread.ofPlatform().daemon().name("hiccup-meter"));
    }

    /** A meter on a virtual thread: it also sees every carrier thread being busy, as virtual threads then wait. */
    public static HiccupMeter onVirtualThread() {
        return new HiccupMeter(Thread.ofVirtual().name("hiccup-meter-virtual"));
    }

    private void run() {
        long resolution = RESOLUTION.toNanos();
        while (running) {
            long before = System.nanoTime();
            try {
                Thread.sleep(RESOLUTION);
            } catch (InterruptedException e) {
                return;
            }
            recorder.recordValue(Math.max(0, System.nanoTime() - before - resolution));
        }
    }

    /** The hiccups since the last call, in nanoseconds. */
    public Histogram interval() {
        return recorder.getIntervalHistogram();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

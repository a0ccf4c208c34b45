package chatlab.history;

import java.time.Instant;

/**
 * The time of a run: microseconds since its origin, on a monotonic clock anchored once to the
 * wall clock, so that every process of a run (shards given the same origin) shares one time
 * line. The run records when, on this time line, the load began.
 */
public final class RunClock {
    private final long originEpochMicros;
    private final long anchorEpochMicros;
    private final long anchorNanos;

    public RunClock(Instant origin) {
        Instant now = Instant.now();
        this.anchorNanos = System.nanoTime();
        this.anchorEpochMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        this.originEpochMicros = origin.getEpochSecond() * 1_000_000 + origin.getNano() / 1_000;
    }

    /** Microseconds since the origin. */
    public long micros() {
        return anchorEpochMicros + (System.nanoTime() - anchorNanos) / 1_000 - originEpochMicros;
    }

    /** The {@link System#nanoTime()} at which this clock reads {@code micros}. */
    public long nanoTimeAt(long micros) {
        return anchorNanos + (micros + originEpochMicros - anchorEpochMicros) * 1_000;
    }

    public long originEpochMicros() {
        return originEpochMicros;
    }
}

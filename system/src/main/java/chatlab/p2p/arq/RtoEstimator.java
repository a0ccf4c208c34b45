package chatlab.p2p.arq;

import java.time.Duration;

/**
 * The retransmission timeout of RFC 6298: smoothed RTT and RTT variance from samples, RTO =
 * SRTT + max(G, 4 RTTVAR) within bounds, doubled on each timeout until a new sample. Or a fixed
 * timeout, when the lab wants one. Time is in nanoseconds.
 */
public final class RtoEstimator {
    /**
     * RFC 6298's G, the least margin of the RTO over SRTT. Our clock reads nanoseconds, but the
     * endpoints' timing is coarser: thread wake-ups, the link emulator's scheduling and the JVM
     * stall for a few milliseconds now and then. With a steady round trip RTTVAR decays to nothing,
     * and a 1 ms margin let such stalls fire the timer with nothing lost. Linux keeps a floor
     * under the same term (200 ms) for the same reason.
     */
    public static final long GRANULARITY = Duration.ofMillis(5).toNanos();

    /** The adaptive timer's floor: it never waits less than this. */
    public static final Duration FLOOR = Duration.ofMillis(5);

    private final boolean fixed;
    private final long min;
    private final long max;
    private long rto;
    private long srtt = -1;
    private long rttvar;
    private long minRtt = -1;

    private RtoEstimator(boolean fixed, long initial, long min, long max) {
        this.fixed = fixed;
        this.min = min;
        this.max = max;
        this.rto = initial;
    }

    /** An adaptive timer starting at {@code initial}, kept between {@code min} and {@code max}. */
    public static RtoEstimator adaptive(Duration initial, Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0 || initial.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= initial and min <= max");
        }
        return new RtoEstimator(false, Math.min(initial.toNanos(), max.toNanos()), min.toNanos(), max.toNanos());
    }

    /** The lab's defaults: start at 200 ms, never below 5 ms nor above 5 s. */
    public static RtoEstimator adaptive() {
        return adaptive(Duration.ofSeconds(5));
    }

    /** The lab's defaults with a lower ceiling, so that a timer fires well before a peer is given up on. */
    public static RtoEstimator adaptive(Duration max) {
        Duration ceiling = max.compareTo(FLOOR) < 0 ? FLOOR : max;
        return adaptive(Duration.ofMillis(Math.min(200, ceiling.toMillis())), FLOOR, ceiling);
    }

    /** A timer that always waits {@code timeout}. */
    public static RtoEstimator fixed(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive");
        }
        return new RtoEstimator(true, timeout.toNanos(), timeout.toNanos(), timeout.toNanos());
    }

    public long rtoNanos() {
        return rto;
    }

    /** The smoothed round-trip time, or -1 before the first sample. */
    public long srttNanos() {
        return srtt;
    }

    /** The smallest round trip sampled, the pipe when it was emptiest; -1 before the first sample. */
    public long minRttNanos() {
        return minRtt;
    }

    public boolean isFixed() {
        return fixed;
    }

    /** A round-trip time measured on a segment sent once (Karn's rule: never a retransmitted one). */
    public void sample(long rttNanos) {
        if (rttNanos < 0) {
            return;
        }
        minRtt = minRtt < 0 ? rttNanos : Math.min(minRtt, rttNanos);
        if (srtt < 0) {
            srtt = rttNanos;
            rttvar = rttNanos / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - rttNanos)) / 4;
            srtt = (7 * srtt + rttNanos) / 8;
        }
        if (!fixed) {
            rto = clamp(srtt + Math.max(GRANULARITY, 4 * rttvar));
        }
    }

    /**
     * An acknowledgement moved the window on: undo any backoff, as Linux TCP does. Karn's rule
     * still keeps retransmitted segments out of the estimate, so without this a Go-Back-N
     * sender, whose every segment in flight was retransmitted, would keep doubling its timer.
     */
    public void progress() {
        if (!fixed && srtt >= 0) {
            rto = clamp(srtt + Math.max(GRANULARITY, 4 * rttvar));
        }
    }

    /**
     * The timeout of a segment already sent {@code transmissions} times: the RTO doubled once
     * per earlier retransmission, within the bounds. Selective Repeat backs each segment off on
     * its own this way, since one segment's losses say nothing of another's.
     */
    public long backedOffNanos(int transmissions) {
        if (fixed || transmissions <= 1) {
            return rto;
        }
        int doublings = Math.min(transmissions - 1, 40);
        return rto > (max >> doublings) ? max : clamp(rto << doublings);
    }

    /** The timer expired: wait twice as long next time. */
    public void backoff() {
        if (!fixed) {
            rto = clamp(rto * 2);
        }
    }

    private long clamp(long value) {
        return Math.max(min, Math.min(max, value));
    }
}

package chatlab.p2p.arq;

/**
 * What every windowed sender shares: the segments below {@code base} are acknowledged in order,
 * those from {@code base} to {@code next} are in flight, and at most a window of them.
 */
abstract class SlidingSender implements ArqSender {
    final long total;
    final Window window;
    final RtoEstimator timer;
    final SenderStats stats = new SenderStats();
    long base;
    long next;
    ArqEvents events = ArqEvents.NONE;

    SlidingSender(long totalSegments, int windowSize, RtoEstimator timer) {
        if (totalSegments < 0) {
            throw new IllegalArgumentException("a transfer has 0 or more segments");
        }
        this.total = totalSegments;
        this.window = new Window(windowSize);
        this.timer = timer;
    }

    /**
     * Feeds the timer a round trip: the echoed transmission's when the acknowledgement names
     * one, which is never ambiguous; otherwise the segment's, if it was sent only once (Karn's
     * rule).
     */
    void sample(long index, long echoSentAt, long now) {
        long rtt = echoSentAt >= 0 ? now - echoSentAt : window.rttIfSentOnce(index, now);
        if (rtt >= 0) {
            timer.sample(rtt);
            stats.rttSamples++;
        }
    }

    /** Throws if the window's invariant is broken: it is checked after every step. */
    void checkInvariant(String strategy, boolean extra) {
        if (base < 0 || base > next || next - base > window.size || next > total || extra) {
            throw new IllegalStateException(strategy + " window broken: base=" + base + " next=" + next + " N="
                    + window.size + " total=" + total);
        }
    }

    @Override
    public boolean finished() {
        return base == total;
    }

    @Override
    public long acknowledged() {
        return base;
    }

    @Override
    public long sent() {
        return next;
    }

    @Override
    public int transmissions(long segment) {
        return window.transmissions(segment);
    }

    @Override
    public void observe(ArqEvents events) {
        this.events = events;
    }

    @Override
    public SenderStats stats() {
        return stats;
    }

    @Override
    public RtoEstimator timer() {
        return timer;
    }
}

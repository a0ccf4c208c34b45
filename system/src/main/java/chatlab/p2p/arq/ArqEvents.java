package chatlab.p2p.arq;

/**
 * What a sender's timers do, told as it happens, for a trace. Times are the {@code now} the
 * driver passed in, on the same clock as every deadline. Every method does nothing by default,
 * and {@link #NONE} is what a sender tells when nobody listens.
 *
 * <p>Go-Back-N tells each start, restart and stop of its one timer. Selective Repeat starts a
 * segment's own timer with each transmission, which the transmission itself shows, so it tells
 * only the restarts of RFC 6298's rule 5.3: one event per acknowledgement, for all the segments
 * it restarted.
 */
public interface ArqEvents {
    ArqEvents NONE = new ArqEvents() {
    };

    /**
     * A timer was (re)started: the timer of {@code segment} (Go-Back-N: its one timer, which
     * guards the oldest segment in flight) now expires at {@code deadline}; {@code count} timers
     * were restarted together, the first of them {@code segment}'s; the RTO is {@code rtoNanos}
     * (a Selective Repeat segment sent before waits longer: it backs off on its own).
     */
    default void timerSet(long now, long segment, long deadline, int count, long rtoNanos) {
    }

    /** Nothing is in flight any more: the timer stopped. */
    default void timerStopped(long now) {
    }

    /**
     * A timeout: {@code count} segments, from {@code segment} on, go again; the timer that expired
     * had run for {@code timerNanos}. A sender counts one timeout per call, as {@link SenderStats} does.
     */
    default void timeout(long now, long segment, int count, long timerNanos) {
    }

    /** The timer doubled after a timeout, to {@code rtoNanos}. */
    default void backoff(long now, long rtoNanos) {
    }
}

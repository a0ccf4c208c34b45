package chatlab.p2p.arq;

import java.util.List;

/**
 * The sending half of a reliable-transfer strategy, as a pure state machine: no I/O, no clock
 * of its own. The driver calls {@link #poll} with the time, transmits the segments it names,
 * feeds it the acknowledgements that arrive, and calls it again by {@link #nextDeadline}.
 * Segments are counted by absolute index from 0.
 */
public interface ArqSender {
    /**
     * The segments to transmit now, in order: retransmissions of any whose timer expired, then
     * new ones the window allows. They count as sent at {@code nowNanos}.
     */
    List<Long> poll(long nowNanos);

    /**
     * An acknowledgement: every segment below {@code cumulative} arrived, and so did
     * {@code selective} (or -1 if it names none). {@code echoSentAt} is when the transmission
     * that prompted it was sent, which the receiver names by its packet number; -1 when the
     * acknowledgement names none. It times that exact transmission, so the timer learns from
     * retransmitted segments too, where Karn's rule, without it, must skip them.
     */
    void onAck(long cumulative, long selective, long echoSentAt, long nowNanos);

    /** An acknowledgement that names no transmission: the timer learns by Karn's rule. */
    default void onAck(long cumulative, long selective, long nowNanos) {
        onAck(cumulative, selective, -1, nowNanos);
    }

    /** When {@link #poll} must be called even if no acknowledgement arrives; {@link Long#MAX_VALUE} if never. */
    long nextDeadline();

    /** Whether every segment has been acknowledged. */
    boolean finished();

    /** The number of segments acknowledged in order so far: the lower edge of the window. */
    long acknowledged();

    /** The number of segments sent at least once so far: the upper edge of the window. */
    long sent();

    /** How many times a segment in flight has been sent. */
    int transmissions(long segment);

    /** Tells {@code events} what the timers do from now on ({@link ArqEvents#NONE} by default). */
    void observe(ArqEvents events);

    SenderStats stats();

    RtoEstimator timer();
}

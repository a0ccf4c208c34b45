package chatlab.p2p.arq;

import java.util.List;

/** The receiving half of a reliable-transfer strategy, as a pure state machine. */
public interface ArqReceiver {
    /** What to do after a data segment arrived: which segments to hand on, in order, and what to acknowledge. */
    record Outcome(List<Long> deliver, boolean accepted, long cumulative, long selective) {
    }

    /** A data segment with absolute index {@code index} arrived. */
    Outcome onData(long index);

    /** The index the receiver expects next: every segment below it has been handed on in order. */
    long expected();

    /** Whether every segment has been handed on. */
    boolean complete();
}

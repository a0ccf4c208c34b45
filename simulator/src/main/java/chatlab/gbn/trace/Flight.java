package chatlab.gbn.trace;

import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.TraceEvent;
import java.util.List;

/**
 * One datagram's flight, joined from the events of a trace by its sender's side and packet
 * number: its send, then its arrival or what the link did to it instead.
 *
 * @param step     the index, among the timeline's steps, of its send: it is drawn from then on
 * @param send     the send event
 * @param fate     what became of it
 * @param end      when it arrived, was lost or dropped (for a loss, half the one-way delay after its send)
 * @param copies   when further copies of a duplicated datagram arrived
 * @param discarded whether the receiver threw the (DATA) segment away on arrival
 */
public record Flight(int step, TraceEvent send, Fate fate, long end, List<Long> copies, boolean discarded) {

    /** What became of a datagram. */
    public enum Fate {
        /** It arrived and decoded. */
        DELIVERED,
        /** The link lost it in transit. */
        LOST,
        /** The queue in front of the link was full. */
        QUEUE_DROP,
        /** It arrived with a bit flipped, and was dropped. */
        CORRUPTED,
        /** The trace ends before it arrives, or holds only this side. */
        UNKNOWN;

        public boolean dropped() {
            return this == LOST || this == QUEUE_DROP;
        }
    }

    public Side from() {
        return send.side();
    }

    /** Whether this is a retransmission of a datagram sent before. */
    public boolean retransmission() {
        return send.retransmission();
    }

    /** A short name: {@code DATA 5}, {@code ACK 6}, {@code SYN}. */
    public String label() {
        return EventText.datagram(send);
    }
}

package chatlab.p2p.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of a transfer trace after its header (docs/TRACES.md has the schema). Fields that do
 * not apply to an event are null and left out of the line.
 *
 * @param t        nanoseconds since the trace's first event
 * @param ev       what happened
 * @param side     where: the side that sent, received or timed; for an impairer's fate, the side whose datagram it was
 * @param kind     the datagram's kind (SYN, DATA, FIN, ABORT, SYN_ACK, ACK, FIN_ACK), as its header says
 * @param pn       the datagram's packet number, which joins a send to its fate and its arrival
 * @param seq      the segment: DATA's index from 0, FIN's the number of segments; for timers the segment timed
 * @param ack      an ACK's cumulative acknowledgement: every segment below it arrived
 * @param sack     an ACK's selectively acknowledged segment (Selective Repeat)
 * @param size     the datagram's length in bytes
 * @param tx       for a send, its transmission count: 1 the first time, 2 for the first retransmission
 * @param count    segments timed out or timers restarted together
 * @param deadline when a timer set now expires, on the same time line as {@code t}
 * @param rto      the sender's retransmission timeout at that moment, in nanoseconds
 * @param base     the sender's window's lower edge: segments below it are acknowledged
 * @param next     the window's upper edge: the first segment never sent
 * @param strategy a SYN's strategy (gbn, sr, saw)
 * @param window   a SYN's window
 * @param chunk    a SYN's chunk size
 * @param segments a SYN's number of segments
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"t", "ev", "side", "kind", "pn", "seq", "ack", "sack", "size", "tx", "count", "deadline", "rto",
        "base", "next", "strategy", "window", "chunk", "segments"})
public record TraceEvent(long t, Type ev, Side side, String kind, Long pn, Long seq, Long ack, Long sack, Integer size,
        Integer tx, Integer count, Long deadline, Long rto, Long base, Long next, String strategy, Integer window,
        Integer chunk, Long segments) {

    /** What happened. */
    public enum Type {
        /** A side handed a datagram to its socket (or to its impairer). */
        @JsonProperty("send") SEND,
        /** A side received a datagram and it decoded. */
        @JsonProperty("recv") RECV,
        /** A side received a datagram that failed its checks (CRC, tag, format) and dropped it. */
        @JsonProperty("bad") BAD,
        /** The receiver threw a DATA segment away: one it had already, out of order for Go-Back-N, or outside its window. */
        @JsonProperty("discard") DISCARD,
        /** The impairer lost the datagram in transit. */
        @JsonProperty("lost") LOST,
        /** The impairer dropped the datagram (or a duplicate's copy) because its queue was full. */
        @JsonProperty("queue_drop") QUEUE_DROP,
        /** The impairer delivers the datagram twice. */
        @JsonProperty("dup") DUP,
        /** The impairer flips one bit of the datagram. */
        @JsonProperty("corrupt") CORRUPT,
        /** A timer was set or restarted, to expire at {@code deadline}. */
        @JsonProperty("timer") TIMER,
        /** Nothing is in flight: the timer stopped. */
        @JsonProperty("timer_stop") TIMER_STOP,
        /** A timer expired: {@code count} segments from {@code seq} go again. */
        @JsonProperty("timeout") TIMEOUT,
        /** The timer doubled to {@code rto}. */
        @JsonProperty("backoff") BACKOFF,
        /** An acknowledgement moved the window's lower edge to {@code base}. */
        @JsonProperty("window") WINDOW;

        /** Whether this is what the impairer did to a datagram. */
        public boolean fate() {
            return this == LOST || this == QUEUE_DROP || this == DUP || this == CORRUPT;
        }

        /** Whether the datagram never arrived. */
        public boolean drop() {
            return this == LOST || this == QUEUE_DROP;
        }
    }

    /** Whether this is the sending of a datagram of {@code kind} (a label such as DATA) by {@code side}. */
    public boolean sends(Side from, String label) {
        return ev == Type.SEND && side == from && label.equals(kind);
    }

    /** Whether this is a retransmission: a datagram sent before, sent again. */
    public boolean retransmission() {
        return ev == Type.SEND && tx != null && tx > 1;
    }
}

package chatlab.gbn.trace;

import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.Trace;
import chatlab.p2p.trace.TraceEvent;
import chatlab.p2p.trace.TraceEvent.Type;
import chatlab.p2p.trace.TraceHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small hand-made traces for the timeline's unit tests, with times in whole milliseconds. */
final class Traces {
    static final long MS = 1_000_000;

    private Traces() {
    }

    static TraceHeader header(String label) {
        return TraceHeader.of("test", "both", label).withArq("gbn", 4, 1024, 8L);
    }

    static TraceEvent send(long ms, Side side, String kind, long pn, Long seq, Long ack, int tx, Long base, Long next) {
        return new TraceEvent(ms * MS, Type.SEND, side, kind, pn, seq, ack, null, 1070, side == Side.SENDER ? tx : null,
                null, null, side == Side.SENDER ? 50 * MS * tx : null, base, next, null, null, null, null);
    }

    static TraceEvent other(long ms, Type type, Side side, String kind, Long pn, Long seq, Integer count, Long rto) {
        return new TraceEvent(ms * MS, type, side, kind, pn, seq, null, null, kind == null ? null : 1070, null, count, null,
                rto, null, null, null, null, null, null);
    }

    /**
     * A window of four DATA segments (N = 4, 5 ms each way) sent at 0 to 3 ms: segment {@code lost}
     * (0 to 3) is lost, the receiver acknowledges the others and throws away those after it, a
     * timeout at 60 ms doubles the timer and sends {@code lost} to 3 again, and they arrive.
     */
    static Trace lossy(int lost) {
        List<TraceEvent> events = new ArrayList<>();
        long pn = 0;
        long ackPn = 0;
        long expected = 0;
        for (int i = 0; i < 4; i++) {
            events.add(send(i, Side.SENDER, "DATA", ++pn, (long) i, null, 1, 0L, (long) i + 1));
            if (i == lost) {
                events.add(other(i, Type.LOST, Side.SENDER, "DATA", pn, (long) i, null, null));
                continue;
            }
            events.add(other(i + 5, Type.RECV, Side.RECEIVER, "DATA", pn, (long) i, null, null));
            if (i == expected) {
                expected++;
            } else {
                events.add(other(i + 5, Type.DISCARD, Side.RECEIVER, null, null, (long) i, null, null));
            }
            events.add(send(i + 5, Side.RECEIVER, "ACK", ++ackPn, null, expected, 0, null, null));
            events.add(other(i + 10, Type.RECV, Side.SENDER, "ACK", ackPn, null, null, null));
        }
        events.add(other(60, Type.TIMEOUT, Side.SENDER, null, null, (long) lost, 4 - lost, 50 * MS));
        events.add(other(60, Type.BACKOFF, Side.SENDER, null, null, null, null, 100 * MS));
        for (long i = lost; i < 4; i++) {
            events.add(send(61 + i, Side.SENDER, "DATA", ++pn, i, null, 2, (long) lost, 4L));
            events.add(other(66 + i, Type.RECV, Side.RECEIVER, "DATA", pn, i, null, null));
        }
        events.sort(Comparator.comparingLong(TraceEvent::t));
        return new Trace(header("lossy"), events);
    }

    /** {@code count} DATA datagrams, one a millisecond, each arriving 5 ms later except number {@code lost}. */
    static Trace stream(int count, int lost) {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(send(i, Side.SENDER, "DATA", i, (long) i, null, 1, (long) i, (long) i + 1));
            events.add(i == lost ? other(i, Type.LOST, Side.SENDER, "DATA", (long) i, (long) i, null, null)
                    : other(i + 5, Type.RECV, Side.RECEIVER, "DATA", (long) i, (long) i, null, null));
        }
        events.sort(Comparator.comparingLong(TraceEvent::t));
        return new Trace(header("stream"), events);
    }
}

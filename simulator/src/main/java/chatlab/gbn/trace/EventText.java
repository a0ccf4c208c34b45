package chatlab.gbn.trace;

import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.TraceEvent;
import java.util.Locale;

/** What each trace event means, in a line of words: the player's commentary and the diagram's tooltips. */
final class EventText {
    private EventText() {
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /** A datagram's short name: its kind and segment, or what an ACK acknowledges. */
    static String datagram(TraceEvent e) {
        String kind = e.kind() == null ? "a datagram" : e.kind();
        if (e.ack() != null) {
            return kind + " " + e.ack() + (e.sack() != null ? " sack " + e.sack() : "");
        }
        return "DATA".equals(kind) && e.seq() != null ? kind + " " + e.seq() : kind;
    }

    private static String who(Side side) {
        return side == Side.SENDER ? "sender" : "receiver";
    }

    static String of(TraceEvent e) {
        String what = datagram(e);
        return switch (e.ev()) {
            case SEND -> who(e.side()) + " sends " + what + (e.retransmission() ? " again (transmission " + e.tx() + ")" : "")
                    + (e.strategy() != null ? " (" + e.strategy() + ", N=" + e.window() + ", " + e.segments()
                            + " segments of " + e.chunk() + " bytes)" : "");
            case RECV -> who(e.side()) + " gets " + what;
            case BAD -> who(e.side()) + " drops a datagram that fails its checks (corrupted)";
            case DISCARD -> "receiver throws DATA " + e.seq() + " away (a duplicate, or out of order)";
            case LOST -> "the link loses " + what;
            case QUEUE_DROP -> "the link's queue is full: " + what + " is dropped";
            case DUP -> "the link duplicates " + what;
            case CORRUPT -> "the link flips a bit of " + what;
            case TIMER -> (e.count() != null ? "timers of " + e.count() + " segments from " + e.seq() + " restart; the first"
                    : e.seq() == null ? "timer set; it" : "timer for " + e.seq() + " set; it") + " expires at "
                    + ms(e.deadline());
            case TIMER_STOP -> "nothing in flight: the timer stops";
            case TIMEOUT -> "timeout after " + ms(e.rto()) + ": " + (e.seq() == null ? "the handshake's datagram"
                    : (e.count() == null ? 1 : e.count()) + " segment(s) from " + e.seq()) + " go again";
            case BACKOFF -> "the timer doubles: RTO " + ms(e.rto());
            case WINDOW -> "the window moves to [" + e.base() + ", " + e.next() + ")";
        };
    }
}

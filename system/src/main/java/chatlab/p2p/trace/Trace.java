package chatlab.p2p.trace;

import java.util.List;
import java.util.function.Predicate;

/** A transfer trace read back: its header and its events, in time order. */
public record Trace(TraceHeader header, List<TraceEvent> events) {

    public Trace {
        events = List.copyOf(events);
    }

    /** How many events match. */
    public long count(Predicate<TraceEvent> which) {
        return events.stream().filter(which).count();
    }

    /** How many events are of {@code type}, at {@code side} (any, if null), about datagrams of {@code kind} (any, if null). */
    public long count(TraceEvent.Type type, Side side, String kind) {
        return count(e -> e.ev() == type && (side == null || e.side() == side) && (kind == null || kind.equals(e.kind())));
    }

    /**
     * This trace, with what its header lacks taken from its first SYN: a receiver's trace starts
     * before the SYN tells it the strategy, window, chunk and number of segments.
     */
    public Trace completed() {
        if (header.strategy() != null) {
            return this;
        }
        return events.stream().filter(e -> e.strategy() != null).findFirst()
                .map(syn -> new Trace(header.withArq(syn.strategy(), syn.window(), syn.chunk(), syn.segments()), events))
                .orElse(this);
    }
}

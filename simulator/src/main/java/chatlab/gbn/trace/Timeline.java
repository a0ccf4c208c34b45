package chatlab.gbn.trace;

import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.Trace;
import chatlab.p2p.trace.TraceEvent;
import chatlab.p2p.trace.TraceEvent.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a trace a time-sequence diagram shows, joined into flights and steps. A step is one
 * event of the trace; the player shows them one at a time. By default the window holds
 * {@value Span#DEFAULT_DATAGRAMS} datagrams sent by either side from the start of the transfer,
 * or, if the first loss comes after 40 datagrams, from 20 datagrams before that loss; the events
 * that end the flights of those datagrams (their arrivals and drops) come with them.
 */
public final class Timeline {

    /**
     * Which part of a trace to draw: from {@code fromNs} (or the default start) up to
     * {@code toNs}, or else up to the {@code datagrams}-th datagram sent.
     */
    public record Span(Long fromNs, Long toNs, int datagrams) {
        public static final int DEFAULT_DATAGRAMS = 60;
        public static final Span DEFAULT = new Span(null, null, DEFAULT_DATAGRAMS);

        public Span {
            if (datagrams < 1) {
                throw new IllegalArgumentException("a timeline shows at least 1 datagram, not " + datagrams);
            }
            if (fromNs != null && toNs != null && toNs < fromNs) {
                throw new IllegalArgumentException("the time range ends before it starts");
            }
        }
    }

    /**
     * The state after a step, for the player's panel. Counts run from the start of the transfer.
     *
     * @param sent      datagrams the sender sent
     * @param lost      datagrams of either side lost or dropped by the link
     * @param retransmitted datagrams the sender sent again
     * @param timeouts  timeouts of the sender
     * @param acks      acknowledgements the sender received
     */
    public record Step(long t, String text, Long base, Long next, Long rto, long sent, long lost, long retransmitted,
            long timeouts, long acks) {
    }

    private final Trace trace;
    private final long from;
    private final long to;
    private final List<TraceEvent> events;
    private final List<Step> steps;
    private final List<Flight> flights;
    private final long[] oneWay = new long[2];

    private Timeline(Trace trace, long from, long to, List<TraceEvent> events, List<Step> steps, List<Flight> flights) {
        this.trace = trace;
        this.from = from;
        this.to = to;
        this.events = events;
        this.steps = steps;
        this.flights = flights;
    }

    public Trace trace() {
        return trace;
    }

    /** Where the drawing starts, in the trace's nanoseconds. */
    public long from() {
        return from;
    }

    /** Where the drawing ends: the end of the span, or the last end of a flight in it. */
    public long to() {
        return to;
    }

    /** The events shown, one per step, in time order. */
    public List<TraceEvent> events() {
        return events;
    }

    public List<Step> steps() {
        return steps;
    }

    public List<Flight> flights() {
        return flights;
    }

    /** The median time a datagram took from {@code side} to the other, or the link's delay if none arrived. */
    public long oneWayNanos(Side side) {
        return oneWay[side.ordinal()];
    }

    /** A datagram being joined. */
    private static final class Joining {
        final TraceEvent send;
        Flight.Fate fate = Flight.Fate.UNKNOWN;
        long end = -1;
        final List<Long> copies = new ArrayList<>();
        boolean discarded;

        Joining(TraceEvent send) {
            this.send = send;
        }
    }

    public static Timeline of(Trace trace, Span span) {
        List<TraceEvent> all = trace.events();
        List<Map<Long, Joining>> byPacket = List.of(new HashMap<>(), new HashMap<>());
        Map<TraceEvent, Joining> owner = new IdentityHashMap<>();
        Map<Long, Joining> lastDataArrival = new HashMap<>();
        List<TraceEvent> sends = new ArrayList<>();
        for (TraceEvent e : all) {
            Joining j = join(e, byPacket, lastDataArrival);
            if (j != null) {
                owner.put(e, j);
            }
            if (e.ev() == Type.SEND) {
                sends.add(e);
            }
        }
        long[] oneWay = medianOneWay(byPacket, trace);
        long start = start(all, sends, span);
        long end = end(all, sends, start, span);
        List<TraceEvent> shown = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<Flight> flights = new ArrayList<>();
        Map<Joining, Boolean> inSpan = new IdentityHashMap<>();
        long last = end;
        Counts counts = new Counts();
        for (TraceEvent e : all) {
            counts.add(e);
            Joining j = owner.get(e);
            boolean within = e.t() >= start && e.t() <= end;
            if (within && e.ev() == Type.SEND && j != null) {
                inSpan.put(j, true);
            }
            if (!within && !(e.t() > end && j != null && inSpan.containsKey(j))) {
                continue;
            }
            if (e.ev() == Type.SEND && j != null && inSpan.containsKey(j)) {
                long flightEnd = j.end >= 0 ? j.end : j.fate == Flight.Fate.LOST || j.fate == Flight.Fate.UNKNOWN
                        ? e.t() + oneWay[e.side().ordinal()] / (j.fate == Flight.Fate.LOST ? 2 : 1) : e.t();
                flights.add(new Flight(shown.size(), e, j.fate, flightEnd, List.copyOf(j.copies), j.discarded));
                last = Math.max(last, flightEnd);
            }
            last = Math.max(last, e.t());
            shown.add(e);
            steps.add(counts.step(e));
        }
        Timeline timeline = new Timeline(trace, start, last, List.copyOf(shown), List.copyOf(steps), List.copyOf(flights));
        timeline.oneWay[0] = oneWay[0];
        timeline.oneWay[1] = oneWay[1];
        return timeline;
    }

    /** Joins an event to the datagram it is about, if it is about one; returns that datagram. */
    private static Joining join(TraceEvent e, List<Map<Long, Joining>> byPacket, Map<Long, Joining> lastDataArrival) {
        if (e.side() == null) {
            return null;
        }
        int own = e.side().ordinal();
        int other = 1 - own;
        switch (e.ev()) {
            case SEND -> {
                if (e.pn() == null) {
                    return null;
                }
                Joining j = new Joining(e);
                byPacket.get(own).put(e.pn(), j);
                return j;
            }
            case RECV, BAD -> {
                Joining j = e.pn() == null ? null : byPacket.get(other).get(e.pn());
                if (j == null) {
                    return null;
                }
                if (j.end < 0) {
                    j.end = e.t();
                    j.fate = e.ev() == Type.BAD ? Flight.Fate.CORRUPTED : Flight.Fate.DELIVERED;
                } else {
                    j.copies.add(e.t());
                }
                if (e.ev() == Type.RECV && "DATA".equals(e.kind()) && e.seq() != null) {
                    lastDataArrival.put(e.seq(), j);
                }
                return j;
            }
            case LOST, QUEUE_DROP -> {
                Joining j = e.pn() == null ? null : byPacket.get(own).get(e.pn());
                if (j != null && (j.fate == Flight.Fate.UNKNOWN || e.ev() == Type.QUEUE_DROP && j.end < 0)) {
                    j.fate = e.ev() == Type.LOST ? Flight.Fate.LOST : Flight.Fate.QUEUE_DROP;
                    j.end = e.ev() == Type.QUEUE_DROP ? e.t() : -1;
                }
                return j;
            }
            case DUP, CORRUPT -> {
                return e.pn() == null ? null : byPacket.get(own).get(e.pn());
            }
            case DISCARD -> {
                Joining j = e.seq() == null ? null : lastDataArrival.get(e.seq());
                if (j != null) {
                    j.discarded = true;
                }
                return j;
            }
            default -> {
                return null;
            }
        }
    }

    /** The median one-way time of delivered datagrams, per side they came from; the header's delay without any. */
    private static long[] medianOneWay(List<Map<Long, Joining>> byPacket, Trace trace) {
        long[] result = new long[2];
        for (Side side : Side.values()) {
            long[] times = byPacket.get(side.ordinal()).values().stream().filter(j -> j.fate == Flight.Fate.DELIVERED)
                    .mapToLong(j -> j.end - j.send.t()).sorted().toArray();
            var link = side == Side.SENDER ? trace.header().link() : trace.header().ackLink();
            long fallback = link != null && link.delayNs() > 0 ? link.delayNs() : 1_000_000;
            result[side.ordinal()] = times.length == 0 ? fallback : Math.max(1, times[times.length / 2]);
        }
        return result;
    }

    private static long start(List<TraceEvent> all, List<TraceEvent> sends, Span span) {
        if (span.fromNs() != null) {
            return span.fromNs();
        }
        long first = all.isEmpty() ? 0 : all.getFirst().t();
        Long loss = all.stream().filter(e -> e.ev().drop()).map(TraceEvent::t).findFirst().orElse(null);
        if (loss == null) {
            return first;
        }
        int before = (int) sends.stream().filter(s -> s.t() <= loss).count();
        return before > 40 ? sends.get(before - 21).t() : first;
    }

    private static long end(List<TraceEvent> all, List<TraceEvent> sends, long start, Span span) {
        if (span.toNs() != null) {
            return span.toNs();
        }
        List<TraceEvent> after = sends.stream().filter(s -> s.t() >= start).toList();
        if (after.size() > span.datagrams()) {
            return after.get(span.datagrams() - 1).t();
        }
        return all.isEmpty() ? start : Math.max(start, all.getLast().t());
    }

    /** The running counts behind the player's panel. */
    private static final class Counts {
        long sent;
        long lost;
        long retransmitted;
        long timeouts;
        long acks;
        Long base;
        Long next;
        Long rto;

        void add(TraceEvent e) {
            switch (e.ev()) {
                case SEND -> {
                    if (e.side() == Side.SENDER) {
                        sent++;
                        retransmitted += e.retransmission() ? 1 : 0;
                    }
                }
                case LOST, QUEUE_DROP -> lost++;
                case TIMEOUT -> timeouts++;
                case RECV -> acks += e.side() == Side.SENDER && "ACK".equals(e.kind()) ? 1 : 0;
                default -> {
                }
            }
            base = e.base() != null ? e.base() : base;
            next = e.next() != null ? e.next() : next;
            rto = e.ev() != Type.TIMEOUT && e.rto() != null ? e.rto() : rto;
        }

        Step step(TraceEvent e) {
            return new Step(e.t(), EventText.of(e), base, next, rto, sent, lost, retransmitted, timeouts, acks);
        }
    }
}

package chatlab.p2p.arq;

import java.util.ArrayList;
import java.util.List;

/**
 * Selective Repeat: up to N segments in flight, each acknowledged on its own and with its own
 * timer; a timeout sends only that segment again.
 *
 * <p>A segment's timer runs for the current RTO, doubled once per earlier transmission of that
 * segment: sent k times, it waits RTO·2^(k−1). Each segment backs off on its own, so that losses
 * of some segments do not slow the retransmission of others, as one shared, doubled timer would.
 *
 * <p>A segment's timer starts when it is sent, and starts again, with the RTO of that moment,
 * whenever an acknowledgement arrives for a transmission sent before it: that is RFC 6298's rule
 * 5.3 ("restart the timer on an ACK of new data", which Go-Back-N applies to its one timer),
 * applied to each segment behind the acknowledged one. The sender cannot see the queue in front
 * of the link, but the acknowledgements show it draining: while transmissions sent earlier keep
 * arriving, a segment queued behind them is not yet late. Without this, a window sent in one burst into a slow link
 * expired at its tail before the link had even carried it, and Karn's rule then threw away
 * every sample that would have taught the timer the longer, queued round trip. A segment that
 * is really lost is sent again one RTO after the acknowledgement of the transmission before it,
 * exactly as Go-Back-N's timer would, but alone.
 */
public final class SelectiveRepeatSender extends SlidingSender {

    public SelectiveRepeatSender(long totalSegments, int windowSize, RtoEstimator timer) {
        super(totalSegments, windowSize, timer);
    }

    /** Starts the segment's timer from {@code now}: the RTO, doubled once per earlier transmission. */
    private void arm(long index, long now) {
        window.arm(index, now + timer.backedOffNanos(window.transmissions(index)));
    }

    @Override
    public List<Long> poll(long now) {
        List<Long> send = new ArrayList<>();
        int expired = 0;
        long first = -1;
        long expiredNanos = 0;
        for (long i = base; i < next; i++) {
            if (!window.acked(i) && now >= window.deadline(i)) {
                if (expired++ == 0) {
                    first = i;
                    expiredNanos = timer.backedOffNanos(window.transmissions(i));
                    stats.timeouts++;
                    stats.timeoutNanos += expiredNanos;
                }
                window.sent(i, now, stats);
                arm(i, now);
                send.add(i);
            }
        }
        if (expired > 0) {
            events.timeout(now, first, expired, expiredNanos);
        }
        while (next < total && next - base < window.size) {
            window.fresh(next);
            window.sent(next, now, stats);
            arm(next, now);
            send.add(next);
            next++;
        }
        checkInvariant();
        return send;
    }

    @Override
    public void onAck(long cumulative, long selective, long echoSentAt, long now) {
        stats.acks++;
        long latest = -1; // the sending order of the latest transmission this acknowledgement accounts for
        if (selective >= next || cumulative > next) {
            stats.ignoredAcks++;
            return;
        }
        if (selective >= base && !window.acked(selective)) {
            sample(selective, echoSentAt, now);
            window.ack(selective);
            latest = window.order(selective);
        } else if (echoSentAt >= 0) {
            sample(selective, echoSentAt, now); // a repeated acknowledgement still times its transmission
        }
        long upTo = Math.min(cumulative, next);
        for (long i = base; i < upTo; i++) {
            if (!window.acked(i)) {
                window.ack(i);
                latest = Math.max(latest, window.order(i));
            }
        }
        if (latest < 0) {
            stats.duplicateAcks++;
            return;
        }
        int restarted = 0;
        long first = -1;
        for (long i = base; i < next; i++) {
            if (!window.acked(i) && window.order(i) > latest) {
                arm(i, now);
                if (restarted++ == 0) {
                    first = i;
                }
            }
        }
        if (restarted > 0) {
            events.timerSet(now, first, window.deadline(first), restarted, timer.rtoNanos());
        }
        long before = base;
        while (base < next && window.acked(base)) {
            base++;
        }
        if (base > before) {
            timer.progress();
            if (base == next) {
                events.timerStopped(now);
            }
        }
        checkInvariant();
    }

    private void checkInvariant() {
        checkInvariant("Selective Repeat", base < next && window.acked(base));
    }

    @Override
    public long nextDeadline() {
        long earliest = Long.MAX_VALUE;
        for (long i = base; i < next; i++) {
            if (!window.acked(i)) {
                earliest = Math.min(earliest, window.deadline(i));
            }
        }
        return earliest;
    }
}

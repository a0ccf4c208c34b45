package chatlab.p2p.arq;

import java.util.ArrayList;
import java.util.List;

/**
 * Selective Repeat: up to N segments in flight, each acknowledged on its own and with its own
 * timer; a timeout sends only that segment again. Each segment backs its timer off on its own
 * (RTO doubled per earlier retransmission of that segment), so that losses of some segments
 * do not slow the retransmission of others, as one shared, doubled timer would.
 */
public final class SelectiveRepeatSender extends SlidingSender {

    public SelectiveRepeatSender(long totalSegments, int windowSize, RtoEstimator timer) {
        super(totalSegments, windowSize, timer);
    }

    @Override
    public List<Long> poll(long now) {
        List<Long> send = new ArrayList<>();
        boolean timedOut = false;
        for (long i = base; i < next; i++) {
            if (!window.acked(i) && now >= window.deadline(i)) {
                if (!timedOut) {
                    stats.timeouts++;
                    stats.timeoutNanos += timer.backedOffNanos(window.transmissions(i));
                    timedOut = true;
                }
                // each segment backs off on its own: sent k times, it waits RTO * 2^k before the next try
                window.sent(i, now, timer.backedOffNanos(window.transmissions(i) + 1), stats);
                send.add(i);
            }
        }
        while (next < total && next - base < window.size) {
            window.fresh(next);
            window.sent(next, now, timer.rtoNanos(), stats);
            send.add(next);
            next++;
        }
        checkInvariant();
        return send;
    }

    @Override
    public void onAck(long cumulative, long selective, long now) {
        boolean progress = false;
        if (selective >= base && selective < next && !window.acked(selective)) {
            sample(selective, now);
            window.ack(selective);
            progress = true;
        } else if (selective >= next) {
            stats.ignoredAcks++;
            return;
        }
        long upTo = Math.min(cumulative, next);
        for (long i = base; i < upTo; i++) {
            if (!window.acked(i)) {
                window.ack(i);
                progress = true;
            }
        }
        long before = base;
        while (base < next && window.acked(base)) {
            base++;
        }
        if (base > before) {
            timer.progress();
        }
        if (!progress) {
            stats.duplicateAcks++;
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

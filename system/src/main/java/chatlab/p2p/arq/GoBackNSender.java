package chatlab.p2p.arq;

import java.util.ArrayList;
import java.util.List;

/**
 * Go-Back-N: up to N segments in flight, cumulative acknowledgements, one timer for the oldest
 * unacknowledged segment. When it expires, every segment in flight is sent again. With N = 1
 * this is Stop-and-Wait.
 */
public final class GoBackNSender extends SlidingSender {
    private long deadline = Long.MAX_VALUE;

    public GoBackNSender(long totalSegments, int windowSize, RtoEstimator timer) {
        super(totalSegments, windowSize, timer);
    }

    @Override
    public List<Long> poll(long now) {
        List<Long> send = new ArrayList<>();
        if (base < next && now >= deadline) {
            long expired = timer.rtoNanos();
            stats.timeouts++;
            stats.timeoutNanos += expired;
            events.timeout(now, base, (int) (next - base), expired);
            timer.backoff();
            if (timer.rtoNanos() != expired) {
                events.backoff(now, timer.rtoNanos());
            }
            for (long i = base; i < next; i++) {
                window.sent(i, now, stats);
                send.add(i);
            }
            deadline = now + timer.rtoNanos();
            events.timerSet(now, base, deadline, 1, timer.rtoNanos());
        }
        while (next < total && next - base < window.size) {
            window.fresh(next);
            window.sent(next, now, stats);
            send.add(next);
            if (base == next) {
                deadline = now + timer.rtoNanos();
                events.timerSet(now, next, deadline, 1, timer.rtoNanos());
            }
            next++;
        }
        checkInvariant();
        return send;
    }

    @Override
    public void onAck(long cumulative, long selective, long echoSentAt, long now) {
        stats.acks++;
        if (cumulative > next) {
            stats.ignoredAcks++;
            return;
        }
        if (cumulative <= base) {
            stats.duplicateAcks++;
            if (echoSentAt >= 0) {
                sample(cumulative - 1, echoSentAt, now); // a segment after a gap: still a true round trip
            }
            return;
        }
        sample(cumulative - 1, echoSentAt, now);
        timer.progress();
        base = cumulative;
        deadline = base == next ? Long.MAX_VALUE : now + timer.rtoNanos();
        if (base == next) {
            events.timerStopped(now);
        } else {
            events.timerSet(now, base, deadline, 1, timer.rtoNanos());
        }
        checkInvariant();
    }

    private void checkInvariant() {
        checkInvariant("Go-Back-N", false);
    }

    @Override
    public long nextDeadline() {
        return base < next ? deadline : Long.MAX_VALUE;
    }
}

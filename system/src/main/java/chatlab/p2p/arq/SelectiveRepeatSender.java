package chatlab.p2p.arq;

import java.util.ArrayList;
import java.util.List;

/**
 * Selective Repeat: up to N segments in flight, each acknowledged on its own and with its own
 * timer; a timeout sends only that segment again.
 */
public final class SelectiveRepeatSender implements ArqSender {
    private final long total;
    private final Window window;
    private final RtoEstimator timer;
    private final SenderStats stats = new SenderStats();
    private long base;
    private long next;

    public SelectiveRepeatSender(long totalSegments, int windowSize, RtoEstimator timer) {
        if (totalSegments < 0) {
            throw new IllegalArgumentException("a transfer has 0 or more segments");
        }
        this.total = totalSegments;
        this.window = new Window(windowSize);
        this.timer = timer;
    }

    @Override
    public List<Long> poll(long now) {
        List<Long> send = new ArrayList<>();
        boolean backedOff = false;
        for (long i = base; i < next; i++) {
            if (!window.acked(i) && now >= window.deadline(i)) {
                if (!backedOff) {
                    stats.timeouts++;
                    stats.timeoutNanos += timer.rtoNanos();
                    timer.backoff();
                    backedOff = true;
                }
                window.sent(i, now, timer.rtoNanos(), stats);
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

    private void sample(long index, long now) {
        long rtt = window.rttIfSentOnce(index, now);
        if (rtt >= 0) {
            timer.sample(rtt);
            stats.rttSamples++;
        }
    }

    private void checkInvariant() {
        if (base < 0 || base > next || next - base > window.size || next > total || (base < next && window.acked(base))) {
            throw new IllegalStateException("Selective Repeat window broken: base=" + base + " next=" + next + " N="
                    + window.size + " total=" + total);
        }
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

    @Override
    public boolean finished() {
        return base == total;
    }

    @Override
    public long acknowledged() {
        return base;
    }

    @Override
    public SenderStats stats() {
        return stats;
    }

    @Override
    public RtoEstimator timer() {
        return timer;
    }
}

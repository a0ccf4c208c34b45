package chatlab.gbn;

import chatlab.p2p.arq.ArqReceiver;
import chatlab.p2p.arq.ArqSender;
import chatlab.p2p.impair.FateSource;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.TransferSettings;
import java.util.PriorityQueue;

/**
 * The transfer's twin on an ideal link, in virtual time: the same sender and receiver state
 * machines that the measured transfer runs ({@code chatlab.p2p.arq}), the same timer rule, and a
 * link that does exactly what docs/GBN-MODEL.md says and nothing else: frames serialise at the
 * rate, propagate for the delay and are lost with the configured process, and acknowledgements
 * come back after the delay, one per data frame, never lost, each echoing the transmission it
 * answers as the real receiver's do. No thread, clock or socket takes any
 * time. Nothing measured goes in: where the measurement and the twin differ, the real endpoints
 * did (scheduling, the JVM, coalesced acknowledgements); where the twin and the closed form
 * differ, the closed form's approximations did.
 */
final class IdealTwin {
    /** Events past this many per frame mean the run is stuck (it never is, but the loop is bounded). */
    private static final long EVENTS_PER_FRAME = 10_000;

    /** Runs per point when the twin estimates the expected goodput: at least, and at most. */
    static final int MIN_RUNS = 6;
    static final int MAX_RUNS = 60;
    /** The twin repeats until its 95% confidence interval is this close to its mean. */
    static final double PRECISION = 0.02;
    /** Frames per run, at least: the twin is cheap, so it runs longer than the measurement. */
    static final long LEAST_FRAMES = 4096;
    /** Keeps the twin's seeds apart from the measured transfers'. */
    private static final long STREAM = 0x7717;

    private IdealTwin() {
    }

    /**
     * The twin's expected steady goodput at a point, in bits per second: the mean of runs with
     * seeds of their own, not the measured transfers', so that the twin knows the loss process
     * and never the losses the measurement happened to draw. It repeats until its 95% confidence
     * interval is within {@value #PRECISION} of the mean, between {@value #MIN_RUNS} and
     * {@value #MAX_RUNS} runs: a large window's runs vary a lot when a loss early on leaves the
     * timer with a long RTO.
     */
    static double expected(SweepPoint point, long frames, SweepConfig config) {
        long length = Math.max(frames, LEAST_FRAMES);
        double[] goodputs = new double[MAX_RUNS];
        int runs = 0;
        while (runs < MAX_RUNS) {
            long seed = chatlab.lab.Seeds.derive(config.seed(), STREAM, point.strategy().ordinal(), point.window(),
                    Double.doubleToLongBits(point.loss()), Double.doubleToLongBits(point.delayMs()), runs + 1);
            goodputs[runs++] = run(point, length, config.settings(point), config.rateBitsPerSecond(), config.frameBytes(),
                    seed).steadyGoodput(config.chunkBytes());
            double[] so = java.util.Arrays.copyOf(goodputs, runs);
            if (runs >= MIN_RUNS && PointStats.precise(so, PRECISION)) {
                return PointStats.mean(so);
            }
        }
        return PointStats.mean(goodputs);
    }

    /** What the twin's transfer took. Times in seconds. */
    record Result(long frames, double seconds, double steadySeconds, long steadyFrames, long timeouts,
            long retransmissions, double meanTimeoutSeconds) {
        /** Goodput of the steady part, in bits per second, for chunks of {@code chunkBytes}. */
        double steadyGoodput(int chunkBytes) {
            return steadySeconds <= 0 ? 0 : steadyFrames * chunkBytes * 8.0 / steadySeconds;
        }
    }

    /** A data frame arriving (with when it was sent), or an acknowledgement arriving (echoing that time). */
    private record Event(long at, long order, boolean ack, long index, long cumulative, long selective, long sentAt)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    /**
     * Runs one transfer of {@code frames} frames with {@code settings} over the point's link.
     * Steady state is timed from the moment a tenth of the frames are acknowledged, as the
     * measurement does (TransferReport.steadyFrom).
     */
    static Result run(SweepPoint point, long frames, TransferSettings settings, long rateBitsPerSecond, int frameBytes,
            long seed) {
        ArqSender sender = point.strategy().sender(frames, point.window(), settings.newTimer());
        ArqReceiver receiver = point.strategy().receiver(frames, point.strategy().window(point.window()));
        FateSource fates = new FateSource(Impairment.NONE.withLoss(point.loss()), seed);
        long tFrame = frameBytes * 8L * 1_000_000_000L / rateBitsPerSecond;
        long delay = Math.round(point.delayMs() * 1e6);
        long steadyFrom = chatlab.p2p.transfer.TransferReport.steadyFrom(frames);
        PriorityQueue<Event> events = new PriorityQueue<>();
        long order = 0;
        long linkFree = 0;
        long now = 0;
        long steadyAt = -1;
        long budget = Math.max(1, frames) * EVENTS_PER_FRAME;
        while (!sender.finished()) {
            if (budget-- <= 0) {
                throw new IllegalStateException("the twin of " + point.label() + " did not finish");
            }
            for (long index : sender.poll(now)) {
                long start = Math.max(now, linkFree);
                linkFree = start + tFrame;
                if (!fates.next(frameBytes).lost()) {
                    events.add(new Event(linkFree + delay, order++, false, index, 0, 0, now));
                }
            }
            Event next = events.peek();
            long deadline = sender.nextDeadline();
            if (next == null || deadline < next.at()) {
                if (deadline == Long.MAX_VALUE) {
                    throw new IllegalStateException("the twin of " + point.label() + " has nothing to wait for");
                }
                now = Math.max(now, deadline);
                continue;
            }
            events.poll();
            now = next.at();
            if (next.ack()) {
                sender.onAck(next.cumulative(), next.selective(), next.sentAt(), now);
                if (steadyAt < 0 && sender.acknowledged() >= steadyFrom) {
                    steadyAt = now;
                }
            } else {
                ArqReceiver.Outcome outcome = receiver.onData(next.index());
                events.add(new Event(now + delay, order++, true, 0, outcome.cumulative(), outcome.selective(),
                        next.sentAt()));
            }
        }
        long steadyFrames = frames - steadyFrom;
        return new Result(frames, now / 1e9, steadyAt < 0 ? 0 : (now - steadyAt) / 1e9, steadyFrames,
                sender.stats().timeouts(), sender.stats().retransmissions(),
                sender.stats().meanTimeoutNanos() / 1e9);
    }
}

package chatlab.gbn;

import chatlab.p2p.arq.RtoEstimator;
import chatlab.p2p.arq.Strategy;

/**
 * The analytic models drawn over the measurements (docs/GBN-MODEL.md derives them). Times are in
 * seconds, rates in bits per second.
 *
 * <p>The link: a frame of {@code frameBytes} takes {@code tFrame} = frameBytes·8/R to serialise,
 * then d to propagate; acknowledgements take d back and are neither rate-limited nor lost. A
 * loss-free round trip is RTT0 = tFrame + 2d, a = d / tFrame, and the pipe holds 2a + 1 =
 * RTT0/tFrame frames.
 *
 * <p>{@link #predict} is the lab's predictive model: it takes the configured parameters and the
 * timer's rule, and nothing the run measured.
 */
public final class GbnModel {
    /** RFC 6298's G as the sender applies it, in seconds. */
    static final double GRANULARITY = RtoEstimator.GRANULARITY / 1e9;
    /** The sender's least RTO, in seconds. */
    static final double MIN_RTO = RtoEstimator.FLOOR.toNanos() / 1e9;

    private GbnModel() {
    }

    /** The configured link. */
    public record Link(double rateBitsPerSecond, int chunkBytes, int frameBytes, double delaySeconds) {
        public double tFrame() {
            return frameBytes * 8.0 / rateBitsPerSecond;
        }

        public double a() {
            return delaySeconds / tFrame();
        }

        public double rtt0() {
            return tFrame() + 2 * delaySeconds;
        }

        /** The frames a loss-free round trip holds, 2a + 1. */
        public double pipe() {
            return rtt0() / tFrame();
        }
    }

    /**
     * The timer's rule: RFC 6298 (RTO = SRTT + max(G, 4·RTTVAR) between a floor and a ceiling,
     * doubled on each timeout) or a fixed timeout.
     */
    public record Timer(double fixedSeconds, double maxSeconds) {
        public static Timer adaptive(double maxSeconds) {
            return new Timer(0, maxSeconds);
        }

        public static Timer fixed(double seconds) {
            return new Timer(seconds, seconds);
        }

        public boolean isFixed() {
            return fixedSeconds > 0;
        }

        /**
         * The timeout for a smoothed round trip {@code srtt} and variation {@code rttvar}:
         * SRTT + max(G, 4·RTTVAR), within the floor and the ceiling.
         */
        public double timeout(double srtt, double rttvar) {
            return isFixed() ? fixedSeconds
                    : Math.max(MIN_RTO, Math.min(maxSeconds, srtt + Math.max(GRANULARITY, 4 * rttvar)));
        }

        /** The timeout after {@code doublings} backoffs (a fixed timer does not back off). */
        public double backedOff(double timeout, int doublings) {
            return isFixed() ? timeout : Math.min(maxSeconds, timeout * Math.pow(2, doublings));
        }
    }

    /**
     * What the model predicts for one point.
     *
     * @param goodputBps the steady-state goodput
     * @param srtt the steady round trip, max(RTT0, N·tFrame): a window beyond the pipe waits in the queue
     * @param timeout the steady timeout, T_o
     * @param perFrame the mean time per delivered frame
     * @param lossCost what the first loss of a frame costs, in time
     * @param stallsPerFrame how often a loss costs that (for Selective Repeat, losses in one window share it)
     * @param linkLimited whether the window fills the pipe, N·tFrame ≥ RTT0, so that the link, not the window, sets the pace
     */
    public record Prediction(double goodputBps, double srtt, double timeout, double perFrame, double lossCost,
            double stallsPerFrame, boolean linkLimited) {
    }

    /** The steady-state prediction for a strategy and window at loss {@code p}, from the configuration alone. */
    public static Prediction predict(Strategy strategy, int window, double p, Link link, Timer timer) {
        int n = strategy.window(window);
        double t = link.tFrame();
        double rtt0 = link.rtt0();
        double steady = Math.max(rtt0, n * t);
        boolean selective = strategy == Strategy.SELECTIVE_REPEAT;
        // How often a loss stalls the window; for Selective Repeat, losses in one window share a stall.
        double stalls = selective ? p / (1 + p * (n - 1)) : p;
        double timeout = timer.isFixed() ? timer.fixedSeconds() : cycleTimeout(n, rtt0, t, steady, stalls, timer);
        double tEff = Math.max(t, rtt0 / n);
        double repeated = repeatedLosses(p, timeout, timer);
        double perFrame;
        double cost;
        boolean linkLimited = n * t >= rtt0;
        if (selective) {
            // The acknowledgement of the frame before the lost one restarts its timer; it fires
            // T_o later. Window-limited, the stream resumes from there, as Go-Back-N's does. Link-
            // limited, the rest of the window still crosses the link and is kept; the link then
            // idles until the timer fires, carries the lost frame, and idles a round trip's 2d
            // more until its acknowledgement opens the window.
            cost = linkLimited ? t + 2 * link.delaySeconds() + Math.max(0, 2 * link.delaySeconds() - t + timeout - (n - 1) * t)
                    : rtt0 + timeout - tEff;
            // A stall holds 1 + p(N − 1) lost frames on average, sent again side by side: it lasts
            // longer if any of their retransmissions is lost too, not once per lost retransmission.
            double lostInStall = 1 + p * (n - 1);
            double anyRelost = 1 - Math.pow(1 - p, lostInStall);
            perFrame = tEff + stalls * cost + (linkLimited ? (p - stalls) * t : 0)
                    + (p == 0 ? 0 : stalls * anyRelost * repeated / (p * p));
        } else {
            // The acknowledgement of frame k−1 restarts the timer; it fires T_o later and the
            // window goes again from k: k is RTT0 + T_o − tEff later than an unbroken stream.
            cost = rtt0 + timeout - tEff;
            perFrame = tEff + p * cost + repeated;
        }
        return new Prediction(link.chunkBytes() * 8 / perFrame, steady, timeout, perFrame, cost, stalls, linkLimited);
    }

    /** Cycles of the sample pattern {@link #cycleTimeout} runs the estimator over: to settle, then to average. */
    private static final int SETTLE_CYCLES = 20;
    private static final int AVERAGE_CYCLES = 20;
    /** Samples a cycle holds at most: a rarer stall leaves the timer settled at the steady round trip anyway. */
    private static final long MAX_CYCLE = 20_000;

    /**
     * The mean RTO the timer runs with, from the pattern of round trips it samples. Each stall
     * (a rate of {@code stalls} per frame) is followed by a window sent at once into the empty
     * queue, whose N round trips spread from RTT0 to RTT0 + (N − 1)·tFrame; the other frames of
     * the cycle, 1/stalls in all, see the steady round trip. RFC 6298's recurrences (gains 1/8
     * and 1/4, RTO = SRTT + max(G, 4·RTTVAR)) run over that periodic pattern until it settles.
     * The timer that expires is the one armed at the acknowledgement before the next lost frame,
     * j samples into the cycle with chance s(1 − s)^j: the RTO is averaged with those weights.
     * At high loss that is early in the cycle, just after the previous burst's longest round
     * trips, when RTTVAR is at its largest. Without loss this is the steady round trip + G. Every sample is counted: the receiver echoes
     * the transmission each acknowledgement answers, so retransmissions are timed too.
     */
    static double cycleTimeout(int n, double rtt0, double t, double steady, double stalls, Timer timer) {
        long cycle = stalls <= 0 ? 0 : Math.min(MAX_CYCLE, Math.max(n, Math.round(1 / stalls)));
        if (cycle == 0) {
            return timer.timeout(steady, 0);
        }
        double srtt = rtt0;
        double rttvar = rtt0 / 2;
        double sum = 0;
        double weights = 0;
        for (int c = 0; c < SETTLE_CYCLES + AVERAGE_CYCLES; c++) {
            double weight = stalls; // the next stall's timer is armed j samples in with chance s(1 − s)^j
            for (long i = 0; i < cycle; i++) {
                if (c >= SETTLE_CYCLES) {
                    sum += weight * timer.timeout(srtt, rttvar);
                    weights += weight;
                    weight *= 1 - stalls;
                }
                double r = i < n ? rtt0 + i * t : steady;
                rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - r);
                srtt = 0.875 * srtt + 0.125 * r;
            }
        }
        return sum / weights;
    }

    /** From this many stalls per window on, the closed form's timer is approximate (see {@link #caveat}). */
    static final double CROWDED = 0.5;

    /**
     * Where the closed form's approximations are coarsest at a point, in a few words; empty
     * elsewhere. It charges each stall on its own and takes the timer's RTO from a periodic
     * pattern of round trips: a window sent at once after each stall, then steady ones. When
     * stalls come within a window of each other (stalls per frame × N ≥ {@value #CROWDED}), the
     * bursts overlap and are cut short, the pattern is irregular, and the RTO the timer really
     * has when it is armed can differ from the pattern's.
     */
    public static String caveat(SweepPoint point, Prediction prediction) {
        if (point.loss() == 0 || prediction == null) {
            return "";
        }
        double perWindow = prediction.stallsPerFrame() * point.strategy().window(point.window());
        return perWindow >= CROWDED
                ? String.format(java.util.Locale.ROOT, "stalls crowd: %.1f per window", perWindow) : "";
    }

    /**
     * The expected cost per frame of losing its retransmissions too: the j-th loss in a row waits
     * the timer backed off j − 1 times, and happens with probability p^j.
     */
    static double repeatedLosses(double p, double timeout, Timer timer) {
        double sum = 0;
        double chance = p;
        for (int j = 2; j <= 64 && chance > 1e-15; j++) {
            chance *= p;
            sum += chance * timer.backedOff(timeout, j - 1);
        }
        return sum;
    }

    /** Kurose-Ross, no loss: U = min(1, N·tFrame / RTT0). */
    public static double kuroseRossUtilization(int window, Link link) {
        return Math.min(1, window * link.tFrame() / link.rtt0());
    }

    /**
     * Stallings (Bertsekas-Gallager) for Go-Back-N with frame loss p: U = (1−p)/(1+2ap) when
     * N ≥ 2a+1, else N(1−p)/((2a+1)(1−p+Np)). It assumes an error is known one round trip after
     * the frame was sent.
     */
    public static double stallingsUtilization(int window, double p, Link link) {
        double a = link.a();
        if (window >= 2 * a + 1) {
            return (1 - p) / (1 + 2 * a * p);
        }
        return window * (1 - p) / ((2 * a + 1) * (1 - p + window * p));
    }

    /** Goodput from a utilisation: U·R·payload/frame, in bits per second. */
    public static double goodput(double utilization, Link link) {
        return utilization * link.rateBitsPerSecond() * link.chunkBytes() / link.frameBytes();
    }
}

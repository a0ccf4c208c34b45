package chatlab.gbn;

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
    /** RFC 6298's G as the sender applies it (chatlab.p2p.arq.RtoEstimator), in seconds. */
    static final double GRANULARITY = 0.005;
    /** The sender's least RTO, in seconds. */
    static final double MIN_RTO = 0.005;

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
         * The timeout once the round trip is steady at {@code srtt}: RTTVAR has decayed below G/4,
         * so the RTO is SRTT + G.
         */
        public double timeout(double srtt) {
            return isFixed() ? fixedSeconds : Math.max(MIN_RTO, Math.min(maxSeconds, srtt + GRANULARITY));
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
     * @param tFrame the link's frame time
     * @param rtt0 the loss-free round trip
     */
    public record Prediction(double goodputBps, double srtt, double timeout, double perFrame, double lossCost,
            double stallsPerFrame, boolean linkLimited, double tFrame, double rtt0) {
    }

    /** The steady-state prediction for a strategy and window at loss {@code p}, from the configuration alone. */
    public static Prediction predict(Strategy strategy, int window, double p, Link link, Timer timer) {
        int n = strategy.window(window);
        double t = link.tFrame();
        double rtt0 = link.rtt0();
        double srtt = Math.max(rtt0, n * t);
        double timeout = timer.timeout(srtt);
        double tEff = Math.max(t, rtt0 / n);
        double repeated = repeatedLosses(p, timeout, timer);
        double perFrame;
        double cost;
        double stalls;
        boolean linkLimited = n * t >= rtt0;
        if (strategy == Strategy.SELECTIVE_REPEAT) {
            // The acknowledgement of the frame before the lost one restarts its timer; it fires
            // T_o later. Window-limited, the stream resumes from there, as Go-Back-N's does. Link-
            // limited, the rest of the window still crosses the link and is kept; the link then
            // idles until the timer fires, carries the lost frame, and idles a round trip's 2d
            // more until its acknowledgement opens the window.
            cost = linkLimited ? t + 2 * link.delaySeconds() + Math.max(0, 2 * link.delaySeconds() - t + timeout - (n - 1) * t)
                    : rtt0 + timeout - tEff;
            // A loss within the window of one already stalled waits out the same stall.
            stalls = p / (1 + p * (n - 1));
            perFrame = tEff + stalls * cost + (linkLimited ? (p - stalls) * t : 0) + repeated;
        } else {
            // The acknowledgement of frame k−1 restarts the timer; it fires T_o later and the
            // window goes again from k: k is RTT0 + T_o − tEff later than an unbroken stream.
            cost = rtt0 + timeout - tEff;
            stalls = p;
            perFrame = tEff + p * cost + repeated;
        }
        return new Prediction(link.chunkBytes() * 8 / perFrame, srtt, timeout, perFrame, cost, stalls, linkLimited, t, rtt0);
    }

    /** Below this chance of a sample per window, Go-Back-N's timer is starved (see {@link #caveat}). */
    static final double STARVED = 0.25;
    /** A window whose queued round trip is this many loss-free ones learns it late (see {@link #caveat}). */
    static final double QUEUED = 4;

    /**
     * Where the closed form's assumptions are at risk at a point, in a few words; empty where
     * they hold. It assumes a fed, settled timer: RTTVAR decayed, RTO = SRTT + G.
     * <ul>
     * <li>Go-Back-N resends its whole window on a timeout, so a segment gives an RTT sample only
     * if the window moves past it before the next loss, with chance about (1 − p)^N. Below
     * {@value #STARVED}, Karn's rule starves the estimator and the RTO keeps what the start-up
     * taught it.
     * <li>A Go-Back-N window whose queued round trip N·tFrame is more than {@value #QUEUED} loss-free
     * ones learns it only from samples after the start-up burst; a loss before then can leave the
     * RTO below the queued round trip, and since an acknowledgement that moves the window undoes
     * the backoff, the timer then fires early again and again until a segment sent once is
     * acknowledged.
     * <li>Selective Repeat stalls on a loss and then sends a window into an empty queue: the
     * burst's round trips spread from RTT0 to RTT0 + (N − 1)·tFrame, and once that spread is half a
     * round trip or more, RTTVAR keeps T_o above SRTT + G.
     * </ul>
     */
    public static String caveat(SweepPoint point, Prediction prediction) {
        if (point.loss() == 0 || prediction == null) {
            return "";
        }
        int n = point.strategy().window(point.window());
        if (point.strategy() == Strategy.SELECTIVE_REPEAT) {
            return 2 * (n - 1) * prediction.tFrame() >= prediction.rtt0() ? "RTT varies after each stall" : "";
        }
        double sampled = Math.pow(1 - point.loss(), n);
        if (n > 1 && sampled < STARVED) {
            return String.format(java.util.Locale.ROOT, "timer starved: (1-p)^N = %.3f", sampled);
        }
        return n * prediction.tFrame() > QUEUED * prediction.rtt0() ? "start-up RTO below the queued RTT" : "";
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

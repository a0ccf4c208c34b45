package chatlab.gbn;

/**
 * The analytic models drawn over the measurements (docs/GBN-MODEL.md). Times are in seconds.
 *
 * <p>The link: a frame of {@code frameBytes} takes {@code tFrame} = frameBytes·8/R to serialise,
 * then {@code d} to propagate; acknowledgements are small and take d back. A loss-free round
 * trip is RTT0 = tFrame + 2d, and a = d / tFrame.
 */
public final class GbnModel {
    private GbnModel() {
    }

    /**
     * The link's numbers for one point. {@code measuredRtt0}, when positive, is the smallest round
     * trip the sender sampled: it adds to the ideal tFrame + 2d what the ideal link does not know,
     * the endpoints' own processing and the emulator's scheduling, and RTT0 takes the larger.
     */
    public record Link(double rateBitsPerSecond, int chunkBytes, int frameBytes, double delaySeconds,
            double measuredRtt0) {
        public Link(double rateBitsPerSecond, int chunkBytes, int frameBytes, double delaySeconds) {
            this(rateBitsPerSecond, chunkBytes, frameBytes, delaySeconds, 0);
        }

        public double tFrame() {
            return frameBytes * 8.0 / rateBitsPerSecond;
        }

        public double a() {
            return delaySeconds / tFrame();
        }

        public double rtt0() {
            return Math.max(tFrame() + 2 * delaySeconds, measuredRtt0);
        }
    }

    /** Kurose-Ross, no loss: U = min(1, N·tFrame / (RTT0)). */
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

    /**
     * The timeout-driven model for our timer, for a file of {@code frames}: the first frame's
     * round trip, the rest one {@code tEff} apart, and for each expected loss the wait our timer
     * imposes. Our timer restarts on each acknowledgement that moves the window, so a loss of
     * frame k is retransmitted RTT0 + T_o after frame k−1 was sent, a delay of RTT0 + T_o − tEff;
     * a window larger than that wait keeps the link busy instead: the lost frame took its link time
     * before it was lost, and the doomed frames behind it theirs (see {@link #doomedAfterLoss}).
     * Expected losses: frames·p/(1−p).
     *
     * @param timeout the mean length of the timers that expired (T_o)
     * @return the expected time of the data phase
     */
    public static double timeoutDrivenSeconds(long frames, int window, double p, double timeout, Link link) {
        return secondsWithLossEvents(frames, window, frames * p / (1 - p), timeout, link);
    }

    /** The same model for a known number of loss events (each one a timeout: there is no fast retransmit). */
    public static double secondsWithLossEvents(long frames, int window, double events, double timeout, Link link) {
        if (frames == 0) {
            return 0;
        }
        double tEff = Math.max(link.tFrame(), link.rtt0() / window);
        double perLoss = Math.max(link.rtt0() + timeout - tEff, (1 + doomedAfterLoss(frames, window)) * link.tFrame());
        return link.rtt0() + (frames - 1) * tEff + events * perLoss;
    }

    /**
     * How many frames, on average, were already sent behind a lost one and are thrown away:
     * the rest of the window, but never more than the rest of the file. For a loss at a uniform
     * place in a file of F frames, the mean of min(N−1, j) for j = 0…F−1.
     */
    static double doomedAfterLoss(long frames, int window) {
        long n = window - 1;
        if (n <= 0) {
            return 0;
        }
        long capped = Math.min(n, frames);
        double sum = capped * (capped - 1) / 2.0 + (double) (frames - capped) * n;
        return sum / frames;
    }

    /** A file's size over a time, as goodput in bits per second. */
    public static double goodput(long fileBytes, double seconds) {
        return seconds == 0 ? 0 : fileBytes * 8 / seconds;
    }
}

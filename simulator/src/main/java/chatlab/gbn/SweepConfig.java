package chatlab.gbn;

import chatlab.lab.Seeds;
import chatlab.p2p.arq.Strategy;
import chatlab.p2p.transfer.TransferSettings;
import chatlab.p2p.wire.DatagramCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid of a throughput sweep and the link it runs on. The impaired link serialises at
 * {@code rateBitsPerSecond} and delays by each one-way delay; every datagram the sender sends
 * (SYN, data, FIN) is lost at each loss rate, after it took its link time; acknowledgements are
 * delayed but not lost. The clean points run on plain loopback, beside a raw UDP blast of
 * datagrams of the same size.
 *
 * <p>Each impaired transfer is long enough for a steady state: {@code fileBytes}, or when that
 * is 0, as many frames as the model expects in {@code roundTrips} loss-free round trips, between
 * {@link #MIN_WINDOWS} windows and {@link #MAX_FRAMES} frames. A point repeats, with up to
 * {@code parallel} transfers of the sweep at a time, at least {@code minRepeats} times and until its 95% confidence interval
 * is within ±{@code precision} of its mean, or {@code maxRepeats} is reached; {@link RepeatQueue}
 * shares the {@code parallel} slots among the points.
 */
public record SweepConfig(List<Integer> windows, List<Double> losses, List<Double> delaysMs,
        List<Strategy> strategies, long fileBytes, int roundTrips, int chunkBytes, long rateBitsPerSecond,
        int minRepeats, int maxRepeats, double precision, int parallel, long seed, Double fixedTimeoutMs,
        List<Integer> cleanWindows, long cleanFileBytes) {
    /** A transfer is at least this many windows long, so that its first tenth holds the start-up. */
    static final int MIN_WINDOWS = 20;
    /** And at most this many frames (4 MiB of 1 KiB chunks). */
    static final long MAX_FRAMES = 4096;
    /**
     * The most transfers at once: each has its own sockets, impairer and three threads, and
     * beyond this many on two cores the endpoints' own delays would show in the measurements.
     */
    static final int MAX_PARALLEL = 32;
    /** The clean loopback's share of the progress bar. */
    static final long CLEAN_WORK_MILLIS = 5_000;
    /** The least number of clean loopback rounds. */
    static final int CLEAN_ROUNDS = 5;
    /** How long the transfers' peers wait for each other before they give up. */
    static final Duration IDLE = Duration.ofSeconds(30);

    public SweepConfig {
        windows = List.copyOf(windows);
        losses = List.copyOf(losses);
        delaysMs = List.copyOf(delaysMs);
        strategies = List.copyOf(strategies);
        cleanWindows = List.copyOf(cleanWindows);
        if (minRepeats < 1 || maxRepeats < minRepeats) {
            throw new IllegalArgumentException("repeats must be at least 1, and the cap at least the minimum");
        }
        if (!(precision > 0 && precision < 1)) {
            throw new IllegalArgumentException("the precision must be above 0 and below 1 (0.05 is ±5%)");
        }
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new IllegalArgumentException("parallel transfers must be between 1 and " + MAX_PARALLEL);
        }
        if (roundTrips < 1) {
            throw new IllegalArgumentException("round trips must be at least 1");
        }
        if (windows.stream().anyMatch(w -> w < 1) || cleanWindows.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("windows must be at least 1");
        }
        if (losses.stream().anyMatch(p -> p < 0 || p >= 1)) {
            throw new IllegalArgumentException("loss rates must be at least 0 and below 1");
        }
        if (delaysMs.stream().anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (rateBitsPerSecond <= 0) {
            throw new IllegalArgumentException("the link rate must be positive");
        }
        if (chunkBytes < 1 || chunkBytes > 60_000) {
            throw new IllegalArgumentException("the chunk must be between 1 and 60000 bytes");
        }
    }

    /** Every impaired point, in the order they run; Stop-and-Wait has one window, 1. */
    public List<SweepPoint> impairedPoints() {
        List<SweepPoint> points = new ArrayList<>();
        for (double delay : delaysMs) {
            for (double loss : losses) {
                for (Strategy strategy : strategies) {
                    if (strategy == Strategy.STOP_AND_WAIT) {
                        points.add(new SweepPoint(strategy, 1, loss, delay, false));
                    } else {
                        for (int window : windows) {
                            points.add(new SweepPoint(strategy, window, loss, delay, false));
                        }
                    }
                }
            }
        }
        return points;
    }

    /**
     * The seed of one impaired transfer. It leaves the strategy out: every strategy at the same
     * window, loss, delay and repeat meets the same link, the same fate for its n-th datagram
     * (common random numbers), so that their difference is the strategies', not the seeds'.
     */
    public long seed(SweepPoint point, int repeat) {
        return Seeds.derive(seed, point.window(), Double.doubleToLongBits(point.loss()),
                Double.doubleToLongBits(point.delayMs()), repeat);
    }

    /** Go-Back-N on plain loopback, at each clean window. */
    public List<SweepPoint> cleanPoints() {
        return cleanWindows.stream().map(w -> new SweepPoint(Strategy.GO_BACK_N, w, 0, 0, true)).toList();
    }

    /** What one transfer at an impaired point is expected to take, by the model, in seconds. */
    public double expectedSeconds(SweepPoint point) {
        return frames(point) * predict(point).perFrame();
    }

    /**
     * The sweep's work as the progress bar counts it, in milliseconds the model expects: each
     * point its least number of transfers, {@code parallel} at a time, and the clean loopback
     * (a few seconds). Points finish in the order of their work, not their number, so a count of
     * points would give a wrong estimate of the time left.
     */
    public long expectedWorkMillis(SweepPoint point) {
        return Math.max(1, Math.round(1e3 * expectedSeconds(point) * minRepeats / parallel));
    }

    /** The whole sweep's expected work, in the units of {@link #expectedWorkMillis}. */
    public long expectedWorkMillis() {
        return impairedPoints().stream().mapToLong(this::expectedWorkMillis).sum() + (cleanWindows.isEmpty() ? 0 : CLEAN_WORK_MILLIS);
    }

    /**
     * Rounds of the clean loopback (a raw blast, then each clean window): at least
     * {@link #CLEAN_ROUNDS}, since a run of a few tens of milliseconds on a shared machine is
     * noisy and the goal compares medians.
     */
    public int cleanRepeats() {
        return Math.max(CLEAN_ROUNDS, minRepeats);
    }

    /** The bytes on the link per data frame: the chunk and the datagram's header and tag. */
    public int frameBytes() {
        return chunkBytes + DatagramCodec.OVERHEAD;
    }

    /** The configured link at a point, as the models take it. */
    public GbnModel.Link link(SweepPoint point) {
        return new GbnModel.Link(rateBitsPerSecond, chunkBytes, frameBytes(), point.delayMs() / 1e3);
    }

    /** How the transfers at a point are sent: strategy, window, chunk, timer, patience. */
    public TransferSettings settings(SweepPoint point) {
        TransferSettings settings = TransferSettings.DEFAULT.withStrategy(point.strategy()).withWindow(point.window())
                .withChunkSize(chunkBytes).withIdleTimeout(IDLE).withAbortTimeout(Duration.ofMinutes(10));
        return fixedTimeoutMs == null ? settings
                : settings.withFixedTimeout(Duration.ofNanos(Math.round(fixedTimeoutMs * 1e6)));
    }

    /** The timer's rule as the model takes it: the sender's own. */
    public GbnModel.Timer timer() {
        return fixedTimeoutMs != null ? GbnModel.Timer.fixed(fixedTimeoutMs / 1e3)
                : GbnModel.Timer.adaptive(TransferSettings.DEFAULT.withIdleTimeout(IDLE).rtoCeiling().toNanos() / 1e9);
    }

    /** The model's prediction at a point, from the configuration alone. */
    public GbnModel.Prediction predict(SweepPoint point) {
        return GbnModel.predict(point.strategy(), point.window(), point.loss(), link(point), timer());
    }

    /** The frames of the file sent at an impaired point. */
    public long frames(SweepPoint point) {
        if (fileBytes > 0) {
            return (fileBytes + chunkBytes - 1) / chunkBytes;
        }
        double wanted = Math.ceil(roundTrips * link(point).rtt0() / predict(point).perFrame());
        long least = (long) MIN_WINDOWS * point.strategy().window(point.window());
        return Math.max(least, Math.min(MAX_FRAMES, (long) wanted));
    }
}

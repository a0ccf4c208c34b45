package chatlab.gbn;

import chatlab.lab.Seeds;
import chatlab.p2p.arq.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid of a throughput sweep and the link it runs on. The impaired link serialises at
 * {@code rateBitsPerSecond} and delays by each one-way delay; every datagram the sender sends
 * (SYN, data, FIN) is lost at each loss rate, after it took its link time; acknowledgements are
 * delayed but not lost. The clean points run on plain loopback,
 * beside a raw UDP blast of datagrams of the same size.
 */
public record SweepConfig(List<Integer> windows, List<Double> losses, List<Double> delaysMs,
        List<Strategy> strategies, long fileBytes, int chunkBytes, long rateBitsPerSecond, int repeats, long seed,
        Double fixedTimeoutMs, List<Integer> cleanWindows, long cleanFileBytes) {

    public SweepConfig {
        windows = List.copyOf(windows);
        losses = List.copyOf(losses);
        delaysMs = List.copyOf(delaysMs);
        strategies = List.copyOf(strategies);
        cleanWindows = List.copyOf(cleanWindows);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1");
        }
        if (windows.stream().anyMatch(w -> w < 1) || cleanWindows.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("windows must be at least 1");
        }
        if (losses.stream().anyMatch(p -> p < 0 || p >= 1)) {
            throw new IllegalArgumentException("loss rates must be at least 0 and below 1");
        }
        if (rateBitsPerSecond <= 0) {
            throw new IllegalArgumentException("the link rate must be positive");
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

    /** How many transfers and blasts the sweep runs, for the progress bar. */
    public long steps() {
        return (long) (impairedPoints().size() + cleanPoints().size() + (cleanWindows.isEmpty() ? 0 : 1)) * repeats;
    }
}

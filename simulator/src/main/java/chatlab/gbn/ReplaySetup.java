package chatlab.gbn;

import chatlab.lab.Seeds;
import chatlab.p2p.arq.Strategy;
import java.util.List;

/**
 * The parameters of a replayed experiment, each with where it comes from: the seed's report,
 * an assumption where the report states none, or the command line. The experiment has two
 * parts: one file sent at each of {@code windows}, and one file sent to {@code receivers}
 * receivers at {@code fanOutWindow}, all at once and one after another.
 */
public record ReplaySetup(String experiment, long fileBytes, int chunkBytes, List<Integer> windows, int fanOutWindow,
        int receivers, long rateBitsPerSecond, double delayMs, double loss, Double fixedTimeoutMs, int repeats,
        long seed, List<Parameter> parameters) {

    /** One parameter as the report shows it: its value, and where that value comes from. */
    public record Parameter(String name, String value, String source) {
    }

    /** The seeds of the parts: every repeat of a part derives its own from the run's seed. */
    static final int FILE = 0;
    static final int WINDOWS = 1;
    static final int FAN_OUT = 2;

    public ReplaySetup {
        windows = List.copyOf(windows);
        parameters = List.copyOf(parameters);
        if (fileBytes < 1) {
            throw new IllegalArgumentException("the file must hold at least 1 byte");
        }
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("the chunk must be at least 1 byte");
        }
        if (windows.isEmpty() || windows.stream().anyMatch(w -> w < 1) || fanOutWindow < 1) {
            throw new IllegalArgumentException("windows must be at least 1");
        }
        if (receivers < 1) {
            throw new IllegalArgumentException("there must be at least one receiver");
        }
        if (rateBitsPerSecond <= 0) {
            throw new IllegalArgumentException("the link rate must be positive");
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("the delay must not be negative");
        }
        if (loss < 0 || loss >= 1) {
            throw new IllegalArgumentException("the loss rate must be at least 0 and below 1");
        }
        if (repeats < 2) {
            throw new IllegalArgumentException("a replay needs at least 2 repeats, for a confidence interval");
        }
    }

    /** The link, in the sweep's terms, for {@link TransferRun} and {@link FanOut}. */
    SweepConfig link() {
        return new SweepConfig(windows, List.of(loss), List.of(delayMs), List.of(Strategy.GO_BACK_N), fileBytes, 1,
                chunkBytes, rateBitsPerSecond, repeats, repeats, 0.05, 1, seed, fixedTimeoutMs, List.of(), 0);
    }

    /** Go-Back-N at {@code window} on the modelled link. */
    SweepPoint point(int window) {
        return new SweepPoint(Strategy.GO_BACK_N, window, loss, delayMs, false);
    }

    /**
     * The seed of one repeat of a part. The windows of one repeat share theirs, and so do the
     * parallel and the one-after-another fan-out of one repeat: the n-th datagram each sends
     * meets the same fate (common random numbers).
     */
    long seed(int part, int repeat) {
        return Seeds.derive(seed, part, repeat);
    }

    /** The transfers and fan-outs to run, for the progress bar. */
    long steps() {
        return (long) (windows.size() + 2) * repeats;
    }
}

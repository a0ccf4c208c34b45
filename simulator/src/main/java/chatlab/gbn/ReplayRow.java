package chatlab.gbn;

import java.util.List;

/**
 * One measured repeat of a replay. {@code part} is {@link #WINDOW} (one file to one receiver),
 * {@link #PARALLEL} (to every receiver at once) or {@link #IN_TURN} (to each in turn).
 * {@code seconds} is what the seed timed: a transfer's data phase, from its first data segment
 * sent to its last acknowledged; for a fan-out at once, from the first data segment of any
 * transfer to the last acknowledgement of all; for one in turn, the transfers' data phases added
 * up (t + t + t). {@code transferSeconds} holds each transfer's own data phase.
 */
public record ReplayRow(String part, int window, int receivers, int repeat, long seed, double seconds,
        List<Double> transferSeconds, long retransmissions, long timeouts, String error) {
    public static final String WINDOW = "window";
    public static final String PARALLEL = "parallel";
    public static final String IN_TURN = "one-after-another";

    public ReplayRow {
        transferSeconds = transferSeconds == null ? List.of() : List.copyOf(transferSeconds);
    }

    public boolean ok() {
        return error == null;
    }

    static ReplayRow failed(String part, int window, int receivers, int repeat, long seed, String error) {
        return new ReplayRow(part, window, receivers, repeat, seed, 0, List.of(), 0, 0, error);
    }
}

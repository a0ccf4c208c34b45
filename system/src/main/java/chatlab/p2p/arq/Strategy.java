package chatlab.p2p.arq;

import java.util.Locale;

/** The reliable-transfer strategies the lab compares. They share the datagram layer. */
public enum Strategy {
    /** Cumulative acknowledgements and one timer; a loss resends the whole window. */
    GO_BACK_N("gbn"),
    /** Individual acknowledgements and timers; a loss resends one segment. */
    SELECTIVE_REPEAT("sr"),
    /** One segment at a time: Go-Back-N with a window of one. */
    STOP_AND_WAIT("saw");

    private final String code;

    Strategy(String code) {
        this.code = code;
    }

    /** The short name used in flags, files and reports. */
    public String code() {
        return code;
    }

    /** The window actually used: Stop-and-Wait always has one. */
    public int window(int requested) {
        return this == STOP_AND_WAIT ? 1 : requested;
    }

    public ArqSender sender(long segments, int window, RtoEstimator timer) {
        return switch (this) {
            case GO_BACK_N, STOP_AND_WAIT -> new GoBackNSender(segments, window(window), timer);
            case SELECTIVE_REPEAT -> new SelectiveRepeatSender(segments, window, timer);
        };
    }

    public ArqReceiver receiver(long segments, int window) {
        return switch (this) {
            case GO_BACK_N, STOP_AND_WAIT -> new GoBackNReceiver(segments);
            case SELECTIVE_REPEAT -> new SelectiveRepeatReceiver(segments, window);
        };
    }

    public static Strategy parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Strategy s : values()) {
            if (s.code.equals(t) || s.name().toLowerCase(Locale.ROOT).equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + text + "': use gbn, sr or saw");
    }
}

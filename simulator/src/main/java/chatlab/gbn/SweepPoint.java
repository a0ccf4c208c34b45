package chatlab.gbn;

import chatlab.p2p.arq.Strategy;

/**
 * One point of the sweep: a strategy and window on a link with a loss rate and a one-way delay.
 * A clean point runs on plain loopback, without the impaired link.
 */
public record SweepPoint(Strategy strategy, int window, double loss, double delayMs, boolean clean) {

    /** Go-Back-N, or Stop-and-Wait, which is Go-Back-N with a window of one and is drawn as its N = 1. */
    public boolean goBackN() {
        return strategy == Strategy.GO_BACK_N || strategy == Strategy.STOP_AND_WAIT;
    }

    /** A short label for tables: {@code gbn N=8 p=0.05 d=10ms}. */
    public String label() {
        return clean ? strategy.code() + " N=" + window + " clean"
                : String.format(java.util.Locale.ROOT, "%s N=%d p=%s d=%sms", strategy.code(), window,
                        trim(loss), trim(delayMs));
    }

    static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

package chatlab.gbn;

import chatlab.p2p.arq.Strategy;

/**
 * One transfer of the sweep: where it ran, with which seed, and what it measured.
 * {@code goodputBitsPerSecond} is file bytes over the whole data phase, from the first data
 * segment sent to the last acknowledged; {@code steadyBitsPerSecond} the rate after the first
 * tenth of the segments were acknowledged, the steady state the models predict.
 * {@code startupNanos} is what the data phase took beyond that steady rate (the first window,
 * the timer's first samples, the last round trip), and {@code handshakeNanos} the opening
 * exchange before it.
 */
public record Measurement(Strategy strategy, int window, double loss, double delayMs, boolean clean, int repeat,
        long seed, long bytes, long frames, long dataNanos, double goodputBitsPerSecond, double steadyBitsPerSecond,
        long handshakeNanos, long startupNanos, long transmissions, long retransmissions, long timeouts,
        double meanTimeoutMs, double srttMs, double minRttMs, long offeredDatagrams, long lostDatagrams,
        String error) {

    public SweepPoint point() {
        return new SweepPoint(strategy, window, loss, delayMs, clean);
    }

    public boolean ok() {
        return error == null;
    }
}

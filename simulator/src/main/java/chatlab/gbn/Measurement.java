package chatlab.gbn;

import chatlab.p2p.arq.Strategy;

/**
 * One transfer of the sweep: where it ran, with which seed, and what it measured. Goodput is
 * file bytes over the data phase, from the first data segment sent to the last acknowledged.
 */
public record Measurement(Strategy strategy, int window, double loss, double delayMs, boolean clean, int repeat,
        long seed, long bytes, long dataNanos, double goodputBitsPerSecond, long transmissions, long retransmissions,
        long timeouts, double meanTimeoutMs, double srttMs, double minRttMs, long offeredDatagrams, long lostDatagrams,
        String error) {

    public SweepPoint point() {
        return new SweepPoint(strategy, window, loss, delayMs, clean);
    }

    public boolean ok() {
        return error == null;
    }

}

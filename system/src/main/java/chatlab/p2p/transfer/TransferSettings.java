package chatlab.p2p.transfer;

import chatlab.p2p.arq.RtoEstimator;
import chatlab.p2p.arq.Strategy;
import java.time.Duration;

/**
 * How a file is sent: the strategy and window, the chunk carried by each datagram, the timer
 * (adaptive, or fixed when {@code fixedTimeout} is set), and when to give up: after
 * {@code idleTimeout} without a datagram from the peer, or after {@code abortTimeout} in all.
 */
public record TransferSettings(Strategy strategy, int window, int chunkSize, Duration fixedTimeout,
        Duration idleTimeout, Duration abortTimeout) {

    /** A live peer is heard at least this many times in each idle timeout. */
    static final int KEEPALIVES_PER_IDLE = 8;

    public static final TransferSettings DEFAULT = new TransferSettings(Strategy.GO_BACK_N, 32, 1024, null,
            Duration.ofSeconds(10), Duration.ofHours(1));

    public TransferSettings {
        if (window < 1 || window > 65_536) {
            throw new IllegalArgumentException("the window must be between 1 and 65536, not " + window);
        }
        if (chunkSize < 1 || chunkSize > 60_000) {
            throw new IllegalArgumentException("the chunk size must be between 1 and 60000 bytes, not " + chunkSize);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || abortTimeout.isNegative() || abortTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * A fresh timer. An adaptive one never waits more than an eighth of the idle timeout, so a
     * peer hears from a live sender at least eight times before it would give the sender up.
     */
    public RtoEstimator newTimer() {
        return fixedTimeout == null ? RtoEstimator.adaptive(rtoCeiling()) : RtoEstimator.fixed(fixedTimeout);
    }

    /** The adaptive timer's ceiling: an eighth of the idle timeout, and never above 5 s. */
    public Duration rtoCeiling() {
        Duration ceiling = idleTimeout.dividedBy(KEEPALIVES_PER_IDLE);
        return ceiling.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : ceiling;
    }

    /**
     * How long the receiver stays quiet before it repeats its acknowledgement as a keepalive:
     * an eighth of the idle timeout, the same bound as the sender's timer.
     */
    public long keepAliveNanos() {
        return idleTimeout.toNanos() / KEEPALIVES_PER_IDLE;
    }

    public TransferSettings withStrategy(Strategy value) {
        return new TransferSettings(value, window, chunkSize, fixedTimeout, idleTimeout, abortTimeout);
    }

    public TransferSettings withWindow(int value) {
        return new TransferSettings(strategy, value, chunkSize, fixedTimeout, idleTimeout, abortTimeout);
    }

    public TransferSettings withChunkSize(int value) {
        return new TransferSettings(strategy, window, value, fixedTimeout, idleTimeout, abortTimeout);
    }

    public TransferSettings withFixedTimeout(Duration value) {
        return new TransferSettings(strategy, window, chunkSize, value, idleTimeout, abortTimeout);
    }

    public TransferSettings withIdleTimeout(Duration value) {
        return new TransferSettings(strategy, window, chunkSize, fixedTimeout, value, abortTimeout);
    }

    public TransferSettings withAbortTimeout(Duration value) {
        return new TransferSettings(strategy, window, chunkSize, fixedTimeout, idleTimeout, value);
    }

    /** The number of chunks a file of {@code size} bytes takes. */
    public long segments(long size) {
        return (size + chunkSize - 1) / chunkSize;
    }
}

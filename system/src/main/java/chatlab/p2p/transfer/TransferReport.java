package chatlab.p2p.transfer;

import chatlab.p2p.arq.SenderStats;
import java.time.Duration;

/**
 * How a finished send went. {@code data} runs from the first data segment sent to the last one
 * acknowledged: goodput is measured over it, without the handshake and the closing exchange.
 * {@code steady} is the end of it, from the moment the first tenth of the segments were
 * acknowledged ({@link #steadyFrom}): by then the timer has its samples and the window its
 * round trip, so the rate over the rest is the transfer's steady state, start-up left out.
 */
public record TransferReport(long bytes, long segments, Duration handshake, Duration data, Duration total,
        SenderStats stats, long srttNanos, long minRttNanos, long finalRtoNanos, long steadySegments,
        Duration steady) {

    /** The first segment of the steady part: a tenth of the way in. */
    public static long steadyFrom(long segments) {
        return segments / 10;
    }

    /** File bytes per second over the data phase. */
    public double goodputBytesPerSecond() {
        return data.isZero() ? 0 : bytes / (data.toNanos() / 1e9);
    }

    /**
     * Payload bits per second over the steady part, counting {@code chunkSize} bytes per segment
     * (the last, short one as a whole chunk: on a long transfer the difference is below a part in
     * a thousand).
     */
    public double steadyGoodputBitsPerSecond(int chunkSize) {
        return steady.isZero() ? 0 : steadySegments * (double) chunkSize * 8 / (steady.toNanos() / 1e9);
    }
}

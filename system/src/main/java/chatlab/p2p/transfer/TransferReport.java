package chatlab.p2p.transfer;

import chatlab.p2p.arq.SenderStats;
import java.time.Duration;

/**
 * How a finished send went. {@code data} runs from the first data segment sent to the last one
 * acknowledged: goodput is measured over it, without the handshake and the closing exchange.
 */
public record TransferReport(long bytes, long segments, Duration handshake, Duration data, Duration total,
        SenderStats stats, long srttNanos, long minRttNanos, long finalRtoNanos) {

    /** File bytes per second over the data phase. */
    public double goodputBytesPerSecond() {
        return data.isZero() ? 0 : bytes / (data.toNanos() / 1e9);
    }
}

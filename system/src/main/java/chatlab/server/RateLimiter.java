package chatlab.server;

import java.time.InstantSource;

/**
 * A token bucket: {@code perSecond} requests a second on average, bursts of up to {@code burst}.
 * One per connection, used only by that connection's reader, so it needs no locking.
 */
final class RateLimiter {
    private final double perNano;
    private final double burst;
    private final InstantSource clock;
    private double tokens;
    private long lastNanos;

    RateLimiter(int perSecond, int burst, InstantSource clock) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.lastNanos = nanos();
    }

    private long nanos() {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Takes a token if one is left. */
    boolean tryAcquire() {
        long now = nanos();
        tokens = Math.min(burst, tokens + Math.max(0, now - lastNanos) * perNano);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}

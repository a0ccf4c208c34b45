package chatlab.web;

/**
 * A token bucket: up to {@code burst} requests at once, refilled at {@code perSecond}. Thread-safe.
 */
final class TokenBucket {
    private final double burst;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** Takes a token: 0 when there was one, or else the milliseconds until there will be. */
    synchronized long take() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e6));
    }
}

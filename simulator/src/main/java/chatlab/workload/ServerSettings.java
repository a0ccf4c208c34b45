package chatlab.workload;

import java.time.Duration;

/**
 * The server a scenario runs against: the lab starts one with these settings, or, given a
 * target, the checkers assume them ({@code maxAttempts} and {@code blockDuration} for lockout).
 */
public record ServerSettings(int maxAttempts, Duration blockDuration, String argon2, int rateLimit, Duration idleTimeout,
        boolean tls) {
    public static final ServerSettings DEFAULT = new ServerSettings(3, Duration.ofSeconds(10), "m=19456,t=2,p=1", 100,
            chatlab.server.ServerConfig.DEFAULT_IDLE_TIMEOUT, true);

    static ServerSettings parse(ConfigNode node) {
        node.allowOnly("maxAttempts", "blockDuration", "argon2", "rateLimit", "idleTimeout", "tls");
        Duration block = node.get("blockDuration").duration(DEFAULT.blockDuration());
        if (block.toMillis() % 1000 != 0 || block.isZero()) {
            throw node.get("blockDuration").error("must be a whole number of seconds, at least 1s");
        }
        String argon2 = node.get("argon2").text(DEFAULT.argon2());
        try {
            chatlab.server.PasswordHasher.Cost.parse(argon2);
        } catch (IllegalArgumentException e) {
            throw node.get("argon2").error(e.getMessage());
        }
        Duration idle = node.get("idleTimeout").duration(DEFAULT.idleTimeout());
        if (idle.toMillis() % 1000 != 0 || (!idle.isZero() && idle.toSeconds() < 3)) {
            throw node.get("idleTimeout").error("must be 0 (never) or a whole number of seconds, at least 3s");
        }
        return new ServerSettings(node.get("maxAttempts").intValue(1, 5, DEFAULT.maxAttempts()), block, argon2,
                node.get("rateLimit").intValue(0, 1_000_000, DEFAULT.rateLimit()), idle,
                node.get("tls").bool(DEFAULT.tls()));
    }
}

package chatlab.server;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consecutive failures per key (a user for logins, an address for the room password), and the
 * block that {@code maxAttempts} of them start. Each attempt is decided with one atomic update
 * per key, so concurrent attempts block after exactly the allowed number.
 */
final class Lockouts<K> {
    /** How an attempt was judged; {@code attemptsLeft} after a failure, {@code retryAfterSeconds} while blocked. */
    enum Verdict { ACCEPTED, REJECTED, BLOCKED_NOW, BLOCKED }

    record Outcome(Verdict verdict, int attemptsLeft, long retryAfterSeconds) {
    }

    private record State(int failures, Instant blockedUntil) {
        static final State CLEAR = new State(0, Instant.MIN);
    }

    private final LockoutPolicy policy;
    private final InstantSource clock;
    private final ConcurrentHashMap<K, State> states = new ConcurrentHashMap<>();

    Lockouts(LockoutPolicy policy, InstantSource clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Seconds until the key's block ends, or 0 if it is not blocked now. */
    long blockedFor(K key) {
        State state = states.get(key);
        Instant now = clock.instant();
        return state != null && now.isBefore(state.blockedUntil()) ? secondsUntil(now, state.blockedUntil()) : 0;
    }

    /** Counts an attempt that {@code succeeded} or not. */
    Outcome attempt(K key, boolean succeeded) {
        Instant now = clock.instant();
        Verdict[] verdict = new Verdict[1];
        State after = states.compute(key, (k, current) -> {
            State state = current == null ? State.CLEAR : current;
            if (now.isBefore(state.blockedUntil())) {
                verdict[0] = Verdict.BLOCKED;
                return state;
            }
            if (succeeded) {
                verdict[0] = Verdict.ACCEPTED;
                return null;
            }
            int failures = state.failures() + 1;
            if (failures >= policy.maxAttempts()) {
                verdict[0] = Verdict.BLOCKED_NOW;
                return new State(0, now.plus(policy.blockDuration()));
            }
            verdict[0] = Verdict.REJECTED;
            return new State(failures, Instant.MIN);
        });
        return switch (verdict[0]) {
            case ACCEPTED -> new Outcome(Verdict.ACCEPTED, policy.maxAttempts(), 0);
            case REJECTED -> new Outcome(Verdict.REJECTED, policy.maxAttempts() - after.failures(), 0);
            case BLOCKED_NOW, BLOCKED -> new Outcome(verdict[0], 0, secondsUntil(now, after.blockedUntil()));
        };
    }

    private static long secondsUntil(Instant now, Instant until) {
        Duration left = Duration.between(now, until);
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }
}

package chatlab.server;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consecutive failures per key (a user for logins, an address for the room password), and the
 * block that {@code maxAttempts} of them start. Each attempt is decided with one atomic update
 * per key, so concurrent attempts block after exactly the allowed number.
 *
 * <p>With a {@code forgetAfter}, failures are forgotten after that long without another, and
 * ended blocks are dropped, so that keys which come and go (addresses) never pile up; without
 * one, failures count until a success (accounts, whose number is bounded, as Toom's rule has it).
 */
final class Lockouts<K> {
    /** How an attempt was judged; {@code attemptsLeft} after a failure, {@code retryAfterSeconds} while blocked. */
    enum Verdict { ACCEPTED, REJECTED, BLOCKED_NOW, BLOCKED }

    record Outcome(Verdict verdict, int attemptsLeft, long retryAfterSeconds) {
    }

    private record State(int failures, Instant blockedUntil, Instant lastFailure) {
        static final State CLEAR = new State(0, Instant.MIN, Instant.MIN);
    }

    /** How many attempts pass between two sweeps of forgotten keys. */
    private static final int SWEEP_EVERY = 256;

    private final LockoutPolicy policy;
    private final InstantSource clock;
    private final Duration forgetAfter;
    private final ConcurrentHashMap<K, State> states = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger sinceSweep = new java.util.concurrent.atomic.AtomicInteger();

    /** Failures that count until a success. */
    Lockouts(LockoutPolicy policy, InstantSource clock) {
        this(policy, clock, null);
    }

    /** Failures forgotten after {@code forgetAfter} without another; null for never. */
    Lockouts(LockoutPolicy policy, InstantSource clock, Duration forgetAfter) {
        this.policy = policy;
        this.clock = clock;
        this.forgetAfter = forgetAfter;
    }

    /** How many keys are remembered: for tests. */
    int size() {
        return states.size();
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
        if (forgetAfter != null && sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            sinceSweep.set(0);
            states.values().removeIf(state -> forgotten(state, now));
        }
        Verdict[] verdict = new Verdict[1];
        State after = states.compute(key, (k, current) -> {
            State state = current == null || forgotten(current, now) ? State.CLEAR : current;
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
                return new State(0, now.plus(policy.blockDuration()), now);
            }
            verdict[0] = Verdict.REJECTED;
            return new State(failures, Instant.MIN, now);
        });
        return switch (verdict[0]) {
            case ACCEPTED -> new Outcome(Verdict.ACCEPTED, policy.maxAttempts(), 0);
            case REJECTED -> new Outcome(Verdict.REJECTED, policy.maxAttempts() - after.failures(), 0);
            case BLOCKED_NOW, BLOCKED -> new Outcome(verdict[0], 0, secondsUntil(now, after.blockedUntil()));
        };
    }

    /** Whether a key's state no longer matters: no block in force and its last failure long past. */
    private boolean forgotten(State state, Instant now) {
        return forgetAfter != null && !now.isBefore(state.blockedUntil())
                && !now.isBefore(state.lastFailure().plus(forgetAfter));
    }

    private static long secondsUntil(Instant now, Instant until) {
        Duration left = Duration.between(now, until);
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }
}

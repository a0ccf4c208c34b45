package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Protocol;
import chatlab.protocol.Usernames;
import chatlab.store.AccountStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Accounts: signup, password checks and the lockout after consecutive failures. The expensive
 * hash check runs outside any lock; the count of failures is updated atomically per user, so
 * concurrent attempts block an account after exactly the allowed number.
 */
public final class AccountService {
    static final String WELCOME = "Welcome to TOOM!";
    static final String WRONG_PASSWORD = "Invalid Password. Please try again";
    static final String BLOCKED_NOW = "Invalid Password. Your account has been blocked. Please try again later";
    static final String BLOCKED = "Your account is blocked due to multiple login failures. Please try again later";

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final LockoutPolicy policy;
    private final InstantSource clock;
    private final NavigableSet<String> names;
    private final ConcurrentHashMap<String, Lockout> lockouts = new ConcurrentHashMap<>();

    /** Consecutive failures, and the end of the current block if any. */
    private record Lockout(int failures, Instant blockedUntil) {
        static final Lockout CLEAR = new Lockout(0, Instant.MIN);
    }

    private enum Verdict { ACCEPTED, REJECTED, BLOCKED_NOW, BLOCKED }

    public AccountService(AccountStore store, PasswordHasher hasher, LockoutPolicy policy, InstantSource clock) {
        this.store = store;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.names = new ConcurrentSkipListSet<>(store.usernames());
    }

    public LockoutPolicy policy() {
        return policy;
    }

    /** Creates an account, or throws {@link ChatException} saying why not. */
    public void signup(String user, String password) {
        Usernames.require(user);
        requireValidPassword(password);
        if (names.contains(user) || !store.create(user, hasher.hash(password), clock.instant())) {
            throw new ChatException(ErrorCode.USERNAME_TAKEN, "The username '" + user + "' is already taken");
        }
        names.add(user);
    }

    /** Creates an account unless the name exists; returns whether it was created. */
    public boolean importAccount(String user, String password) {
        Usernames.require(user);
        requireValidPassword(password);
        if (names.contains(user)) {
            return false;
        }
        boolean created = store.create(user, hasher.hash(password), clock.instant());
        names.add(user);
        return created;
    }

    /** Checks a password, applying the lockout; returns normally only on success. */
    public void login(String user, String password) {
        String hash = store.passwordHash(user).orElseThrow(() -> unknownUser(user));
        refuseIfBlocked(user, clock.instant());
        boolean matches = hasher.verify(password, hash);
        Instant now = clock.instant();
        Verdict[] verdict = new Verdict[1];
        Lockout after = lockouts.compute(user, (name, current) -> {
            Lockout state = current == null ? Lockout.CLEAR : current;
            if (now.isBefore(state.blockedUntil())) {
                verdict[0] = Verdict.BLOCKED;
                return state;
            }
            if (matches) {
                verdict[0] = Verdict.ACCEPTED;
                return null;
            }
            int failures = state.failures() + 1;
            if (failures >= policy.maxAttempts()) {
                verdict[0] = Verdict.BLOCKED_NOW;
                return new Lockout(0, now.plus(policy.blockDuration()));
            }
            verdict[0] = Verdict.REJECTED;
            return new Lockout(failures, Instant.MIN);
        });
        switch (verdict[0]) {
            case ACCEPTED -> { }
            case REJECTED -> throw new ChatException(ErrorCode.WRONG_PASSWORD, WRONG_PASSWORD,
                    policy.maxAttempts() - after.failures(), null, null);
            case BLOCKED_NOW -> throw new ChatException(ErrorCode.ACCOUNT_BLOCKED, BLOCKED_NOW, 0,
                    secondsUntil(now, after.blockedUntil()), null);
            case BLOCKED -> throw blocked(now, after.blockedUntil());
        }
    }

    private void refuseIfBlocked(String user, Instant now) {
        Lockout state = lockouts.get(user);
        if (state != null && now.isBefore(state.blockedUntil())) {
            throw blocked(now, state.blockedUntil());
        }
    }

    private static ChatException blocked(Instant now, Instant until) {
        return new ChatException(ErrorCode.ACCOUNT_BLOCKED, BLOCKED, null, secondsUntil(now, until), null);
    }

    private static long secondsUntil(Instant now, Instant until) {
        Duration left = Duration.between(now, until);
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    public boolean exists(String user) {
        return names.contains(user);
    }

    /** Throws {@link ErrorCode#UNKNOWN_USER} unless the account exists. */
    public void requireExists(String user) {
        if (!names.contains(user)) {
            throw unknownUser(user);
        }
    }

    private static ChatException unknownUser(String user) {
        return new ChatException(ErrorCode.UNKNOWN_USER, "Username '" + user + "' does not exist");
    }

    /** Every username, in name order. */
    public List<String> usernames() {
        return List.copyOf(names);
    }

    static void requireValidPassword(String password) {
        if (password == null || password.isEmpty() || password.length() > Protocol.MAX_PASSWORD_CHARS) {
            throw new ChatException(ErrorCode.INVALID_PASSWORD,
                    "A password has 1 to " + Protocol.MAX_PASSWORD_CHARS + " characters");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw new ChatException(ErrorCode.INVALID_PASSWORD, "A password must not contain control characters");
        }
    }
}

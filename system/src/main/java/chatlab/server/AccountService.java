package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Protocol;
import chatlab.protocol.Usernames;
import chatlab.store.AccountStore;
import java.time.InstantSource;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Accounts: signup, password checks and the lockout after consecutive failures. The expensive
 * hash check runs outside any lock; the count of failures is updated atomically per user, so
 * concurrent attempts block an account after exactly the allowed number.
 */
public final class AccountService {
    static final String WRONG_PASSWORD = "Invalid Password. Please try again";
    static final String BLOCKED_NOW = "Invalid Password. Your account has been blocked. Please try again later";
    static final String BLOCKED = "Your account is blocked due to multiple login failures. Please try again later";

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final LockoutPolicy policy;
    private final InstantSource clock;
    private final NavigableSet<String> names;
    private final Lockouts<String> lockouts;

    public AccountService(AccountStore store, PasswordHasher hasher, LockoutPolicy policy, InstantSource clock) {
        this.store = store;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.lockouts = new Lockouts<>(policy, clock);
        this.names = new ConcurrentSkipListSet<>(store.usernames());
    }

    public LockoutPolicy policy() {
        return policy;
    }

    /** Creates an account, or throws {@link ChatException} saying why not. */
    public void signup(String user, String password) {
        Usernames.require(user);
        chatlab.protocol.Passwords.require(password);
        if (names.contains(user) || !store.create(user, hasher.hash(password), clock.instant())) {
            throw new ChatException(ErrorCode.USERNAME_TAKEN, "The username '" + user + "' is already taken");
        }
        names.add(user);
    }

    /** Creates an account unless the name exists; returns whether it was created. */
    public boolean importAccount(String user, String password) {
        Usernames.require(user);
        chatlab.protocol.Passwords.require(password);
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
        long blocked = lockouts.blockedFor(user);
        if (blocked > 0) {
            throw new ChatException(ErrorCode.ACCOUNT_BLOCKED, BLOCKED, null, blocked, null);
        }
        Lockouts.Outcome outcome = lockouts.attempt(user, hasher.verify(password, hash));
        switch (outcome.verdict()) {
            case ACCEPTED -> { }
            case REJECTED -> throw new ChatException(ErrorCode.WRONG_PASSWORD, WRONG_PASSWORD, outcome.attemptsLeft(),
                    null, null);
            case BLOCKED_NOW -> throw new ChatException(ErrorCode.ACCOUNT_BLOCKED, BLOCKED_NOW, 0,
                    outcome.retryAfterSeconds(), null);
            case BLOCKED -> throw new ChatException(ErrorCode.ACCOUNT_BLOCKED, BLOCKED, null, outcome.retryAfterSeconds(),
                    null);
        }
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
}

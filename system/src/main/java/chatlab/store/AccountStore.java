package chatlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts: a username and the hash of its password. */
public interface AccountStore {
    /** Creates an account; returns false if the name is taken. */
    boolean create(String user, String passwordHash, Instant createdAt);

    Optional<String> passwordHash(String user);

    /** Every username, in name order. */
    List<String> usernames();
}

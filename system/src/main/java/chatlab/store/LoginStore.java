package chatlab.store;

import java.time.Instant;
import java.util.List;

/** The history of logins and logouts, which outlives sessions and restarts. */
public interface LoginStore {
    /** A user's most recent login within a period. */
    record LastLogin(String user, Instant at) {
    }

    /** Records a login and returns its id, for {@link #recordLogout}. */
    long recordLogin(String user, Instant at, String address, Integer udpPort);

    void recordLogout(long loginId, Instant at);

    /** Each user's latest login at or after {@code since}, in name order, starting after {@code afterUser}. */
    List<LastLogin> lastLoginsSince(Instant since, String afterUser, int limit);
}

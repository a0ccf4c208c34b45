package chatlab.server;

import java.time.Duration;

/**
 * The CSC573 room: the Argon2id hash of its password ({@code null}: no password), and kicking
 * by vote. A user is removed when {@code kickVotes} distinct other users voted within
 * {@code kickWindow}, and may not log in again for {@code kickBan}.
 */
public record RoomPolicy(String passwordHash, int kickVotes, Duration kickWindow, Duration kickBan) {
    public static final int DEFAULT_KICK_VOTES = 2;
    public static final Duration DEFAULT_KICK_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_KICK_BAN = Duration.ofMinutes(10);
    /** No room password; CSC573's two votes. */
    public static final RoomPolicy DEFAULT = new RoomPolicy(null, DEFAULT_KICK_VOTES, DEFAULT_KICK_WINDOW,
            DEFAULT_KICK_BAN);

    public RoomPolicy {
        if (kickVotes < 1 || kickVotes > 1_000) {
            throw new IllegalArgumentException("--kick-votes must be between 1 and 1000, not " + kickVotes);
        }
        if (kickWindow.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--kick-window must be at least 1 second, not " + kickWindow);
        }
        if (kickBan.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--kick-ban must be at least 1 second, not " + kickBan);
        }
        if (passwordHash != null && passwordHash.isBlank()) {
            throw new IllegalArgumentException("the room password hash must not be blank");
        }
    }

    /** Whether a client must give the room password before it signs up or logs in. */
    public boolean guarded() {
        return passwordHash != null;
    }

    public RoomPolicy withPasswordHash(String hash) {
        return new RoomPolicy(hash, kickVotes, kickWindow, kickBan);
    }

    @Override
    public String toString() {
        return "RoomPolicy[password=" + (guarded() ? "***" : "none") + ", kickVotes=" + kickVotes + ", kickWindow="
                + kickWindow + ", kickBan=" + kickBan + "]";
    }
}

package chatlab.store;

import java.time.Instant;
import java.util.Optional;

/** The key directory: each user's published identity key (public; the private half stays with the client). */
public interface KeyStore {
    /** A user's key and when it was published. */
    record Published(String user, byte[] key, Instant updatedAt) {
        public Published {
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }
    }

    /** Sets {@code user}'s key, replacing any earlier one; returns whether it differs from the one before. */
    boolean publish(String user, byte[] key, Instant at);

    /** {@code user}'s key, if they published one. */
    Optional<Published> find(String user);
}

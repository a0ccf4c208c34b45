package chatlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What users show others: a display name, an "about" text and an avatar image; and the user directory's search. */
public interface ProfileStore {
    /** A stored profile; the avatar's type and size, not its bytes. */
    record Row(String user, String displayName, String about, String avatarType, Integer avatarBytes, Instant updatedAt) {
    }

    /** An avatar image and its media type. */
    record Image(String type, byte[] data) {
    }

    /** The user's profile, if they ever set one. */
    Optional<Row> find(String user);

    /** Sets the display name and "about" text (null: left as they were). */
    Row update(String user, String displayName, String about, Instant at);

    /** Sets the avatar (null: removes it). */
    Row setAvatar(String user, Image image, Instant at);

    Optional<Image> avatar(String user);

    /**
     * The user names whose name, display name or "about" text match a full-text {@code match}
     * expression (FTS5 syntax), best first.
     */
    List<String> search(String match, int offset, int limit);
}

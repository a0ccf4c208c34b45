package chatlab.protocol;

/**
 * What a user shows others: a display name, a short text about themselves, whether they have an
 * avatar (its media type and size; the image itself comes with {@code avatar}), their status
 * while they are online (absent when offline) and its note, and when the profile last changed.
 */
public record UserProfile(String user, String displayName, String about, String avatarType, Integer avatarBytes,
        UserStatus status, String statusText, String updatedAt) {
}

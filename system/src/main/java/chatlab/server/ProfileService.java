package chatlab.server;

import chatlab.media.MediaTypes;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Protocol;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.Timestamps;
import chatlab.protocol.UserProfile;
import chatlab.store.ProfileStore;
import java.time.InstantSource;
import java.util.Base64;

/**
 * Profiles (Compsys 302): anyone's can be read, only one's own changed. A change is told to
 * every client that watches presence. An avatar's type is read from its bytes.
 */
final class ProfileService {
    private final ProfileStore store;
    private final AccountService accounts;
    private final PresenceService presence;
    private final InstantSource clock;
    private final Timestamps timestamps;

    ProfileService(ProfileStore store, AccountService accounts, PresenceService presence, InstantSource clock,
            Timestamps timestamps) {
        this.store = store;
        this.accounts = accounts;
        this.presence = presence;
        this.clock = clock;
        this.timestamps = timestamps;
    }

    /** A user's profile as {@code viewer} sees it: with the user's status while they are online to the viewer. */
    UserProfile profile(String viewer, String user) {
        accounts.requireExists(user);
        var status = presence.status(user, user.equals(viewer));
        var row = store.find(user);
        return new UserProfile(user, row.map(ProfileStore.Row::displayName).filter(s -> !s.isEmpty()).orElse(null),
                row.map(ProfileStore.Row::about).filter(s -> !s.isEmpty()).orElse(null),
                row.map(ProfileStore.Row::avatarType).orElse(null), row.map(ProfileStore.Row::avatarBytes).orElse(null),
                status.map(ServerMessage.Status::status).orElse(null), status.map(ServerMessage.Status::text).orElse(null),
                row.map(r -> timestamps.format(r.updatedAt())).orElse(null));
    }

    ServerMessage.ProfileInfo update(long requestId, String user, String displayName, String about) {
        ProfileStore.Row row = store.update(user, displayName == null ? null : displayName.strip(), about,
                Timestamps.truncate(clock.instant()));
        announce(row);
        return new ServerMessage.ProfileInfo(requestId, profile(user, user));
    }

    ServerMessage.ProfileInfo setAvatar(long requestId, String user, String base64) {
        ProfileStore.Image image = null;
        if (base64 != null) {
            byte[] data;
            try {
                data = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new ChatException(ErrorCode.INVALID_ARGUMENT, "data must be base64: " + e.getMessage());
            }
            if (data.length > Protocol.MAX_AVATAR_BYTES) {
                throw new ChatException(ErrorCode.AVATAR_TOO_LARGE, "The avatar has " + data.length
                        + " bytes; the limit is " + Protocol.MAX_AVATAR_BYTES + " (" + Protocol.MAX_AVATAR_BYTES / 1024
                        + " KiB)");
            }
            String type = MediaTypes.sniff(data).filter(MediaTypes::isImage).orElseThrow(() -> new ChatException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, "An avatar must be a PNG, JPEG, GIF or WebP image; these "
                            + data.length + " bytes are none of them"));
            image = new ProfileStore.Image(type, data);
        }
        announce(store.setAvatar(user, image, Timestamps.truncate(clock.instant())));
        return new ServerMessage.ProfileInfo(requestId, profile(user, user));
    }

    ServerMessage.Avatar avatar(long requestId, String user) {
        accounts.requireExists(user);
        ProfileStore.Image image = store.avatar(user).orElseThrow(() -> new ChatException(ErrorCode.NO_AVATAR,
                user + " has no avatar"));
        return new ServerMessage.Avatar(requestId, user, image.type(), Base64.getEncoder().encodeToString(image.data()));
    }

    private void announce(ProfileStore.Row row) {
        presence.tellWatchers(row.user(), new ServerMessage.ProfileChanged(row.user(),
                row.displayName().isEmpty() ? null : row.displayName(), row.about().isEmpty() ? null : row.about(),
                row.avatarType(), timestamps.format(row.updatedAt())));
    }
}

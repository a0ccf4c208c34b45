package chatlab.server;

import chatlab.e2e.IdentityKeys;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.Timestamps;
import chatlab.store.KeyStore;
import java.time.InstantSource;
import java.util.Base64;

/**
 * The key directory for end-to-end sealed messages: each user publishes their identity key and
 * anyone may fetch anyone's. The server holds public keys only, so it can tell who claims which
 * key but can open nothing sealed with them; clients compare fingerprints and warn when a
 * user's key changes.
 */
final class KeyService {
    private final KeyStore store;
    private final AccountService accounts;
    private final PresenceService presence;
    private final BlockService blocks;
    private final InstantSource clock;
    private final Timestamps timestamps;

    KeyService(KeyStore store, AccountService accounts, PresenceService presence, BlockService blocks,
            InstantSource clock, Timestamps timestamps) {
        this.store = store;
        this.accounts = accounts;
        this.presence = presence;
        this.blocks = blocks;
        this.clock = clock;
        this.timestamps = timestamps;
    }

    /**
     * Where {@code user}'s client takes direct messages from {@code asker}: its address and UDP
     * port, and the key to seal them for. Nobody learns the address of a user who blocks them.
     */
    ServerMessage.PeerInfo peer(long requestId, String asker, String user) {
        accounts.requireExists(user);
        if (user.equals(asker)) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "You cannot send yourself a direct message");
        }
        if (blocks.blocks(user, asker)) {
            throw new ChatException(ErrorCode.RECIPIENT_BLOCKED, MessagingService.RECIPIENT_BLOCKED);
        }
        Session session = presence.reachableOverUdp(user).orElseThrow(() -> new ChatException(ErrorCode.USER_OFFLINE,
                user + " is offline (or their client takes no peer-to-peer datagrams)"));
        byte[] key = published(user).key();
        return new ServerMessage.PeerInfo(requestId, user, session.address(), session.udpPort(),
                Base64.getEncoder().encodeToString(key), IdentityKeys.fingerprint(key),
                user + " takes direct messages at " + session.address() + ":" + session.udpPort() + ".");
    }

    ServerMessage.IdentityKey publish(long requestId, String user, String base64) {
        byte[] key = IdentityKeys.decodePublicKey(base64); // checked when decoded; decoded again for the store
        boolean changed = store.publish(user, key, Timestamps.truncate(clock.instant()));
        return answer(requestId, user, changed ? "Your identity key is published." : "Your identity key was already published.");
    }

    ServerMessage.IdentityKey find(long requestId, String user) {
        accounts.requireExists(user);
        return answer(requestId, user, null);
    }

    private ServerMessage.IdentityKey answer(long requestId, String user, String message) {
        KeyStore.Published published = published(user);
        byte[] key = published.key();
        String fingerprint = IdentityKeys.fingerprint(key);
        return new ServerMessage.IdentityKey(requestId, user, Base64.getEncoder().encodeToString(key), fingerprint,
                timestamps.format(published.updatedAt()),
                message != null ? message : user + "'s identity key: " + fingerprint + ".");
    }

    /** {@code user}'s published key, or {@code no_key}. */
    private KeyStore.Published published(String user) {
        return store.find(user).orElseThrow(() -> new ChatException(ErrorCode.NO_KEY,
                user + " has published no identity key yet: their client publishes one when it logs in"));
    }
}

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
    private final InstantSource clock;
    private final Timestamps timestamps;

    KeyService(KeyStore store, AccountService accounts, InstantSource clock, Timestamps timestamps) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
        this.timestamps = timestamps;
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
        KeyStore.Published published = store.find(user).orElseThrow(() -> new ChatException(ErrorCode.NO_KEY,
                user + " has published no identity key yet: their client publishes one when it logs in"));
        byte[] key = published.key();
        return new ServerMessage.IdentityKey(requestId, user, Base64.getEncoder().encodeToString(key),
                IdentityKeys.fingerprint(key), timestamps.format(published.updatedAt()),
                message != null ? message : user + "'s identity key: " + IdentityKeys.fingerprint(key) + ".");
    }
}

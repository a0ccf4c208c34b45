package chatlab.p2p.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.e2e.IdentityKeys;
import chatlab.e2e.KeyBook;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.store.RelayStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay passes on what it holds when the server's presence event says the recipient came
 * online, with no fetch from the recipient: three clients on real UDP endpoints on loopback, the
 * directory (who is online, where, with which key) kept here in place of the server's.
 */
class RelayOfferIT {
    private static final DirectMessages.Settings FAST = new DirectMessages.Settings(Duration.ofMillis(50), 8)
            .withSweep(Duration.ofMillis(100)).withRelays(1);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private final Map<String, DirectMessages.Peer> online = new ConcurrentHashMap<>();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The directory as the server would answer it, from {@link #online} and {@link #keys}. */
    private final DirectMessages.Directory directory = new DirectMessages.Directory() {
        @Override
        public Optional<DirectMessages.Peer> peer(String user) {
            return Optional.ofNullable(online.get(user));
        }

        @Override
        public byte[] key(String user) {
            byte[] key = keys.get(user);
            if (key == null) {
                throw new ChatException(ErrorCode.UNKNOWN_USER, "no key for " + user);
            }
            return key;
        }

        @Override
        public List<DirectMessages.Online> online() {
            return online.values().stream().map(p -> new DirectMessages.Online(p.user(), p.address())).toList();
        }
    };

    /** One user's client: what it was shown and told. */
    private static final class Heard implements DirectMessages.Listener {
        final List<String> shown = new CopyOnWriteArrayList<>();
        final Set<String> deliveredLater = ConcurrentHashMap.newKeySet();

        @Override
        public void onDirectMessage(String from, String text) {
            shown.add(from + ": " + text);
        }

        @Override
        public void onDeliveredLater(String to, long messageId) {
            deliveredLater.add(to);
        }
    }

    /** {@code user}'s client, online in the directory; nothing is fetched (no {@code announce}). */
    private DirectMessages client(String user, Heard heard) throws Exception {
        Path folder = dir.resolve(user);
        IdentityKeys identity = IdentityKeys.loadOrCreate(folder);
        keys.put(user, identity.publicKey());
        PeerEndpoint endpoint = PeerEndpoint.open("127.0.0.1", 0, Impairment.NONE, user.hashCode());
        opened.add(endpoint);
        DirectMessages messages = new DirectMessages(user, identity, KeyBook.open(folder), endpoint, directory, heard, FAST,
                RelayStore.open(folder, RelayStore.Limits.DEFAULT));
        opened.addFirst(messages);
        online.put(user, new DirectMessages.Peer(user, new InetSocketAddress("127.0.0.1", endpoint.port()),
                identity.publicKey()));
        return messages;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void aRelayToldThatTheRecipientCameOnlinePassesTheMessageOnAndTheReceiptBack() throws Exception {
        keys.put("erin", IdentityKeys.loadOrCreate(dir.resolve("erin")).publicKey()); // published once, then away
        Heard alice = new Heard();
        DirectMessages aliceClient = client("alice", alice);
        DirectMessages bob = client("bob", new Heard());
        DirectMessages.Outcome outcome = aliceClient.send("erin", "by presence").get(20, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOfSatisfying(DirectMessages.Held.class,
                held -> assertThat(held.relays()).containsExactly("bob"));

        Heard erin = new Heard();
        client("erin", erin); // online, but asks no one
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(erin.shown::isEmpty);
        bob.userOnline("erin"); // the server's presence event, as DirectChat passes it on
        await().atMost(WAIT).until(() -> !erin.shown.isEmpty());
        assertThat(erin.shown).containsExactly("alice: by presence");
        await().atMost(WAIT).until(() -> alice.deliveredLater.contains("erin"));
    }
}

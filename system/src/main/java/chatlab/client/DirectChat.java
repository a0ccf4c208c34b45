package chatlab.client;

import chatlab.e2e.IdentityKeys;
import chatlab.e2e.KeyBook;
import chatlab.p2p.direct.DirectMessages;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.store.RelayStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Direct messages for a logged-in client: its identity, known keys and relay store from its data
 * folder, its key published to the server, and {@link DirectMessages} over its UDP endpoint, with
 * the server as the directory. A message no relay would hold goes through the server's own
 * offline delivery when the settings' fallback says so.
 */
public final class DirectChat implements AutoCloseable {
    private final ChatClient client;
    private final DirectMessages messages;
    private final DirectMessages.Fallback fallback;

    private DirectChat(ChatClient client, DirectMessages messages, DirectMessages.Fallback fallback) {
        this.client = client;
        this.messages = messages;
        this.fallback = fallback;
    }

    /**
     * Starts direct messages for {@code user}, logged in on {@code client} with {@code endpoint}'s
     * port: makes or loads the identity in {@code dataFolder}, publishes its key, and asks the
     * online users' clients for what they hold for it.
     */
    public static DirectChat start(ChatClient client, String user, PeerEndpoint endpoint, Path dataFolder,
            DirectMessages.Listener listener, DirectMessages.Settings settings) throws IOException {
        return start(client, user, endpoint, dataFolder, listener, settings, new java.security.SecureRandom());
    }

    /** As above, with message ids and relays chosen by {@code random} (the simulator's seed). */
    public static DirectChat start(ChatClient client, String user, PeerEndpoint endpoint, Path dataFolder,
            DirectMessages.Listener listener, DirectMessages.Settings settings, RandomGenerator random) throws IOException {
        IdentityKeys identity = IdentityKeys.loadOrCreate(dataFolder);
        KeyBook book = KeyBook.open(dataFolder);
        ChatClient.await(client.publishKey(identity.publicKey()));
        DirectMessages.Directory directory = new DirectMessages.Directory() {
            @Override
            public Optional<DirectMessages.Peer> peer(String name) {
                try {
                    ServerMessage.PeerInfo info = ChatClient.await(client.peer(name));
                    return Optional.of(new DirectMessages.Peer(name, new InetSocketAddress(info.address(), info.udpPort()),
                            Base64.getDecoder().decode(info.key())));
                } catch (ChatException e) {
                    if (e.code() == ErrorCode.USER_OFFLINE) {
                        return Optional.empty();
                    }
                    throw e;
                }
            }

            @Override
            public byte[] key(String name) {
                return Base64.getDecoder().decode(ChatClient.await(client.key(name)).key());
            }

            @Override
            public List<DirectMessages.Online> online() {
                return ChatClient.await(client.who()).stream()
                        .filter(u -> u.udpPort() != null && u.udpPort() > 0 && u.address() != null)
                        .collect(java.util.stream.Collectors.toMap(u -> u.user(), u -> new DirectMessages.Online(u.user(),
                                new InetSocketAddress(u.address(), u.udpPort())), (first, latest) -> latest,
                                java.util.LinkedHashMap::new))
                        .values().stream().toList();
            }
        };
        RelayStore store = RelayStore.open(dataFolder, settings.limits());
        DirectMessages messages = new DirectMessages(user, identity, book, endpoint, directory, listener, settings, store,
                random);
        DirectChat chat = new DirectChat(client, messages, settings.fallback());
        Thread.ofVirtual().name("direct-announce").start(() -> {
            try {
                messages.announce();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DirectChat.class).debug("could not ask for held messages: {}", e.toString());
            }
        });
        return chat;
    }

    /**
     * Sends {@code text} to {@code to}, sealed for them; see {@link DirectMessages#send}. When no
     * relay holds it and the fallback is the server, it goes as a private message through the
     * server instead.
     */
    public CompletableFuture<DirectMessages.Outcome> send(String to, String text) {
        return messages.send(to, text).thenCompose(outcome -> {
            if (outcome instanceof DirectMessages.NotHeld notHeld && fallback == DirectMessages.Fallback.SERVER) {
                return client.unicast(to, text).thenApply(sent -> new DirectMessages.ViaServer(to, sent.messageId(),
                        notHeld.reasons()));
            }
            return CompletableFuture.completedFuture(outcome);
        });
    }

    /** The server said {@code user} came online: pass on what this client holds for them. */
    public void userOnline(String user) {
        messages.userOnline(user);
    }

    @Override
    public void close() {
        messages.close();
    }
}

package chatlab.client;

import chatlab.e2e.IdentityKeys;
import chatlab.e2e.KeyBook;
import chatlab.p2p.direct.DirectMessages;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.protocol.ServerMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Direct messages for a logged-in client: its identity and known keys from its data folder, its
 * key published to the server, and {@link DirectMessages} over its UDP endpoint, with the
 * server as the directory.
 */
public final class DirectChat implements AutoCloseable {
    private final DirectMessages messages;

    private DirectChat(DirectMessages messages) {
        this.messages = messages;
    }

    /**
     * Starts direct messages for {@code user}, logged in on {@code client} with {@code endpoint}'s
     * port: makes or loads the identity in {@code dataFolder} and publishes its key.
     */
    public static DirectChat start(ChatClient client, String user, PeerEndpoint endpoint, Path dataFolder,
            DirectMessages.Listener listener, DirectMessages.Settings settings) throws IOException {
        IdentityKeys identity = IdentityKeys.loadOrCreate(dataFolder);
        KeyBook book = KeyBook.open(dataFolder);
        ChatClient.await(client.publishKey(identity.publicKey()));
        DirectMessages.Directory directory = new DirectMessages.Directory() {
            @Override
            public DirectMessages.Peer peer(String name) {
                ServerMessage.PeerInfo info = ChatClient.await(client.peer(name));
                return new DirectMessages.Peer(name, new InetSocketAddress(info.address(), info.udpPort()),
                        Base64.getDecoder().decode(info.key()));
            }

            @Override
            public byte[] key(String name) {
                return Base64.getDecoder().decode(ChatClient.await(client.key(name)).key());
            }
        };
        return new DirectChat(new DirectMessages(user, identity, book, endpoint, directory, listener, settings));
    }

    /** Sends {@code text} to {@code to}, sealed for them; see {@link DirectMessages#send}. */
    public CompletableFuture<DirectMessages.Delivered> send(String to, String text) {
        return messages.send(to, text);
    }

    @Override
    public void close() {
        messages.close();
    }
}

package chatlab.testing;

import chatlab.client.ChatClient;
import chatlab.client.ClientOptions;
import chatlab.server.ChatServer;
import chatlab.server.PasswordHasher;
import chatlab.server.ServerConfig;
import chatlab.time.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A real {@link ChatServer} on a free loopback port with a real SQLite file, a manual clock and
 * cheap password hashing, plus helpers to connect clients. Closes everything it opened.
 */
public final class TestServer implements AutoCloseable {
    public final ManualClock clock = new ManualClock(Instant.parse("2021-02-23T15:00:00Z"));
    private final Path db;
    private final Consumer<ServerConfig.Builder> customize;
    private final List<ChatClient> clients = new ArrayList<>();
    private ChatServer server;
    private volatile String roomPassword;

    private TestServer(Path dir, Consumer<ServerConfig.Builder> customize) throws Exception {
        this.db = dir.resolve("chatlab.db");
        this.customize = customize;
        start(0);
    }

    public static TestServer start(Path dir) throws Exception {
        return new TestServer(dir, b -> { });
    }

    public static TestServer start(Path dir, Consumer<ServerConfig.Builder> customize) throws Exception {
        return new TestServer(dir, customize);
    }

    private void start(int port) throws Exception {
        ServerConfig.Builder builder = ServerConfig.builder()
                .port(port)
                .db(db)
                .clock(clock)
                .zone(ZoneId.of("UTC"))
                .hashCost(PasswordHasher.Cost.TESTING)
                .rateLimit(0);
        customize.accept(builder);
        server = ChatServer.start(builder.build());
    }

    public ChatServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public Path db() {
        return db;
    }

    /** Stops the server and starts a new one on the same port and database file. */
    public void restart() throws Exception {
        int port = server.port();
        server.close();
        start(port);
    }

    /** How to trust this server: its certificate's fingerprint, or plaintext when started so. */
    public chatlab.tls.ChannelSecurity security() {
        String fingerprint = server.fingerprint();
        return fingerprint == null ? new chatlab.tls.ChannelSecurity.Plaintext()
                : new chatlab.tls.ChannelSecurity.Pinned(fingerprint);
    }

    /** Client options that trust this server and nothing else. */
    public ClientOptions clientOptions() {
        return ClientOptions.defaults().withSecurity(security());
    }

    /** A bare connection for bad input, over TLS like any client's. */
    public RawClient raw() throws java.io.IOException {
        return new RawClient(port(), security());
    }

    /** A bare connection from another local address, such as 127.0.0.2, to look like another machine. */
    public RawClient raw(java.net.InetAddress from) throws java.io.IOException {
        return new RawClient(port(), from, security());
    }

    /** The room password the clients of {@link #connect}, {@link #signup} and {@link #login} give, if the room has one. */
    public TestServer roomPassword(String password) {
        roomPassword = password;
        return this;
    }

    public ChatClient connect(Recorder recorder) {
        ChatClient client = enter(ChatClient.connect("127.0.0.1", port(),
                clientOptions().withPresence(true).withListener(recorder)));
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** Creates an account through the protocol, as any client would. */
    public void signup(String user, String password) {
        try (ChatClient client = enter(ChatClient.connect("127.0.0.1", port(), clientOptions()))) {
            ChatClient.await(client.signup(user, password));
        }
    }

    private ChatClient enter(ChatClient client) {
        return enterRoom(client, roomPassword);
    }

    /**
     * Gives the room password when the server's room has one and a password is given; a client
     * refused is closed. Returns the client.
     */
    public static ChatClient enterRoom(ChatClient client, String password) {
        if (password != null && client.welcome().roomPassword()) {
            try {
                ChatClient.await(client.enterRoom(password));
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }
        return client;
    }

    /** The refusal a request ends with; an {@link AssertionError} if it succeeds. */
    public static chatlab.protocol.ChatException failure(java.util.concurrent.CompletableFuture<?> future) {
        try {
            ChatClient.await(future);
        } catch (chatlab.protocol.ChatException e) {
            return e;
        }
        throw new AssertionError("expected the request to fail");
    }

    /** Connects and logs in; the recorder sees what the server pushes. */
    public ChatClient login(String user, String password, Recorder recorder) {
        ChatClient client = connect(recorder);
        ChatClient.await(client.login(user, password, null));
        return client;
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(ChatClient::close);
        }
        server.close();
    }
}

package chatlab.driver.chatlab;

import chatlab.client.ChatClient;
import chatlab.driver.Connection;
import chatlab.protocol.Audience;
import chatlab.protocol.UserStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link Connection} over chatlab's {@link ChatClient}; the user's UDP port, if any, goes with every login. */
final class ChatlabConnection implements Connection {
    private final ChatClient client;
    private final Integer udpPort;
    private final java.util.concurrent.atomic.AtomicBoolean closed;

    ChatlabConnection(ChatClient client, Integer udpPort, java.util.concurrent.atomic.AtomicBoolean closed) {
        this.client = client;
        this.udpPort = udpPort;
        this.closed = closed;
    }

    private static <T> CompletableFuture<Void> done(CompletableFuture<T> answer) {
        return answer.thenApply(ignored -> null);
    }

    private static Sent sent(chatlab.protocol.ServerMessage.Sent s) {
        return new Sent(s.messageId(), s.recipients(), s.offline(), s.blockedBy());
    }

    private static Posted posted(chatlab.protocol.ServerMessage.BoardAck ack) {
        return new Posted(ack.number(), ack.timestamp());
    }

    @Override
    public String zone() {
        return client.welcome().zone();
    }

    @Override
    public CompletableFuture<Void> signup(String user, String password) {
        return done(client.signup(user, password));
    }

    @Override
    public CompletableFuture<Void> login(String user, String password) {
        return done(client.login(user, password, udpPort));
    }

    @Override
    public void reconnect() {
        client.reconnect();
    }

    @Override
    public CompletableFuture<Void> logout() {
        return done(client.logout());
    }

    @Override
    public CompletableFuture<Sent> send(Audience mode, List<String> names, String text) {
        return client.send(mode, names, text, null).thenApply(ChatlabConnection::sent);
    }

    @Override
    public CompletableFuture<Sent> sendToGroup(String group, String text) {
        return client.sendToGroup(group, text, null, null).thenApply(ChatlabConnection::sent);
    }

    @Override
    public CompletableFuture<Void> createGroup(String group, String about) {
        return done(client.createGroup(group, about, true));
    }

    @Override
    public CompletableFuture<Void> join(String group) {
        return done(client.join(group));
    }

    @Override
    public CompletableFuture<Void> block(String user) {
        return done(client.block(user));
    }

    @Override
    public CompletableFuture<Void> setStatus(UserStatus status) {
        return done(client.setStatus(status, null));
    }

    @Override
    public CompletableFuture<Integer> who() {
        return client.who().thenApply(List::size);
    }

    @Override
    public CompletableFuture<Posted> post(String text) {
        return client.post(text).thenApply(ChatlabConnection::posted);
    }

    @Override
    public CompletableFuture<Posted> edit(int number, String timestamp, String text) {
        return client.edit(number, timestamp, text).thenApply(ChatlabConnection::posted);
    }

    @Override
    public CompletableFuture<Void> delete(int number, String timestamp) {
        return done(client.delete(number, timestamp));
    }

    @Override
    public CompletableFuture<Integer> read(String since) {
        return client.read(since).thenApply(List::size);
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public String user() {
        return client.user();
    }

    @Override
    public LinkState linkState() {
        ChatClient.LinkState link = client.linkState();
        return new LinkState(link.connected(), link.bytesReceived(), link.partialFrameBytes(), link.sinceLastFrame(),
                link.eventsQueued());
    }

    @Override
    public long handledUpTo() {
        return client.handledUpTo();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (!type.isInstance(client)) {
            throw new IllegalArgumentException("a chatlab connection holds a ChatClient, not a " + type.getSimpleName());
        }
        return type.cast(client);
    }

    @Override
    public void close() {
        closed.set(true);
        client.close();
    }
}

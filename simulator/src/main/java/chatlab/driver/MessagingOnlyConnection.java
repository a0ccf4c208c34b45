package chatlab.driver;

import chatlab.protocol.ChatException;
import chatlab.protocol.UserStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The part every connection of a protocol that only carries messages (MQTT, IRC) shares: it
 * refuses blocks, statuses, the list of who is online and the board, each with {@link
 * UnsupportedOperationException} naming the protocol; it keeps its times in UTC, shows nothing of
 * its link but whether it is up, and keeps no place in a stream; and it remembers who logged in,
 * and with what password, to log in again when the lab reconnects.
 */
public abstract class MessagingOnlyConnection implements Connection {
    private final String protocol;
    /** The user of the last login, null once logged out, and the password it gave. */
    private volatile String user;
    private volatile String secret;

    /** {@code protocol} as refusals name it: "MQTT", "IRC". */
    protected MessagingOnlyConnection(String protocol) {
        this.protocol = protocol;
    }

    /** A request the protocol cannot express, refused: "IRC has no message board". */
    protected final <T> CompletableFuture<T> refused(String what) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(protocol + " has no " + what));
    }

    /** Notes a login that succeeded, as {@code name} with {@code password}. */
    protected final void loggedIn(String name, String password) {
        secret = password;
        user = name;
    }

    /** Notes a logout. */
    protected final void loggedOut() {
        user = null;
    }

    @Override
    public String user() {
        return user;
    }

    /** A failure of the protocol's client library in the lab's terms: unreachable, refused, in doubt. */
    protected abstract ChatException inLabTerms(Throwable failure);

    /**
     * A client library's {@code failure} in the lab's terms: unwrapped from its {@link
     * CompletionException}; a {@link ChatException} as it is; what {@code own} makes of the
     * protocol's own failures (null for one it does not know); a timeout as {@code timeout}, in
     * doubt, saying that {@code server} ("the broker") did not answer in time; anything else as a
     * lost connection, in doubt too.
     */
    protected static ChatException translate(Throwable failure, String server, Function<Throwable, ChatException> own) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ChatException e) {
            return e;
        }
        ChatException known = cause == null ? null : own.apply(cause);
        if (known != null) {
            return known;
        }
        if (cause instanceof TimeoutException) {
            return new ChatException(chatlab.protocol.ErrorCode.TIMEOUT, server + " did not answer in time", cause);
        }
        return new ChatException(chatlab.protocol.ErrorCode.CONNECTION_LOST,
                String.valueOf(cause == null ? "connection lost" : cause.getMessage()), cause);
    }

    /** Logs in again, at once, as the user last logged in; nothing when none is. */
    @Override
    public void reconnect() {
        String name = user;
        if (name == null) {
            return;
        }
        try {
            login(name, secret).join();
        } catch (CompletionException e) {
            throw inLabTerms(e);
        }
    }

    @Override
    public String zone() {
        return "UTC";
    }

    @Override
    public CompletableFuture<Void> block(String other) {
        return refused("blocks");
    }

    @Override
    public CompletableFuture<Void> setStatus(UserStatus status) {
        return refused("statuses");
    }

    @Override
    public CompletableFuture<Integer> who() {
        return refused("list of who is online");
    }

    @Override
    public CompletableFuture<Posted> post(String text) {
        return refused("message board");
    }

    @Override
    public CompletableFuture<Posted> edit(int number, String timestamp, String text) {
        return refused("message board");
    }

    @Override
    public CompletableFuture<Void> delete(int number, String timestamp) {
        return refused("message board");
    }

    @Override
    public CompletableFuture<Integer> read(String since) {
        return refused("message board");
    }

    @Override
    public LinkState linkState() {
        return new LinkState(isConnected(), 0, 0, Duration.ZERO, 0);
    }

    @Override
    public long handledUpTo() {
        return 0;
    }
}

package chatlab.driver;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.UserStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * The part every connection of a protocol that only carries messages (MQTT, IRC, XMPP) shares: it
 * refuses blocks, statuses, the list of who is online and the board, each with {@link
 * UnsupportedOperationException} naming the protocol; it keeps its times in UTC, shows nothing of
 * its link but whether it is up, and keeps no place in a stream; it remembers who logged in, and
 * with what password, to log in again when the lab reconnects; and it bounds each answer in time
 * and puts its client library's failures in the lab's terms.
 */
public abstract class MessagingOnlyConnection implements Connection {
    /**
     * Where what waits on an answer goes on, for a client library that completes its answers on
     * its connection's own input thread: a caller whose next step waited for another answer there
     * would wait on itself.
     */
    protected static final Executor CALLERS = Executors.newVirtualThreadPerTaskExecutor();

    private final String protocol;
    private final String server;
    private final Executor answers;
    /** The user of the last login, null once logged out, and the password it gave. */
    private volatile String user;
    private volatile String secret;

    /**
     * {@code protocol} as refusals name it ("MQTT", "IRC"); {@code server} as a timeout names it
     * ("the broker"); {@code answers}, where answers go on once bounded and translated ({@link
     * #CALLERS}, or {@code Runnable::run} on the thread that completed them).
     */
    protected MessagingOnlyConnection(String protocol, String server, Executor answers) {
        this.protocol = protocol;
        this.server = server;
        this.answers = answers;
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

    /** What the protocol's client library's own {@code cause} of failure means in the lab's terms; null for one it does not know. */
    protected ChatException ownFailure(Throwable cause) {
        return null;
    }

    /**
     * A client library's {@code failure} in the lab's terms: unwrapped from its {@link
     * CompletionException}; a {@link ChatException} as it is; what {@link #ownFailure} makes of
     * the protocol's own; a timeout as {@code timeout}, in doubt, saying that the server did not
     * answer in time; anything else as a lost connection, in doubt too.
     */
    protected final ChatException inLabTerms(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ChatException e) {
            return e;
        }
        ChatException known = cause == null ? null : ownFailure(cause);
        if (known != null) {
            return known;
        }
        if (cause instanceof TimeoutException) {
            return new ChatException(ErrorCode.TIMEOUT, server + " did not answer in time", cause);
        }
        return new ChatException(ErrorCode.CONNECTION_LOST, String.valueOf(cause == null ? "connection lost" : cause.getMessage()),
                cause);
    }

    /** {@code answer} bounded by {@code timeout}, its failure in the lab's terms, going on where the constructor said. */
    protected final <T> CompletableFuture<T> within(CompletableFuture<T> answer, Duration timeout) {
        return AnswerTimeouts.bound(answer, timeout).handleAsync((value, failure) -> {
            if (failure != null) {
                throw new CompletionException(inLabTerms(failure));
            }
            return value;
        }, answers);
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

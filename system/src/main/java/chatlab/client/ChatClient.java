package chatlab.client;

import chatlab.protocol.ActiveUser;
import chatlab.protocol.Audience;
import chatlab.protocol.BoardEntry;
import chatlab.protocol.ChatException;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Page;
import chatlab.protocol.Protocol;
import chatlab.protocol.RecentUser;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.GroupInfo;
import chatlab.protocol.GroupMember;
import chatlab.protocol.TextFormat;
import chatlab.protocol.UserProfile;
import chatlab.protocol.UserStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * The one client-side implementation of the chatlab protocol. Requests return futures; pushed
 * events go to a {@link ChatListener}. Chat messages are acknowledged to the server after the
 * listener has seen them, and a message the server sends again (after a reconnect) is passed on
 * only once. Thread-safe.
 */
public final class ChatClient implements AutoCloseable {
    private static final int MAX_PAGES = 10_000;
    /** How long a reconnect keeps retrying a login refused because the old session still looks alive. */
    private static final Duration RECONNECT_GRACE = Duration.ofSeconds(5);

    private final String host;
    private final int port;
    private final ClientOptions options;
    private final AtomicLong ids = new AtomicLong();
    private final EventDispatcher dispatcher;
    private volatile Link link;
    private volatile ServerMessage.Welcome welcome;
    private volatile Credentials credentials;
    /** The room password this client entered with, given again on every new connection. */
    private volatile String roomPassword;
    /** Names this client to the server, so that a login after a lost connection replaces the stale session. */
    private final String instance;

    private record Credentials(String user, String password, Integer udpPort) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    private ChatClient(String host, int port, ClientOptions options) {
        this.host = host;
        this.port = port;
        this.options = options;
        this.dispatcher = new EventDispatcher(options.listener(), this::acknowledge, options.handledUpTo());
        this.instance = options.instance() != null ? options.instance() : randomInstance();
    }

    private static String randomInstance() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Connects and completes the handshake. Throws {@link ChatException}: {@link ErrorCode#SERVER_UNREACHABLE}
     * if nothing answers, or the server's refusal (such as {@link ErrorCode#UNSUPPORTED_VERSION}).
     */
    public static ChatClient connect(String host, int port, ClientOptions options) {
        ChatClient client = new ChatClient(host, port, options);
        client.open(Protocol.VERSION);
        return client;
    }

    /** Connects speaking a given protocol version: for testing how servers refuse other versions. */
    public static ChatClient connect(String host, int port, ClientOptions options, int version) {
        ChatClient client = new ChatClient(host, port, options);
        client.open(version);
        return client;
    }

    private void open(int version) {
        Link fresh = Link.open(host, port, options, ids, dispatcher::accept, this::lost);
        link = fresh;
        try {
            welcome = await(expect(fresh.request(id -> new ClientMessage.Hello(id, version, options.clientName(),
                    options.presence())), ServerMessage.Welcome.class));
        } catch (ChatException e) {
            fresh.close();
            if (options.security() instanceof chatlab.tls.ChannelSecurity.Plaintext
                    && (e.code() == ErrorCode.CONNECTION_LOST || e.code() == ErrorCode.TIMEOUT)) {
                // a TLS server takes the plaintext hello for a broken handshake and closes
                throw new ChatException(e.code(), e.getMessage() + "; the server may speak TLS (the default): "
                        + "connect without --plaintext", e);
            }
            throw e;
        }
        fresh.heartbeat(heartbeat(options.heartbeat(), welcome.idleTimeout()));
        String room = roomPassword;
        if (room != null && welcome.roomPassword()) {
            try {
                await(enterRoom(room));
            } catch (ChatException e) {
                fresh.close();
                throw e;
            }
        }
    }

    /** The client's heartbeat, or a third of the server's idle timeout if that is shorter. */
    static Duration heartbeat(Duration wanted, Integer serverIdleSeconds) {
        if (wanted.isZero() || serverIdleSeconds == null || serverIdleSeconds <= 0) {
            return wanted;
        }
        Duration third = Duration.ofSeconds(serverIdleSeconds).dividedBy(3);
        return third.compareTo(wanted) < 0 ? third : wanted;
    }

    /** The id this client gives the server at login. */
    public String instance() {
        return instance;
    }

    private void lost(ChatException cause) {
        dispatcher.lost(cause);
    }

    /** What the server said in the handshake. */
    public ServerMessage.Welcome welcome() {
        return welcome;
    }

    public String target() {
        return host + ":" + port;
    }

    public boolean isConnected() {
        Link current = link;
        return current != null && current.isOpen();
    }

    /**
     * The state of this client's connection, for a tool that must tell a link still delivering
     * from one gone quiet: whether it is open, the bytes read from it, the bytes of a frame that
     * has begun to arrive, how long since its last whole frame, and the events received but not
     * yet handed to the listener.
     */
    public record LinkState(boolean connected, long bytesReceived, long partialFrameBytes, Duration sinceLastFrame,
            int eventsQueued) {
    }

    public LinkState linkState() {
        Link current = link;
        return new LinkState(current != null && current.isOpen(), current == null ? 0 : current.bytesReceived(),
                current == null ? 0 : current.partialFrameBytes(),
                Duration.ofNanos(current == null ? 0 : current.nanosSinceLastFrame()), dispatcher.queued());
    }

    /** The user this client logged in as, or null. */
    public String user() {
        Credentials current = credentials;
        return current == null ? null : current.user();
    }

    /**
     * Opens a new connection after a loss and, if this client had logged in, logs in again.
     * Messages the server sends again are passed to the listener only once.
     */
    public ServerMessage.LoggedIn reconnect() {
        Link old = link;
        if (old != null) {
            old.close();
        }
        open(Protocol.VERSION);
        Credentials saved = credentials;
        if (saved == null) {
            return null;
        }
        long deadline = System.nanoTime() + RECONNECT_GRACE.toNanos();
        while (true) {
            try {
                return await(login(saved.user(), saved.password(), saved.udpPort()));
            } catch (ChatException e) {
                // The server may not have noticed yet that the old connection died.
                if (e.code() != ErrorCode.DUPLICATE_SESSION || System.nanoTime() > deadline) {
                    throw e;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
    }

    /**
     * Gives the room password, which a server whose {@link #welcome()} says {@code room} wants
     * before a signup or login. It is given again on each reconnect.
     */
    public CompletableFuture<ServerMessage.Ok> enterRoom(String password) {
        return request(id -> new ClientMessage.Room(id, password), ServerMessage.Ok.class).thenApply(ok -> {
            roomPassword = password;
            return ok;
        });
    }

    /** Votes to kick a user out of the room. */
    public CompletableFuture<ServerMessage.KickVote> kick(String user) {
        return request(id -> new ClientMessage.Kick(id, user), ServerMessage.KickVote.class);
    }

    public CompletableFuture<ServerMessage.Ok> signup(String user, String password) {
        return request(id -> new ClientMessage.Signup(id, user, password), ServerMessage.Ok.class);
    }

    public CompletableFuture<ServerMessage.LoggedIn> login(String user, String password, Integer udpPort) {
        return request(id -> new ClientMessage.Login(id, user, password, udpPort, instance), ServerMessage.LoggedIn.class)
                .thenApply(loggedIn -> {
                    credentials = new Credentials(user, password, udpPort);
                    return loggedIn;
                });
    }

    /**
     * Logs out. Every chat message already passed to the listener is acknowledged first; one
     * that arrives while logging out is not passed on, and comes again at the next login.
     */
    public CompletableFuture<ServerMessage.Ok> logout() {
        return dispatcher.hold().thenCompose(held -> request(ClientMessage.Logout::new, ServerMessage.Ok.class))
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        credentials = null;
                    }
                    dispatcher.release();
                });
    }

    /**
     * The highest chat seq passed to the listener, in this session or in earlier ones given by
     * {@link ClientOptions#withHandledUpTo}: what an application keeps to start its next client from.
     */
    public long handledUpTo() {
        return dispatcher.handledUpTo();
    }

    /** Sends a chat message; {@code names} are the recipients, or for a blockcast those left out. */
    public CompletableFuture<ServerMessage.Sent> send(Audience mode, List<String> names, String text, String key) {
        return send(mode, names, text, key, null);
    }

    /** Sends a message to a group's other members; {@code format} is markdown or plain (null). */
    public CompletableFuture<ServerMessage.Sent> sendToGroup(String group, String text, TextFormat format, String key) {
        return request(id -> new ClientMessage.Send(id, Audience.GROUP, List.of(), List.of(), text, key, group,
                format == null ? null : format.orNull()), ServerMessage.Sent.class);
    }

    /** Sends a chat message in a format (markdown or plain); {@code names} as for {@link #send(Audience, List, String, String)}. */
    public CompletableFuture<ServerMessage.Sent> send(Audience mode, List<String> names, String text, String key,
            TextFormat format) {
        List<String> to = mode == Audience.BLOCKCAST ? List.of() : names;
        List<String> except = mode == Audience.BLOCKCAST ? names : List.of();
        return request(id -> new ClientMessage.Send(id, mode, to, except, text, key, null,
                format == null ? null : format.orNull()), ServerMessage.Sent.class);
    }

    public CompletableFuture<ServerMessage.Sent> unicast(String to, String text) {
        return send(Audience.UNICAST, List.of(to), text, null);
    }

    public CompletableFuture<ServerMessage.Sent> multicast(List<String> to, String text) {
        return send(Audience.MULTICAST, to, text, null);
    }

    public CompletableFuture<ServerMessage.Sent> broadcast(String text) {
        return send(Audience.BROADCAST, List.of(), text, null);
    }

    public CompletableFuture<ServerMessage.Sent> blockcast(List<String> except, String text) {
        return send(Audience.BLOCKCAST, except, text, null);
    }

    /** Asks the server where to send a file; {@code names} are the recipients, or for a blockcast those left out. */
    public CompletableFuture<ServerMessage.FileOffers> sendFile(Audience mode, List<String> names, String fileName,
            long size, String sha256) {
        List<String> to = mode == Audience.BLOCKCAST ? List.of() : names;
        List<String> except = mode == Audience.BLOCKCAST ? names : List.of();
        return request(id -> new ClientMessage.SendFile(id, mode, to, except, fileName, size, sha256),
                ServerMessage.FileOffers.class);
    }

    /** Asks the server where to send a file to a group's other members. */
    public CompletableFuture<ServerMessage.FileOffers> sendFileToGroup(String group, String fileName, long size,
            String sha256) {
        return request(id -> new ClientMessage.SendFile(id, Audience.GROUP, List.of(), List.of(), fileName, size, sha256,
                group), ServerMessage.FileOffers.class);
    }

    // ---- profiles and statuses ----

    /** Changes the caller's profile; a null field stays as it was, an empty one is cleared. */
    public CompletableFuture<ServerMessage.ProfileInfo> setProfile(String displayName, String about) {
        return request(id -> new ClientMessage.SetProfile(id, displayName, about), ServerMessage.ProfileInfo.class);
    }

    /** Sets the caller's avatar image (null removes it). */
    public CompletableFuture<ServerMessage.ProfileInfo> setAvatar(byte[] image) {
        String data = image == null ? null : java.util.Base64.getEncoder().encodeToString(image);
        return request(id -> new ClientMessage.SetAvatar(id, data), ServerMessage.ProfileInfo.class);
    }

    public CompletableFuture<UserProfile> profile(String user) {
        return request(id -> new ClientMessage.GetProfile(id, user), ServerMessage.ProfileInfo.class)
                .thenApply(ServerMessage.ProfileInfo::profile);
    }

    public CompletableFuture<ServerMessage.Avatar> avatar(String user) {
        return request(id -> new ClientMessage.GetAvatar(id, user), ServerMessage.Avatar.class);
    }

    // ---- the key directory ----

    /** Publishes the caller's identity key (its public half), replacing any earlier one. */
    public CompletableFuture<ServerMessage.IdentityKey> publishKey(byte[] publicKey) {
        String key = java.util.Base64.getEncoder().encodeToString(publicKey);
        return request(id -> new ClientMessage.PublishKey(id, key), ServerMessage.IdentityKey.class);
    }

    /** A user's identity key from the server's directory ({@code no_key} if they published none). */
    public CompletableFuture<ServerMessage.IdentityKey> key(String user) {
        return request(id -> new ClientMessage.GetKey(id, user), ServerMessage.IdentityKey.class);
    }

    /** Where to send {@code user} a direct message, and the key to seal it for. */
    public CompletableFuture<ServerMessage.PeerInfo> peer(String user) {
        return request(id -> new ClientMessage.Peer(id, user), ServerMessage.PeerInfo.class);
    }

    public CompletableFuture<ServerMessage.Ok> setStatus(UserStatus status, String text) {
        return request(id -> new ClientMessage.SetStatus(id, status, text), ServerMessage.Ok.class);
    }

    // ---- groups ----

    public CompletableFuture<ServerMessage.Ok> createGroup(String group, String about, boolean open) {
        return request(id -> new ClientMessage.CreateGroup(id, group, about, open), ServerMessage.Ok.class);
    }

    public CompletableFuture<ServerMessage.Ok> invite(String group, String user) {
        return request(id -> new ClientMessage.Invite(id, group, user), ServerMessage.Ok.class);
    }

    public CompletableFuture<ServerMessage.Ok> join(String group) {
        return request(id -> new ClientMessage.Join(id, group), ServerMessage.Ok.class);
    }

    public CompletableFuture<ServerMessage.Ok> leave(String group) {
        return request(id -> new ClientMessage.Leave(id, group), ServerMessage.Ok.class);
    }

    /** The groups the caller is in, was invited to, or may join, every page. */
    public CompletableFuture<List<GroupInfo>> groups() {
        return pages(ClientMessage.Groups::new, ServerMessage.GroupList.class);
    }

    /** A group's members, every page. */
    public CompletableFuture<List<GroupMember>> members(String group) {
        return pages((id, after) -> new ClientMessage.Members(id, group, after), ServerMessage.MemberList.class);
    }

    /** One page of a group's messages, newest first; {@code after} is the previous page's {@code next}, or null. */
    public CompletableFuture<ServerMessage.Messages> history(String group, String after) {
        return request(id -> new ClientMessage.History(id, group, after), ServerMessage.Messages.class);
    }

    // ---- search ----

    /** One page of the messages the caller may see that match, best first. */
    public CompletableFuture<ServerMessage.Messages> searchMessages(String query, String after) {
        return request(id -> new ClientMessage.SearchMessages(id, query, after), ServerMessage.Messages.class);
    }

    /** One page of the users whose name or profile match, best first. */
    public CompletableFuture<ServerMessage.Users> searchUsers(String query, String after) {
        return request(id -> new ClientMessage.SearchUsers(id, query, after), ServerMessage.Users.class);
    }

    public CompletableFuture<ServerMessage.TempId> downloadTempId() {
        return request(ClientMessage.DownloadTempId::new, ServerMessage.TempId.class);
    }

    public CompletableFuture<ServerMessage.ContactsStored> uploadContacts(String uploadId,
            List<chatlab.protocol.ContactEntry> entries) {
        return request(id -> new ClientMessage.UploadContacts(id, uploadId, entries), ServerMessage.ContactsStored.class);
    }

    public CompletableFuture<ServerMessage.ContactTrace> traceContacts() {
        return request(ClientMessage.TraceContacts::new, ServerMessage.ContactTrace.class);
    }

    public CompletableFuture<ServerMessage.BoardAck> post(String text) {
        return request(id -> new ClientMessage.Post(id, text), ServerMessage.BoardAck.class);
    }

    public CompletableFuture<ServerMessage.BoardAck> edit(int number, String timestamp, String text) {
        return request(id -> new ClientMessage.Edit(id, number, timestamp, text), ServerMessage.BoardAck.class);
    }

    public CompletableFuture<ServerMessage.BoardAck> delete(int number, String timestamp) {
        return request(id -> new ClientMessage.Delete(id, number, timestamp), ServerMessage.BoardAck.class);
    }

    /** Board messages strictly later than {@code since}, every page. */
    public CompletableFuture<List<BoardEntry>> read(String since) {
        return pages((id, after) -> new ClientMessage.Read(id, since, after), ServerMessage.BoardMessages.class);
    }

    /** The whole board, every page. */
    public CompletableFuture<List<BoardEntry>> messageLog() {
        return pages(ClientMessage.MessageLog::new, ServerMessage.BoardMessages.class);
    }

    /** The other active users, every page. */
    public CompletableFuture<List<ActiveUser>> who() {
        return pages(ClientMessage.Who::new, ServerMessage.ActiveUsers.class);
    }

    /** Every active session, numbered, every page. */
    public CompletableFuture<List<ActiveUser>> userLog() {
        return pages(ClientMessage.UserLog::new, ServerMessage.ActiveUsers.class);
    }

    /** Other users who logged in within {@code period}, online or not, every page. */
    public CompletableFuture<List<RecentUser>> whoElseSince(Duration period) {
        long seconds = Math.max(1, period.toSeconds());
        return pages((id, after) -> new ClientMessage.WhoElseSince(id, seconds, after), ServerMessage.RecentUsers.class);
    }

    public CompletableFuture<ServerMessage.Ok> block(String user) {
        return request(id -> new ClientMessage.Block(id, user), ServerMessage.Ok.class);
    }

    public CompletableFuture<ServerMessage.Ok> unblock(String user) {
        return request(id -> new ClientMessage.Unblock(id, user), ServerMessage.Ok.class);
    }

    public CompletableFuture<ServerMessage.Ok> ping() {
        return request(ClientMessage.Ping::new, ServerMessage.Ok.class);
    }

    /**
     * Sends any request and expects a response of type {@code expected}; an {@code error}
     * response fails the future with its {@link ChatException}.
     */
    public <R extends ServerMessage.Response> CompletableFuture<R> request(
            java.util.function.LongFunction<ClientMessage> build, Class<R> expected) {
        CompletableFuture<R> first = expect(link.request(build), expected);
        Duration retry = options.rateLimitRetry();
        return retry.isZero() ? first : retryingWhenLimited(first, build, expected, System.nanoTime() + retry.toNanos());
    }

    /**
     * A refusal with {@code rate_limited} was not carried out, so it is always safe to send the
     * request again: after the wait the server asked for, until {@code deadline}.
     */
    private <R extends ServerMessage.Response> CompletableFuture<R> retryingWhenLimited(CompletableFuture<R> attempt,
            java.util.function.LongFunction<ClientMessage> build, Class<R> expected, long deadline) {
        return attempt.exceptionallyCompose(failure -> {
            ChatException e = translate(failure);
            long wait = Duration.ofSeconds(e.retryAfterSeconds() == null ? 1 : Math.max(1, e.retryAfterSeconds())).toNanos();
            if (e.code() != ErrorCode.RATE_LIMITED || System.nanoTime() + wait > deadline) {
                return CompletableFuture.failedFuture(e);
            }
            var later = CompletableFuture.delayedExecutor(wait, java.util.concurrent.TimeUnit.NANOSECONDS);
            return CompletableFuture.supplyAsync(() -> null, later).thenCompose(
                    ignored -> retryingWhenLimited(expect(link.request(build), expected), build, expected, deadline));
        });
    }

    private <T, P extends ServerMessage.Response & Page<T>>
            CompletableFuture<List<T>> pages(BiFunction<Long, String, ClientMessage> build, Class<P> type) {
        List<T> all = new ArrayList<>();
        return nextPage(build, type, null, all, 0);
    }

    private <T, P extends ServerMessage.Response & Page<T>> CompletableFuture<List<T>> nextPage(
            BiFunction<Long, String, ClientMessage> build, Class<P> type, String after, List<T> all, int count) {
        return request(id -> build.apply(id, after), type).thenCompose(page -> {
            all.addAll(page.items());
            if (page.next() == null || count + 1 >= MAX_PAGES) {
                return CompletableFuture.completedFuture(List.copyOf(all));
            }
            return nextPage(build, type, page.next(), all, count + 1);
        });
    }

    private static <R extends ServerMessage.Response> CompletableFuture<R> expect(
            CompletableFuture<ServerMessage.Response> future, Class<R> expected) {
        return future.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(translate(failure));
            }
            if (response instanceof ServerMessage.Error error) {
                throw new CompletionException(error.toException());
            }
            if (!expected.isInstance(response)) {
                throw new CompletionException(new ChatException(ErrorCode.UNEXPECTED_RESPONSE,
                        "expected " + expected.getSimpleName() + " but the server sent " + response));
            }
            return expected.cast(response);
        });
    }

    private static ChatException translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ChatException ce) {
            return ce;
        }
        if (cause instanceof TimeoutException) {
            return new ChatException(ErrorCode.TIMEOUT, "the server did not answer in time", cause);
        }
        return new ChatException(ErrorCode.CONNECTION_LOST, String.valueOf(cause.getMessage()), cause);
    }

    /** Waits for a future of this client and returns its value, or throws its {@link ChatException}. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ErrorCode.CONNECTION_LOST, "interrupted while waiting for the server", e);
        }
    }

    private void acknowledge(long upTo) {
        Link current = link;
        if (current != null && current.isOpen() && credentials != null) {
            current.request(id -> new ClientMessage.Ack(id, upTo));
        }
    }

    /**
     * Closes the connection without logging out; the server ends the session. Events already
     * received are handed to the listener before this returns, so {@link #handledUpTo} is final.
     */
    @Override
    public void close() {
        Link current = link;
        if (current != null) {
            current.close();
        }
        dispatcher.close();
    }
}

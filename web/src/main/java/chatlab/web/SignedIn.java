package chatlab.web;

import chatlab.client.ChatClient;
import chatlab.client.ChatListener;
import chatlab.client.ClientOptions;
import chatlab.client.FileTransfers;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.p2p.transfer.TransferException;
import chatlab.p2p.transfer.TransferSettings;
import chatlab.protocol.ActiveUser;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.PresenceState;
import chatlab.protocol.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A signed-in user of the web client: its own {@link ChatClient}, UDP endpoint and file
 * transfers, and what the page shows: the conversations, who is online and the files. What the
 * server pushes is kept here and passed to the page as events.
 */
final class SignedIn implements AutoCloseable {
    static final String BROADCAST = "broadcast";
    private static final int KEPT_PER_CONVERSATION = 500;
    private static final int UDP_PORTS_TRIED = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RECONNECT_ATTEMPTS = 12;
    private static final java.time.Duration RECONNECT_FIRST_WAIT = java.time.Duration.ofMillis(200);
    private static final java.time.Duration RECONNECT_MAX_WAIT = java.time.Duration.ofSeconds(5);

    /** A message as the page shows it: its HTML, made safe by {@link Markdown}, or a file. */
    record Message(long id, String conversation, String from, boolean mine, String html, String at, FileView file) {
    }

    /** A file sent or received, as the page links to it. */
    record FileView(String id, String name, long size, String contentType, String kind, String from, boolean mine) {
    }

    private record StoredFile(FileView view, Path path) {
    }

    private final String user;
    private final ChatClient client;
    private final PeerEndpoint endpoint;
    private final FileTransfers transfers;
    private final Path uploads;
    private final Consumer<Map<String, Object>> events;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Deque<Message>> conversations = new LinkedHashMap<>();
    private final Set<String> online = new TreeSet<>();
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    /** Every file sent or received, in order: the page's list of files. */
    private final List<FileView> fileList = new ArrayList<>();
    private volatile boolean closing;
    private volatile boolean kicked;
    private final java.util.concurrent.atomic.AtomicBoolean reconnecting = new java.util.concurrent.atomic.AtomicBoolean();

    private SignedIn(String user, ChatClient client, PeerEndpoint endpoint, Path downloads, Path uploads,
            Consumer<Map<String, Object>> events) {
        this.user = user;
        this.client = client;
        this.endpoint = endpoint;
        this.uploads = uploads;
        this.events = events;
        this.transfers = new FileTransfers(client, endpoint, downloads, TransferSettings.DEFAULT, new Transfers());
    }

    /**
     * Connects to the chat server, signs up first when {@code signup}, and logs in. The
     * server's refusal comes as a {@link ChatException} with its code.
     */
    static SignedIn open(WebConfig config, String user, String password, boolean signup,
            Consumer<Map<String, Object>> events) {
        PeerEndpoint endpoint = openEndpoint(config.udpPort());
        Listener listener = new Listener();
        ChatClient client;
        try {
            client = ChatClient.connect(config.serverHost(), config.serverPort(), ClientOptions.defaults()
                    .withSecurity(config.security()).withClientName("chatlab-web").withPresence(true)
                    .withListener(listener));
        } catch (RuntimeException e) {
            endpoint.close();
            throw e;
        }
        SignedIn signedIn = null;
        try {
            if (client.welcome().roomPassword()) {
                if (config.roomPassword() == null) {
                    throw new ApiError(403, "room_password_required", "this server's room has a password: start the "
                            + "web client with --room-password");
                }
                ChatClient.await(client.enterRoom(config.roomPassword()));
            }
            if (signup) {
                ChatClient.await(client.signup(user, password));
            }
            Path uploads = Files.createTempDirectory("chatlab-web-");
            signedIn = new SignedIn(user, client, endpoint, config.downloads().resolve(user), uploads, events);
            listener.target = signedIn;
            ChatClient.await(client.login(user, password, endpoint.port()));
            signedIn.online.addAll(ChatClient.await(client.who()).stream().map(ActiveUser::user).toList());
            signedIn.online.remove(user);
            listener.ready(); // events that came during the login are handled now, in order
            return signedIn;
        } catch (IOException e) {
            abandon(listener, signedIn, client, endpoint);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            abandon(listener, signedIn, client, endpoint);
            throw e;
        }
    }

    private static void abandon(Listener listener, SignedIn signedIn, ChatClient client, PeerEndpoint endpoint) {
        listener.target = null;
        listener.ready();
        if (signedIn != null) {
            signedIn.close();
        } else {
            client.close();
            endpoint.close();
        }
    }

    private static PeerEndpoint openEndpoint(int first) {
        IOException last = null;
        for (int i = 0; i < (first == 0 ? 1 : UDP_PORTS_TRIED); i++) {
            int port = first == 0 ? 0 : first + i;
            if (port > 65_535) {
                break;
            }
            try {
                return PeerEndpoint.open("0.0.0.0", port, Impairment.NONE, RANDOM.nextLong() & Long.MAX_VALUE);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new ApiError(503, "no_udp_port", "no free UDP port for files" + (last == null ? "" : ": " + last.getMessage()));
    }

    String user() {
        return user;
    }

    String server() {
        return client.target();
    }

    /** What the page shows at start: who is online, every conversation and every file. */
    synchronized Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("user", user);
        state.put("server", client.target());
        state.put("online", List.copyOf(online));
        Map<String, List<Message>> all = new LinkedHashMap<>();
        conversations.forEach((key, messages) -> all.put(key, List.copyOf(messages)));
        state.put("conversations", all);
        state.put("files", List.copyOf(fileList));
        return state;
    }

    /** Sends a message to one user ({@code @name}) or to everyone ({@code broadcast}). */
    Message send(String conversation, String text) {
        if (text == null || text.isBlank()) {
            throw new ApiError(400, "invalid_argument", "the message is empty");
        }
        if (conversation.equals(BROADCAST)) {
            ChatClient.await(client.broadcast(text));
        } else {
            ChatClient.await(client.unicast(peer(conversation), text));
        }
        return add(conversation, user, true, Markdown.render(text), null, null);
    }

    /** The board, every message rendered. */
    List<Map<String, Object>> board() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (var entry : ChatClient.await(client.messageLog())) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("number", entry.number());
            e.put("from", entry.user());
            e.put("mine", entry.user().equals(user));
            e.put("html", Markdown.render(entry.text()));
            e.put("at", entry.timestamp());
            e.put("edited", entry.edited());
            entries.add(e);
        }
        return entries;
    }

    void post(String text) {
        if (text == null || text.isBlank()) {
            throw new ApiError(400, "invalid_argument", "the message is empty");
        }
        ChatClient.await(client.post(text));
    }

    /**
     * Sends an uploaded file to a user peer to peer: stored under a safe name in this session's
     * own folder, then sent over UDP. The outcome comes later as an event.
     */
    Message sendFile(String conversation, String fileName, java.io.InputStream content) throws IOException {
        String to = peer(conversation);
        Path dir = Files.createTempDirectory(uploads, "up");
        Path file = dir.resolve(safeName(fileName));
        try (content) {
            Files.copy(content, file);
        }
        StoredFile stored = store(file, file.getFileName().toString(), to, true);
        Message message = add(conversation, user, true, null, null, stored.view());
        transfers.send(file, Audience.UNICAST, List.of(to)).whenComplete((sent, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                notice("error", "sending " + stored.view().name() + " failed: " + cause.getMessage());
                return;
            }
            for (FileTransfers.Outcome outcome : sent.outcomes()) {
                if (!outcome.ok()) {
                    notice("error", "sending " + stored.view().name() + " to " + outcome.user() + " failed: "
                            + outcome.error().getMessage());
                } else {
                    notice("info", stored.view().name() + " reached " + outcome.user() + ".");
                }
            }
            if (!sent.offers().offline().isEmpty() || !sent.offers().blockedBy().isEmpty()) {
                notice("error", sent.offers().message());
            }
        });
        return message;
    }

    /** A file of this session, or null: one session can never reach another's. */
    FileHandle file(String id) {
        StoredFile stored = files.get(id);
        return stored == null ? null : new FileHandle(stored.view(), stored.path());
    }

    record FileHandle(FileView view, Path path) {
    }

    /** The user of a private conversation key ({@code @name}). */
    private static String peer(String conversation) {
        if (conversation == null || !conversation.startsWith("@") || conversation.length() < 2) {
            throw new ApiError(400, "invalid_argument", "a conversation is 'broadcast' or '@' and a user name, not '"
                    + conversation + "'");
        }
        return conversation.substring(1);
    }

    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder safe = new StringBuilder();
        base.codePoints().limit(100).forEach(c -> safe.append(
                Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? Character.toString(c) : "_"));
        String result = safe.toString().replaceAll("^[._]+", "");
        return result.isEmpty() ? "file" : result;
    }

    private StoredFile store(Path path, String name, String peer, boolean mine) throws IOException {
        Sniff.Type type = Sniff.of(path);
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        FileView view = new FileView(id, name, Files.size(path), type.contentType(), type.kind(), mine ? user : peer, mine);
        StoredFile stored = new StoredFile(view, path);
        files.put(id, stored);
        synchronized (this) {
            fileList.add(view);
        }
        return stored;
    }

    private Message add(String conversation, String from, boolean mine, String html, String at, FileView file) {
        Message message;
        synchronized (this) {
            message = new Message(ids.incrementAndGet(), conversation, from, mine, html,
                    at != null ? at : now(), file);
            Deque<Message> messages = conversations.computeIfAbsent(conversation, k -> new ArrayDeque<>());
            messages.addLast(message);
            while (messages.size() > KEPT_PER_CONVERSATION) {
                messages.removeFirst();
            }
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "message");
        event.put("message", message);
        events.accept(event);
        return message;
    }

    /** Now as the server writes times, in its time zone. */
    private String now() {
        java.time.ZoneId zone;
        try {
            zone = java.time.ZoneId.of(client.welcome().zone());
        } catch (RuntimeException e) {
            zone = java.time.ZoneId.systemDefault();
        }
        return new chatlab.protocol.Timestamps(zone).format(java.time.Instant.now());
    }

    private void notice(String level, String text) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "notice");
        event.put("level", level);
        event.put("text", text);
        events.accept(event);
    }

    private void presence(ServerMessage.Presence presence) {
        if (presence.user().equals(user)) {
            return;
        }
        List<String> now;
        synchronized (this) {
            if (presence.state() == PresenceState.ONLINE) {
                online.add(presence.user());
            } else {
                online.remove(presence.user());
            }
            now = List.copyOf(online);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "presence");
        event.put("user", presence.user());
        event.put("online", presence.state() == PresenceState.ONLINE);
        event.put("users", now);
        events.accept(event);
    }

    private void chat(ServerMessage.Chat chat) {
        String conversation = chat.mode() == Audience.UNICAST || chat.mode() == Audience.MULTICAST ? "@" + chat.from()
                : BROADCAST;
        add(conversation, chat.from(), false, Markdown.render(chat.text()), chat.sentAt(), null);
    }

    /** Logs out; the session ends whatever the server says. */
    void signOut() {
        closing = true;
        try {
            ChatClient.await(client.logout());
        } catch (ChatException e) {
            // leaving anyway: closing the connection ends the server's session
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        closing = true;
        transfers.close();
        client.close();
        endpoint.close();
        deleteQuietly(uploads);
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind
        }
    }

    /** Receives files into this user's folder and tells the page. */
    private final class Transfers implements FileTransfers.Listener {
        @Override
        public void received(String from, String fileName, Path file) {
            try {
                StoredFile stored = store(file, fileName, from, false);
                add("@" + from, from, false, null, null, stored.view());
            } catch (IOException e) {
                notice("error", "reading " + fileName + " from " + from + " failed: " + e.getMessage());
            }
        }

        @Override
        public void receiveFailed(String from, String fileName, TransferException error) {
            notice("error", "receiving " + fileName + " from " + from + " failed: " + error.getMessage());
        }
    }

    /**
     * What the server pushes. Events that arrive before the login has finished wait until the
     * {@link SignedIn} is ready, so none is lost and their order is kept.
     */
    private static final class Listener implements ChatListener {
        volatile SignedIn target;
        private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

        void ready() {
            ready.countDown();
        }

        private SignedIn await() {
            try {
                if (!ready.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            return target;
        }

        @Override
        public void onChat(ServerMessage.Chat chat) {
            SignedIn s = await();
            if (s != null) {
                s.chat(chat);
            }
        }

        @Override
        public void onIncomingFile(ServerMessage.IncomingFile file) {
            SignedIn s = await();
            if (s != null) {
                s.notice("info", "Receiving " + file.fileName() + " from " + file.from() + "...");
                s.transfers.accept(file);
            }
        }

        @Override
        public void onPresence(ServerMessage.Presence presence) {
            SignedIn s = await();
            if (s != null) {
                s.presence(presence);
            }
        }

        @Override
        public void onKicked(ServerMessage.Kicked kicked) {
            SignedIn s = await();
            if (s != null) {
                s.notice("info", kicked.message());
            }
        }

        @Override
        public void onNotice(ServerMessage.Notice notice) {
            SignedIn s = await();
            if (s != null) {
                s.notice("info", "Server: " + notice.text());
            }
        }

        @Override
        public void onDisconnect(ServerMessage.Disconnect disconnect) {
            SignedIn s = target;
            if (s != null && !s.closing) {
                if (disconnect.code() == ErrorCode.KICKED) {
                    s.kicked = true; // no coming back by reconnecting
                }
                s.lost("the server closed the connection: " + disconnect.reason());
            }
        }

        @Override
        public void onConnectionLost(ChatException cause) {
            SignedIn s = target;
            if (s != null && !s.closing) {
                s.lost("the connection to the server was lost: " + cause.getMessage());
            }
        }
    }

    /**
     * Tells the page the connection is gone and, unless this user was kicked out, reconnects
     * in the background: the same client logs in again, and messages sent meanwhile arrive then.
     */
    private void lost(String why) {
        boolean retry = !kicked && reconnecting.compareAndSet(false, true);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "lost");
        event.put("code", ErrorCode.CONNECTION_LOST.wire());
        event.put("text", why + (kicked ? "." : "; reconnecting..."));
        events.accept(event);
        if (retry) {
            Thread.ofVirtual().name("chatlab-web-reconnect").start(this::reconnect);
        }
    }

    private void reconnect() {
        try {
            long wait = RECONNECT_FIRST_WAIT.toNanos();
            for (int attempt = 1; attempt <= RECONNECT_ATTEMPTS && !closing; attempt++) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait); // back off: the server may be restarting
                wait = Math.min(wait * 2, RECONNECT_MAX_WAIT.toNanos());
                if (closing) {
                    return;
                }
                try {
                    client.reconnect();
                    List<String> now = ChatClient.await(client.who()).stream().map(ActiveUser::user)
                            .filter(u -> !u.equals(user)).sorted().toList();
                    synchronized (this) {
                        online.clear();
                        online.addAll(now);
                    }
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("type", "reconnected");
                    event.put("users", now);
                    events.accept(event);
                    return;
                } catch (ChatException e) {
                    if (e.code() == ErrorCode.WRONG_PASSWORD || e.code() == ErrorCode.UNKNOWN_USER
                            || e.code() == ErrorCode.ACCOUNT_BLOCKED || e.code() == ErrorCode.BANNED) {
                        break;
                    }
                }
            }
            if (!closing) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("type", "lost");
                event.put("code", ErrorCode.CONNECTION_LOST.wire());
                event.put("text", "could not reconnect to " + client.target() + ": sign out and in again");
                events.accept(event);
            }
        } finally {
            reconnecting.set(false);
        }
    }
}

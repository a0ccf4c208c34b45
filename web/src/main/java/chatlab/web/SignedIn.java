package chatlab.web;

import chatlab.client.ChatClient;
import chatlab.client.ChatListener;
import chatlab.client.ClientOptions;
import chatlab.client.FileTransfers;
import chatlab.p2p.impair.Impairment;
import chatlab.client.DirectChat;
import chatlab.p2p.direct.DirectMessages;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.p2p.transfer.TransferException;
import chatlab.p2p.transfer.TransferSettings;
import chatlab.protocol.ActiveUser;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.GroupInfo;
import chatlab.protocol.GroupMember;
import chatlab.protocol.PresenceState;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.StoredMessage;
import chatlab.protocol.TextFormat;
import chatlab.protocol.UserProfile;
import chatlab.protocol.UserStatus;
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
    static final String BOARD = "board";
    /** A group conversation's key: this prefix and the group's name. */
    static final String GROUP = "g:";
    /** At most this many profiles are fetched when signing in, one per user online. */
    private static final int PROFILES_AT_START = 200;
    private static final int KEPT_PER_CONVERSATION = 500;
    private static final int UDP_PORTS_TRIED = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RECONNECT_ATTEMPTS = 12;
    private static final java.time.Duration RECONNECT_FIRST_WAIT = java.time.Duration.ofMillis(200);
    private static final java.time.Duration RECONNECT_MAX_WAIT = java.time.Duration.ofSeconds(5);

    /**
     * A message as the page shows it: a markdown one as HTML made safe by {@link Markdown}, a
     * plain one as its text (the page shows it as text, never as HTML), or a file. {@code
     * messageId} is the server's id (absent for files and direct messages); {@code silent}: it
     * came while this user was on do-not-disturb, so the page shows it without notifying;
     * {@code direct}: a direct message, peer to peer and sealed end to end, shown as plain text.
     */
    record Message(long id, Long messageId, String conversation, String from, boolean mine, String format, String html,
            String text, String at, FileView file, boolean silent, boolean direct) {
        Message(long id, Long messageId, String conversation, String from, boolean mine, String format, String html,
                String text, String at, FileView file, boolean silent) {
            this(id, messageId, conversation, from, mine, format, html, text, at, file, silent, false);
        }
    }

    /**
     * A user as the page shows them: display name, about, avatar (its type, and a version that
     * changes with it), and status while online.
     */
    record Person(String user, String displayName, String about, String avatarType, String avatarVersion,
            String status, String statusText) {
        static Person of(UserProfile p) {
            return new Person(p.user(), p.displayName(), p.about(), p.avatarType(),
                    p.avatarType() == null ? null : String.valueOf(p.updatedAt()),
                    p.status() == null ? null : p.status().wire(), p.statusText());
        }

        Person withStatus(String value, String text) {
            return new Person(user, displayName, about, avatarType, avatarVersion, value, text);
        }
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
    /** What is known of other users (and this one): profiles and statuses, kept up to date by events. */
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    /** Every file sent or received, in order: the page's list of files. */
    private final List<FileView> fileList = new ArrayList<>();
    /** Direct messages, sealed end to end; null if they could not start. */
    private volatile DirectChat direct;
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
            signedIn.meet(ChatClient.await(client.who()));
            listener.ready(); // events that came during the login are handled now, in order
            signedIn.startDirect(config.data().resolve(user), config.direct());
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

    /** Who is online now, with their profiles and statuses (and this user's own profile). */
    private void meet(List<ActiveUser> active) {
        List<ActiveUser> others = active.stream().filter(a -> !a.user().equals(user)).toList();
        List<java.util.concurrent.CompletableFuture<UserProfile>> profiles = new ArrayList<>();
        profiles.add(client.profile(user));
        others.stream().limit(PROFILES_AT_START).forEach(a -> profiles.add(client.profile(a.user())));
        for (var profile : profiles) {
            try {
                remember(ChatClient.await(profile));
            } catch (ChatException e) {
                // a user who left meanwhile: known by name only
            }
        }
        synchronized (this) {
            online.clear();
            for (ActiveUser a : others) {
                online.add(a.user());
                Person known = people.get(a.user());
                if (known == null) {
                    people.put(a.user(), new Person(a.user(), null, null, null, null,
                            a.status() == null ? UserStatus.ONLINE.wire() : a.status().wire(), null));
                }
            }
        }
    }

    private Person remember(UserProfile profile) {
        Person person = Person.of(profile);
        people.put(person.user(), person);
        return person;
    }

    /** What the page shows at start: who is online, every conversation and every file. */
    synchronized Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("user", user);
        state.put("server", client.target());
        state.put("online", List.copyOf(online));
        state.put("people", Map.copyOf(people));
        Map<String, List<Message>> all = new LinkedHashMap<>();
        conversations.forEach((key, messages) -> all.put(key, List.copyOf(messages)));
        state.put("conversations", all);
        state.put("files", List.copyOf(fileList));
        return state;
    }

    /**
     * Sends a message to one user ({@code @name}), a group ({@code g:name}) or everyone
     * ({@code broadcast}), in the given format.
     */
    Message send(String conversation, String text, TextFormat format) {
        if (text == null || text.isBlank()) {
            throw new ApiError(400, "invalid_argument", "the message is empty");
        }
        ServerMessage.Sent sent;
        if (conversation != null && conversation.equals(BROADCAST)) {
            sent = ChatClient.await(client.send(Audience.BROADCAST, List.of(), text, null, format));
        } else if (conversation != null && conversation.startsWith(GROUP)) {
            sent = ChatClient.await(client.sendToGroup(group(conversation), text, format, null));
        } else {
            sent = ChatClient.await(client.send(Audience.UNICAST, List.of(peer(conversation)), text, null, format));
        }
        return add(text(sent.messageId(), conversation, user, true, text, format, null, false));
    }

    /** Starts direct messages with the identity kept in {@code folder}; tells the page if they cannot. */
    private void startDirect(Path folder, DirectMessages.Settings settings) {
        try {
            direct = DirectChat.start(client, user, endpoint, folder, new DirectListener(), settings);
        } catch (IOException | ChatException e) {
            notice("error", "Direct messages are off: " + e.getMessage());
        }
    }

    /**
     * Sends a direct message to the user of a private conversation, straight to their client or,
     * if they are away, through relays; returns it as shown, with how it went.
     */
    Map<String, Object> sendDirect(String conversation, String text) {
        if (text == null || text.isBlank()) {
            throw new ApiError(400, "invalid_argument", "the message is empty");
        }
        if (conversation == null || !conversation.startsWith("@")) {
            throw new ApiError(400, "invalid_argument", "a direct message goes to one user: open a private conversation");
        }
        DirectChat chat = direct;
        if (chat == null) {
            throw new ApiError(503, "direct_off", "direct messages are off for this session");
        }
        DirectMessages.Outcome outcome = ChatClient.await(chat.send(peer(conversation), text));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", switch (outcome) {
            case DirectMessages.Delivered d -> "delivered";
            case DirectMessages.Held h -> "held";
            case DirectMessages.NotHeld n -> "not_held";
            case DirectMessages.ViaServer v -> "via_server";
        });
        answer.put("text", outcome.describe());
        if (!(outcome instanceof DirectMessages.NotHeld)) {
            answer.put("message", add(new Message(0, null, conversation, user, true, "plain", null, text, null, null,
                    false, true)));
        }
        return answer;
    }

    /** What direct messages tell this user: a message, a receipt that came through relays, an expiry, a changed key. */
    private final class DirectListener implements DirectMessages.Listener {
        @Override
        public void onDirectMessage(String from, String text) {
            add(new Message(0, null, "@" + from, from, false, "plain", null, text, null, null, false, true));
        }

        @Override
        public void onKeyChanged(String other, chatlab.e2e.KeyBook.Seen.Changed change) {
            notice("error", DirectMessages.Listener.keyChangedWarning(other, change));
        }

        @Override
        public void onDeliveredLater(String to, long messageId) {
            notice("info", DirectMessages.Listener.deliveredLaterNotice(to));
        }

        @Override
        public void onExpired(String to, long messageId) {
            notice("error", DirectMessages.Listener.expiredNotice(to));
        }
    }

    /** A text message as the page shows it: markdown rendered safe, plain kept as text. */
    private Message text(Long messageId, String conversation, String from, boolean mine, String text,
            TextFormat format, String at, boolean silent) {
        boolean markdown = TextFormat.of(format) == TextFormat.MARKDOWN;
        return new Message(0, messageId, conversation, from, mine, markdown ? "markdown" : "plain",
                markdown ? Markdown.render(text) : null, markdown ? null : text, at, null, silent);
    }

    /** This user's status, as others see it; {@code idle} is what the page sets after a spell without input. */
    void setStatus(UserStatus status, String text) {
        ChatClient.await(client.setStatus(status, text == null || text.isBlank() ? null : text.strip()));
        people.compute(user, (k, me) -> (me == null ? new Person(user, null, null, null, null, null, null) : me)
                .withStatus(status.wire(), text == null || text.isBlank() ? null : text.strip()));
    }

    /** Anyone's profile, with their status while they are online. */
    Person profile(String name) {
        return remember(ChatClient.await(client.profile(name)));
    }

    /** Changes this user's display name and about text (null: unchanged; empty: cleared). */
    Person setProfile(String displayName, String about) {
        return remember(ChatClient.await(client.setProfile(displayName, about)).profile());
    }

    /** Sets this user's avatar; the server checks its type by content and its size. */
    Person setAvatar(byte[] image) {
        return remember(ChatClient.await(client.setAvatar(image)).profile());
    }

    ServerMessage.Avatar avatar(String name) {
        return ChatClient.await(client.avatar(name));
    }

    // ---- groups

    List<GroupInfo> groups() {
        return ChatClient.await(client.groups());
    }

    void createGroup(String name, String about, boolean open) {
        ChatClient.await(client.createGroup(name, about, open));
    }

    void invite(String group, String name) {
        ChatClient.await(client.invite(group, name));
    }

    void join(String group) {
        ChatClient.await(client.join(group));
    }

    void leave(String group) {
        ChatClient.await(client.leave(group));
    }

    /** A group's members with what is known of them (profiles fetched for those not known yet). */
    List<Map<String, Object>> members(String group) {
        List<GroupMember> members = ChatClient.await(client.members(group));
        Map<String, java.util.concurrent.CompletableFuture<UserProfile>> asked = new LinkedHashMap<>();
        members.stream().map(GroupMember::user).filter(u -> !people.containsKey(u)).limit(PROFILES_AT_START)
                .forEach(u -> asked.put(u, client.profile(u)));
        asked.forEach((name, profile) -> {
            try {
                remember(ChatClient.await(profile));
            } catch (ChatException e) {
                // known by name only
            }
        });
        List<Map<String, Object>> list = new ArrayList<>();
        for (GroupMember member : members) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("user", member.user());
            entry.put("since", member.since());
            entry.put("person", people.get(member.user()));
            list.add(entry);
        }
        return list;
    }

    /** One page of a group's messages, newest first, as the page shows them. */
    Map<String, Object> history(String group, String after) {
        ServerMessage.Messages page = ChatClient.await(client.history(group, after));
        List<Message> messages = new ArrayList<>();
        for (StoredMessage m : page.messages()) {
            Message shown = text(m.messageId(), GROUP + group, m.from(), m.from().equals(user), m.text(), m.format(),
                    m.sentAt(), false);
            messages.add(new Message(-m.messageId(), shown.messageId(), shown.conversation(), shown.from(),
                    shown.mine(), shown.format(), shown.html(), shown.text(), shown.at(), null, false));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages);
        body.put("next", page.next());
        return body;
    }

    // ---- search

    /** One page of the messages this user may see that match, each with the conversation it opens. */
    Map<String, Object> searchMessages(String query, String after) {
        ServerMessage.Messages page = ChatClient.await(client.searchMessages(query, after));
        List<Map<String, Object>> results = new ArrayList<>();
        for (StoredMessage m : page.messages()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", m.messageId());
            r.put("from", m.from());
            r.put("mode", m.mode());
            r.put("group", m.group());
            r.put("number", m.number());
            r.put("at", m.sentAt());
            r.put("snippet", m.snippet());
            r.put("conversation", conversationOf(m));
            results.add(r);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        body.put("next", page.next());
        return body;
    }

    /** The conversation a found message belongs to; null for a private message of this user's own not seen here. */
    private synchronized String conversationOf(StoredMessage m) {
        if (m.group() != null) {
            return GROUP + m.group();
        }
        switch (m.mode()) {
            case "board":
                return BOARD;
            case "broadcast", "blockcast":
                return BROADCAST;
            default:
                if (!m.from().equals(user)) {
                    return "@" + m.from();
                }
                for (var entry : conversations.entrySet()) {
                    if (entry.getValue().stream().anyMatch(x -> Long.valueOf(m.messageId()).equals(x.messageId()))) {
                        return entry.getKey();
                    }
                }
                return null;
        }
    }

    Map<String, Object> searchUsers(String query, String after) {
        ServerMessage.Users page = ChatClient.await(client.searchUsers(query, after));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("users", page.users().stream().map(this::remember).toList());
        body.put("next", page.next());
        return body;
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
        boolean toGroup = conversation != null && conversation.startsWith(GROUP);
        String to = toGroup ? group(conversation) : peer(conversation);
        Path dir = Files.createTempDirectory(uploads, "up");
        Path file = dir.resolve(safeName(fileName));
        try (content) {
            Files.copy(content, file);
        }
        StoredFile stored = store(file, file.getFileName().toString(), to, true);
        Message message = add(new Message(0, null, conversation, user, true, null, null, null, null, stored.view(), false));
        var sending = toGroup ? transfers.sendToGroup(file, to) : transfers.send(file, Audience.UNICAST, List.of(to));
        sending.whenComplete((sent, error) -> {
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
            throw new ApiError(400, "invalid_argument", "a conversation is 'broadcast', '@' and a user name, or 'g:'"
                    + " and a group name, not '" + conversation + "'");
        }
        return conversation.substring(1);
    }

    /** The group of a group conversation key ({@code g:name}). */
    private static String group(String conversation) {
        if (conversation == null || conversation.length() <= GROUP.length()) {
            throw new ApiError(400, "invalid_argument", "a group conversation is 'g:' and the group's name");
        }
        return conversation.substring(GROUP.length());
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

    /** Keeps a message (numbered, and timed now unless it says when) and tells the page. */
    private Message add(Message m) {
        Message message;
        synchronized (this) {
            message = new Message(ids.incrementAndGet(), m.messageId(), m.conversation(), m.from(), m.mine(), m.format(),
                    m.html(), m.text(), m.at() != null ? m.at() : now(), m.file(), m.silent(), m.direct());
            Deque<Message> messages = conversations.computeIfAbsent(message.conversation(), k -> new ArrayDeque<>());
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
        DirectChat chat = direct;
        if (chat != null && presence.state() == PresenceState.ONLINE) {
            chat.userOnline(presence.user());
        }
        boolean on = presence.state() == PresenceState.ONLINE;
        people.compute(presence.user(), (k, p) -> p == null
                ? new Person(k, null, null, null, null, on ? UserStatus.ONLINE.wire() : null, null)
                : p.withStatus(on ? UserStatus.ONLINE.wire() : null, null));
        setOnline(presence.user(), on);
        if (on) { // the profile of who came online, fetched without holding up other events
            client.profile(presence.user()).thenAccept(profile -> person(remember(profile)));
        }
    }

    /** Marks a user online or not, and tells the page who is online now. */
    private void setOnline(String name, boolean on) {
        List<String> now;
        synchronized (this) {
            boolean changed = on ? online.add(name) : online.remove(name);
            if (!changed) {
                now = null;
            } else {
                now = List.copyOf(online);
            }
        }
        person(people.get(name));
        if (now != null) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "presence");
            event.put("user", name);
            event.put("online", on);
            event.put("users", now);
            events.accept(event);
        }
    }

    /** Tells the page what is now known of a user. */
    private void person(Person person) {
        if (person == null) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "person");
        event.put("person", person);
        events.accept(event);
    }

    /** Another user set their status: {@code offline} is appearing offline, so they leave the list. */
    private void status(ServerMessage.Status status) {
        if (status.user().equals(user)) {
            return;
        }
        String wire = status.status() == UserStatus.OFFLINE ? null : status.status().wire();
        people.compute(status.user(), (k, p) -> (p == null ? new Person(k, null, null, null, null, null, null) : p)
                .withStatus(wire, wire == null ? null : status.text()));
        setOnline(status.user(), wire != null);
    }

    private void profileChanged(ServerMessage.ProfileChanged changed) {
        Person updated = people.compute(changed.user(), (k, p) -> {
            Person before = p == null ? new Person(k, null, null, null, null, null, null) : p;
            return new Person(k, changed.displayName(), changed.about(), changed.avatarType(),
                    changed.avatarType() == null ? null : changed.at(), before.status(), before.statusText());
        });
        person(updated);
    }

    private void groupChanged(ServerMessage.GroupChanged changed) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "group");
        event.put("group", changed.group());
        event.put("user", changed.user());
        event.put("change", changed.change());
        event.put("by", changed.by());
        event.put("at", changed.at());
        events.accept(event);
        if ("invited".equals(changed.change()) && changed.user().equals(user)) {
            notice("info", (changed.by() == null ? "You were" : changed.by() + " invited you") + " to the group "
                    + changed.group() + ": join it under Groups.");
        }
    }

    private void chat(ServerMessage.Chat chat) {
        String conversation = chat.mode() == Audience.GROUP && chat.group() != null ? GROUP + chat.group()
                : chat.mode() == Audience.UNICAST || chat.mode() == Audience.MULTICAST ? "@" + chat.from()
                : BROADCAST;
        add(text(chat.messageId(), conversation, chat.from(), false, chat.text(), chat.format(), chat.sentAt(),
                chat.quiet()));
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
        DirectChat chat = direct;
        if (chat != null) {
            chat.close();
        }
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
        public void received(ServerMessage.IncomingFile offer, Path file) {
            String from = offer.from();
            String fileName = offer.fileName();
            try {
                StoredFile stored = store(file, fileName, from, false);
                String conversation = offer.group() != null ? GROUP + offer.group() : "@" + from;
                add(new Message(0, null, conversation, from, false, null, null, null, null, stored.view(), false));
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
        public void onStatus(ServerMessage.Status status) {
            SignedIn s = await();
            if (s != null) {
                s.status(status);
            }
        }

        @Override
        public void onProfileChanged(ServerMessage.ProfileChanged changed) {
            SignedIn s = await();
            if (s != null) {
                s.profileChanged(changed);
            }
        }

        @Override
        public void onGroupChanged(ServerMessage.GroupChanged changed) {
            SignedIn s = await();
            if (s != null) {
                s.groupChanged(changed);
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
                    meet(ChatClient.await(client.who()));
                    List<String> now;
                    synchronized (this) {
                        now = List.copyOf(online);
                    }
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("type", "reconnected");
                    event.put("users", now);
                    event.put("people", Map.copyOf(people));
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

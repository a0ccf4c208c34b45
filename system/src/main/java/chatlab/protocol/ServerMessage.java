package chatlab.protocol;

import java.util.List;

/**
 * Every frame a server sends: a {@link Response} to one request, which echoes its id, or an
 * {@link Event} pushed unasked. Wire names are the record names in lower camel case.
 */
public sealed interface ServerMessage {

    /** The answer to one request. An id of 0 means the frame it answers had no readable id. */
    sealed interface Response extends ServerMessage {
        long id();
    }

    /** A frame the server pushes without a request. */
    sealed interface Event extends ServerMessage {
    }

    /**
     * Accepts the handshake. {@code idleTimeout}: seconds without a frame from the client after
     * which the server closes the connection as dead (null: never); a client pings when idle.
     * {@code room}: true when the room has a password, which the client must give (a
     * {@code room} request) before it signs up or logs in; absent otherwise. {@code profile}: the
     * server's {@link Profile}, such as {@code toom}, whose wording clients follow.
     */
    record Welcome(long id, int version, String server, int maxFrameBytes, String zone, Integer idleTimeout,
            Boolean room, String profile) implements Response {
        public Welcome(long id, int version, String server, int maxFrameBytes, String zone) {
            this(id, version, server, maxFrameBytes, zone, null, null, null);
        }

        /** The server's profile; chatlab's own when the server names none or one this client does not know. */
        public Profile serverProfile() {
            try {
                return profile == null ? Profile.CHATLAB : Profile.parse(profile);
            } catch (IllegalArgumentException unknown) {
                return Profile.CHATLAB;
            }
        }

        /** Whether the room password must be given before signing up or logging in. */
        public boolean roomPassword() {
            return Boolean.TRUE.equals(room);
        }
    }

    /**
     * A successful login; {@code pending} chat messages follow as {@link Chat} events.
     * {@code replaced} is true when the login took over the user's earlier session of the same
     * client instance, which the server then closed.
     */
    record LoggedIn(long id, String user, String since, String message, long pending, Boolean replaced)
            implements Response {
        public LoggedIn(long id, String user, String since, String message, long pending) {
            this(id, user, since, message, pending, null);
        }
    }

    /** Success with nothing more to say than a human message. */
    record Ok(long id, String message) implements Response {
    }

    /**
     * A chat message was stored for {@code recipients} users, of whom {@code offline} get it at
     * their next login; {@code blockedBy} names the users it did not reach because they block the
     * sender.
     */
    record Sent(long id, long messageId, int recipients, int offline, List<String> blockedBy, String message)
            implements Response {
        public Sent {
            blockedBy = blockedBy == null ? List.of() : List.copyOf(blockedBy);
        }
    }

    /** A board post, edit or delete took effect. */
    record BoardAck(long id, BoardAction action, int number, String timestamp, String message)
            implements Response {
    }

    /** Board messages, in board order. {@code message} is "no new message" when there are none. */
    record BoardMessages(long id, List<BoardEntry> messages, String next, String message)
            implements Response, Page<BoardEntry> {
        public BoardMessages {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }

        @Override
        public List<BoardEntry> items() {
            return messages;
        }
    }

    /** Active sessions. {@code message} is "no other active user" when there are none. */
    record ActiveUsers(long id, List<ActiveUser> users, String next, String message)
            implements Response, Page<ActiveUser> {
        public ActiveUsers {
            users = users == null ? List.of() : List.copyOf(users);
        }

        @Override
        public List<ActiveUser> items() {
            return users;
        }
    }

    /** Users who logged in within a period. */
    record RecentUsers(long id, List<RecentUser> users, String next, String message)
            implements Response, Page<RecentUser> {
        public RecentUsers {
            users = users == null ? List.of() : List.copyOf(users);
        }

        @Override
        public List<RecentUser> items() {
            return users;
        }
    }

    /**
     * Where to send a file: one route per recipient that is online with a UDP port. {@code offline}
     * names the intended recipients who are not, {@code blockedBy} those who block the sender.
     */
    record FileOffers(long id, List<FileRoute> routes, List<String> offline, List<String> blockedBy, String message)
            implements Response {
        public FileOffers {
            routes = routes == null ? List.of() : List.copyOf(routes);
            offline = offline == null ? List.of() : List.copyOf(offline);
            blockedBy = blockedBy == null ? List.of() : List.copyOf(blockedBy);
        }
    }

    /** A fresh temporary ID and its validity window (BlueTrace timestamps, {@code dd/MM/yyyy HH:mm:ss}). */
    record TempId(long id, String tempId, String start, String expiry, String message) implements Response {
    }

    /** Part of a contact log was stored: {@code stored} new entries, {@code duplicates} already there. */
    record ContactsStored(long id, String uploadId, int stored, int duplicates) implements Response {
    }

    /** Whom the caller met: one contact per traced ID, and the IDs that could not be traced. */
    record ContactTrace(long id, List<Contact> contacts, List<Unmatched> unmatched, String message)
            implements Response {
        public ContactTrace {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
            unmatched = unmatched == null ? List.of() : List.copyOf(unmatched);
        }
    }

    /**
     * A vote to kick {@code user} was counted: {@code votes} distinct voters within the window of
     * the {@code needed}; {@code kicked} is true when this vote removed the user.
     */
    record KickVote(long id, String user, int votes, int needed, boolean kicked, String message) implements Response {
    }

    /** A user's profile. */
    record ProfileInfo(long id, UserProfile profile) implements Response {
    }

    /**
     * A user's identity key from the key directory: {@code key} in base64, its
     * {@code fingerprint} for people to compare, and when it was published.
     */
    record IdentityKey(long id, String user, String key, String fingerprint, String updatedAt, String message)
            implements Response {
    }

    /** Where a user's client takes direct messages, and the identity key to seal them for. */
    record PeerInfo(long id, String user, String address, int udpPort, String key, String fingerprint, String message)
            implements Response {
    }

    /** A user's avatar: its media type and the image, base64-encoded. */
    record Avatar(long id, String user, String mediaType, String data) implements Response {
        @Override
        public String toString() {
            return "Avatar[id=" + id + ", user=" + user + ", mediaType=" + mediaType + ", data=" + data.length() + " chars]";
        }
    }

    /** Groups, by name. */
    record GroupList(long id, List<GroupInfo> groups, String next, String message)
            implements Response, Page<GroupInfo> {
        public GroupList {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        @Override
        public List<GroupInfo> items() {
            return groups;
        }
    }

    /** A group's members, by name. */
    record MemberList(long id, String group, List<GroupMember> members, String next)
            implements Response, Page<GroupMember> {
        public MemberList {
            members = members == null ? List.of() : List.copyOf(members);
        }

        @Override
        public List<GroupMember> items() {
            return members;
        }
    }

    /** Messages: a group's history (newest first), or what a search found (best first). */
    record Messages(long id, List<StoredMessage> messages, String next, String message)
            implements Response, Page<StoredMessage> {
        public Messages {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }

        @Override
        public List<StoredMessage> items() {
            return messages;
        }
    }

    /** Users a search found, best first. */
    record Users(long id, List<UserProfile> users, String next, String message)
            implements Response, Page<UserProfile> {
        public Users {
            users = users == null ? List.of() : List.copyOf(users);
        }

        @Override
        public List<UserProfile> items() {
            return users;
        }
    }

    /** A request failed. */
    record Error(long id, ErrorCode code, String message, Integer attemptsLeft, Long retryAfterSeconds)
            implements Response {
        public static Error of(long id, ChatException e) {
            return new Error(id, e.code(), e.getMessage(), e.attemptsLeft(), e.retryAfterSeconds());
        }

        public ChatException toException() {
            return new ChatException(code, message, attemptsLeft, retryAfterSeconds, null);
        }
    }

    /**
     * A chat message delivered to a recipient; {@code seq} increases per recipient. {@code group}
     * names the group of a group message; {@code format} is {@code markdown} for markdown source
     * (absent: plain); {@code silent} is true when the recipient was on do-not-disturb, so the
     * client shows the message without notifying.
     */
    record Chat(long seq, long messageId, String from, Audience mode, String text, String sentAt, String group,
            TextFormat format, Boolean silent) implements Event {
        public Chat(long seq, long messageId, String from, Audience mode, String text, String sentAt) {
            this(seq, messageId, from, mode, text, sentAt, null, null, null);
        }

        /** Whether the client should show it without a notification (the recipient is on do-not-disturb). */
        public boolean quiet() {
            return Boolean.TRUE.equals(silent);
        }
    }

    /**
     * Someone is about to send this client a file over UDP: who, what, and the transfer's id and
     * key; {@code group} names the group it was sent to, when it was.
     */
    record IncomingFile(String from, String fileName, long size, String sha256, long transferId, String key,
            String address, int udpPort, String group) implements Event {
        public IncomingFile(String from, String fileName, long size, String sha256, long transferId, String key,
                String address, int udpPort) {
            this(from, fileName, size, sha256, transferId, key, address, udpPort, null);
        }

        @Override
        public String toString() {
            return "IncomingFile[from=" + from + ", fileName=" + fileName + ", size=" + size + ", transferId=" + transferId
                    + ", key=***]";
        }
    }

    /** A user's status changed (only to clients that asked for presence). */
    record Status(String user, UserStatus status, String text, String at) implements Event {
    }

    /** A user changed their profile (only to clients that asked for presence). */
    record ProfileChanged(String user, String displayName, String about, String avatarType, String at)
            implements Event {
    }

    /**
     * Something happened in a group the client's user is in, or was invited to: {@code change}
     * is {@code created}, {@code joined}, {@code left} or {@code invited}; {@code by} is who invited.
     */
    record GroupChanged(String group, String user, String change, String by, String at) implements Event {
    }

    /** A user came online or went offline (only to clients that asked for presence). */
    record Presence(String user, PresenceState state, String at) implements Event {
    }

    /**
     * A user was kicked out of the room: by the votes of {@code by}, or by the server's operator
     * when {@code by} is empty; banned until {@code until}. Sent to everyone else logged in.
     */
    record Kicked(String user, List<String> by, String until, String message) implements Event {
        public Kicked {
            by = by == null ? List.of() : List.copyOf(by);
        }
    }

    /** An announcement from the server's operator to everyone logged in. */
    record Notice(String text, String at) implements Event {
    }

    /** The server is closing this connection, and why. */
    record Disconnect(ErrorCode code, String reason) implements Event {
    }
}

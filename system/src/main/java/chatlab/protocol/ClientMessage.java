package chatlab.protocol;

import java.util.List;

/**
 * Every frame a client sends: a request with a client-chosen {@code id} that the response echoes.
 * The wire name of each record is its simple name in lower camel case ({@code WhoElseSince} is
 * {@code whoElseSince}).
 */
public sealed interface ClientMessage {

    /** The request id, a positive integer chosen by the client. */
    long id();

    /** Opens a session: must be the first frame. */
    record Hello(long id, int version, String client, Boolean presence) implements ClientMessage {
        public Hello {
            Checks.requestId(id);
            if (version < 1) {
                throw new IllegalArgumentException("version is required: a positive integer");
            }
            client = Checks.optional(client, "client", 128);
        }

        /** Whether the client asked for presence events. */
        public boolean wantsPresence() {
            return Boolean.TRUE.equals(presence);
        }
    }

    /** Creates an account. */
    record Signup(long id, String user, String password) implements ClientMessage {
        public Signup {
            Checks.requestId(id);
            Usernames.require(Checks.required(user, "user"));
            Passwords.require(Checks.required(password, "password"));
        }

        @Override
        public String toString() {
            return "Signup[id=" + id + ", user=" + user + ", password=***]";
        }
    }

    /** Logs in; {@code udpPort} is where the client receives peer-to-peer datagrams. */
    record Login(long id, String user, String password, Integer udpPort, String instance) implements ClientMessage {
        public Login {
            Checks.requestId(id);
            Checks.nonBlank(user, "user", 256);
            Checks.nonBlank(password, "password", Protocol.MAX_PASSWORD_CHARS);
            if (udpPort != null && (udpPort < 0 || udpPort > 65_535)) {
                throw new IllegalArgumentException("udpPort must be between 0 and 65535");
            }
            if (instance != null && !Protocol.INSTANCE.matcher(instance).matches()) {
                throw new IllegalArgumentException("instance must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
            }
        }

        public Login(long id, String user, String password, Integer udpPort) {
            this(id, user, password, udpPort, null);
        }

        @Override
        public String toString() {
            return "Login[id=" + id + ", user=" + user + ", password=***, udpPort=" + udpPort + ", instance=" + instance
                    + "]";
        }
    }

    /**
     * Gives the room password (CSC573). A server that has one takes no signup or login on a
     * connection until it was given; a server without one accepts any.
     */
    record Room(long id, String password) implements ClientMessage {
        public Room {
            Checks.requestId(id);
            Checks.nonBlank(password, "password", Protocol.MAX_PASSWORD_CHARS);
        }

        @Override
        public String toString() {
            return "Room[id=" + id + ", password=***]";
        }
    }

    /**
     * Votes to kick a user out of the room (CSC573): once enough distinct other users voted
     * within the server's window, the user is removed and banned for a while.
     */
    record Kick(long id, String user) implements ClientMessage {
        public Kick {
            Checks.requestId(id);
            Checks.nonBlank(user, "user", 256);
        }
    }

    /** Ends the session (Toom's OUT). */
    record Logout(long id) implements ClientMessage {
        public Logout {
            Checks.requestId(id);
        }
    }

    /**
     * A chat message: {@code to} names the recipients of a unicast (one) or multicast (one or
     * more); {@code except} names those a blockcast leaves out; {@code group} names the group of
     * a group message. {@code key}, when given, makes a retried send idempotent. {@code format}
     * is {@code markdown} when the text is markdown source (stored unchanged); plain when absent.
     */
    record Send(long id, Audience mode, List<String> to, List<String> except, String text, String key, String group,
            TextFormat format) implements ClientMessage {
        public Send {
            Checks.requestId(id);
            if (mode == null) {
                throw new IllegalArgumentException(
                        "mode is required: unicast, multicast, broadcast, blockcast or group");
            }
            to = Checks.names(to, "to");
            except = Checks.names(except, "except");
            Checks.text(text);
            key = Checks.optional(key, "key", Protocol.MAX_KEY_CHARS);
            checkAudience(mode, to, except, group);
        }

        public Send(long id, Audience mode, List<String> to, List<String> except, String text, String key) {
            this(id, mode, to, except, text, key, null, null);
        }

        static void checkAudience(Audience mode, List<String> to, List<String> except, String group) {
            switch (mode) {
                case UNICAST -> require(to.size() == 1 && except.isEmpty(), "a unicast names exactly one user in to");
                case MULTICAST -> require(!to.isEmpty() && except.isEmpty(), "a multicast names one or more users in to");
                case BROADCAST -> require(to.isEmpty() && except.isEmpty(), "a broadcast names no users");
                case BLOCKCAST -> require(to.isEmpty() && !except.isEmpty(), "a blockcast names one or more users in except");
                case GROUP -> {
                    require(to.isEmpty() && except.isEmpty(), "a group message names its group, not users");
                    Checks.groupName(group, "group");
                }
            }
            if (mode != Audience.GROUP) {
                require(group == null, "only a group message names a group");
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** Acknowledges every delivered chat message up to and including sequence {@code upTo}. */
    record Ack(long id, long upTo) implements ClientMessage {
        public Ack {
            Checks.requestId(id);
            if (upTo < 1) {
                throw new IllegalArgumentException("upTo must be a positive sequence number");
            }
        }
    }

    /** Posts to the message board (Toom's MSG). */
    record Post(long id, String text) implements ClientMessage {
        public Post {
            Checks.requestId(id);
            Checks.text(text);
        }
    }

    /** Edits one's own board message (Toom's EDT); number and timestamp must match. */
    record Edit(long id, int number, String timestamp, String text) implements ClientMessage {
        public Edit {
            Checks.requestId(id);
            Checks.positive(number, "number");
            Checks.nonBlank(timestamp, "timestamp", 64);
            Checks.text(text);
        }
    }

    /** Deletes one's own board message (Toom's DLT); later messages are renumbered. */
    record Delete(long id, int number, String timestamp) implements ClientMessage {
        public Delete {
            Checks.requestId(id);
            Checks.positive(number, "number");
            Checks.nonBlank(timestamp, "timestamp", 64);
        }
    }

    /** Reads the board messages strictly later than {@code since} (Toom's RDM). */
    record Read(long id, String since, String after) implements ClientMessage {
        public Read {
            Checks.requestId(id);
            Checks.nonBlank(since, "since", 64);
            after = Checks.optional(after, "after", 64);
        }
    }

    /** Lists the other active users (Toom's ATU). */
    record Who(long id, String after) implements ClientMessage {
        public Who {
            Checks.requestId(id);
            after = Checks.optional(after, "after", 64);
        }
    }

    /** Lists the other users who logged in within the last {@code seconds}, online or not. */
    record WhoElseSince(long id, long seconds, String after) implements ClientMessage {
        public WhoElseSince {
            Checks.requestId(id);
            if (seconds < 1) {
                throw new IllegalArgumentException("seconds must be a positive integer");
            }
            after = Checks.optional(after, "after", 64);
        }
    }

    /** Stops a user's messages from reaching the caller. */
    record Block(long id, String user) implements ClientMessage {
        public Block {
            Checks.requestId(id);
            Checks.nonBlank(user, "user", 256);
        }
    }

    /** Lifts a block. */
    record Unblock(long id, String user) implements ClientMessage {
        public Unblock {
            Checks.requestId(id);
            Checks.nonBlank(user, "user", 256);
        }
    }

    /** Reads the active-user log (Toom's userlog.txt). */
    record UserLog(long id, String after) implements ClientMessage {
        public UserLog {
            Checks.requestId(id);
            after = Checks.optional(after, "after", 64);
        }
    }

    /** Reads the whole message board (Toom's messagelog.txt). */
    record MessageLog(long id, String after) implements ClientMessage {
        public MessageLog {
            Checks.requestId(id);
            after = Checks.optional(after, "after", 64);
        }
    }

    /**
     * Asks to send a file peer to peer: the server names each recipient's UDP endpoint, a transfer
     * id and a fresh key, and tells each recipient to expect it. Recipients are chosen as for
     * {@link Send}, a group's members included.
     */
    record SendFile(long id, Audience mode, List<String> to, List<String> except, String fileName, long size,
            String sha256, String group) implements ClientMessage {
        public SendFile(long id, Audience mode, List<String> to, List<String> except, String fileName, long size,
                String sha256) {
            this(id, mode, to, except, fileName, size, sha256, null);
        }

        public SendFile {
            Checks.requestId(id);
            if (mode == null) {
                throw new IllegalArgumentException(
                        "mode is required: unicast, multicast, broadcast, blockcast or group");
            }
            to = Checks.names(to, "to");
            except = Checks.names(except, "except");
            Send.checkAudience(mode, to, except, group);
            Checks.nonBlank(fileName, "fileName", 255);
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
            Checks.required(sha256, "sha256");
            if (!sha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 hexadecimal digits");
            }
        }
    }

    /** Asks for a fresh temporary ID for beacons (BlueTrace's Download_tempID). */
    record DownloadTempId(long id) implements ClientMessage {
        public DownloadTempId {
            Checks.requestId(id);
        }
    }

    /**
     * Stores part of a contact log. A client sends its whole log as several of these without
     * waiting (pipelined), all with the same {@code uploadId}; entries already stored are not
     * stored again, so an upload cut off midway can simply be sent again.
     */
    record UploadContacts(long id, String uploadId, List<ContactEntry> entries) implements ClientMessage {
        public UploadContacts {
            Checks.requestId(id);
            Checks.nonBlank(uploadId, "uploadId", 64);
            entries = entries == null ? List.of() : List.copyOf(entries);
            if (entries.size() > Protocol.MAX_CONTACTS_PER_UPLOAD) {
                throw new IllegalArgumentException("an upload holds at most " + Protocol.MAX_CONTACTS_PER_UPLOAD
                        + " entries; send the rest in further uploads");
            }
            for (ContactEntry e : entries) {
                Checks.nonBlank(e.tempId(), "tempId", 64);
                Checks.nonBlank(e.start(), "start", 64);
                Checks.nonBlank(e.expiry(), "expiry", 64);
            }
        }
    }

    /** Traces every contact the caller has uploaded: whom they met (BlueTrace's checking). */
    record TraceContacts(long id) implements ClientMessage {
        public TraceContacts {
            Checks.requestId(id);
        }
    }

    /** Checks that the connection is alive. */
    record Ping(long id) implements ClientMessage {
        public Ping {
            Checks.requestId(id);
        }
    }

    // ---- profiles and statuses (Compsys 302) ----

    /** Changes the caller's profile: a null field is left as it was, an empty one is cleared. */
    record SetProfile(long id, String displayName, String about) implements ClientMessage {
        public SetProfile {
            Checks.requestId(id);
            displayName = Checks.optionalText(displayName, "displayName", Protocol.MAX_DISPLAY_NAME_CHARS);
            if (displayName != null && displayName.contains("\n")) {
                throw new IllegalArgumentException("displayName must be one line");
            }
            about = Checks.optionalText(about, "about", Protocol.MAX_ABOUT_CHARS);
        }
    }

    /**
     * Sets the caller's avatar: {@code data} is the image, base64-encoded, at most
     * {@link Protocol#MAX_AVATAR_BYTES} bytes once decoded; its type is read from its content (PNG,
     * JPEG, GIF or WebP). Absent {@code data} removes the avatar.
     */
    record SetAvatar(long id, String data) implements ClientMessage {
        public SetAvatar {
            Checks.requestId(id);
            if (data != null && data.length() > (Protocol.MAX_AVATAR_BYTES + 2) / 3 * 4 + 4) {
                throw new ChatException(ErrorCode.AVATAR_TOO_LARGE, "an avatar holds at most "
                        + Protocol.MAX_AVATAR_BYTES / 1024 + " KiB");
            }
        }

        @Override
        public String toString() {
            return "SetAvatar[id=" + id + ", data=" + (data == null ? "none" : data.length() + " base64 chars") + "]";
        }
    }

    /** Asks for a user's profile (anyone's, the caller's own included). */
    record GetProfile(long id, String user) implements ClientMessage {
        public GetProfile {
            Checks.requestId(id);
            Checks.nonBlank(user, "user", 256);
        }
    }

    /**
     * Publishes the caller's identity key to the key directory, replacing any earlier one:
     * {@code key} is an X25519 public key, 32 bytes in base64.
     */
    record PublishKey(long id, String key) implements ClientMessage {
        public PublishKey {
            Checks.requestId(id);
            chatlab.e2e.IdentityKeys.decodePublicKey(Checks.required(key, "key"));
        }
    }

    /** Asks the key directory for a user's identity key. */
    record GetKey(long id, String user) implements ClientMessage {
        public GetKey {
            Checks.requestId(id);
            Checks.nonBlank(user, "user", 256);
        }
    }

    /**
     * Asks where to send a user a direct message: their client's UDP endpoint and identity key,
     * while they are online with a UDP port.
     */
    record Peer(long id, String user) implements ClientMessage {
        public Peer {
            Checks.requestId(id);
            Checks.nonBlank(user, "user", 256);
        }
    }

    /** Asks for a user's avatar image. */
    record GetAvatar(long id, String user) implements ClientMessage {
        public GetAvatar {
            Checks.requestId(id);
            Checks.nonBlank(user, "user", 256);
        }
    }

    /** Sets the caller's status, with an optional short note ("back at 3"). */
    record SetStatus(long id, UserStatus status, String text) implements ClientMessage {
        public SetStatus {
            Checks.requestId(id);
            if (status == null) {
                throw new IllegalArgumentException("status is required: online, away, idle, dnd or offline");
            }
            text = Checks.optionalText(text, "text", Protocol.MAX_ABOUT_CHARS);
        }
    }

    // ---- named groups ----

    /** Makes a group with the caller as its first member; an {@code open} group takes anyone who joins. */
    record CreateGroup(long id, String group, String about, Boolean open) implements ClientMessage {
        public CreateGroup {
            Checks.requestId(id);
            Checks.groupName(group, "group");
            about = Checks.optionalText(about, "about", Protocol.MAX_ABOUT_CHARS);
        }

        public boolean isOpen() {
            return Boolean.TRUE.equals(open);
        }
    }

    /** A member invites a user, who may then join the group even if it is not open. */
    record Invite(long id, String group, String user) implements ClientMessage {
        public Invite {
            Checks.requestId(id);
            Checks.groupName(group, "group");
            Checks.nonBlank(user, "user", 256);
        }
    }

    /** Joins a group that is open, or that the caller was invited to. */
    record Join(long id, String group) implements ClientMessage {
        public Join {
            Checks.requestId(id);
            Checks.groupName(group, "group");
        }
    }

    /** Leaves a group. */
    record Leave(long id, String group) implements ClientMessage {
        public Leave {
            Checks.requestId(id);
            Checks.groupName(group, "group");
        }
    }

    /** Lists the groups the caller is in and the open ones, by name. */
    record Groups(long id, String after) implements ClientMessage {
        public Groups {
            Checks.requestId(id);
            after = Checks.optional(after, "after", 64);
        }
    }

    /** Lists a group's members, by name (members only). */
    record Members(long id, String group, String after) implements ClientMessage {
        public Members {
            Checks.requestId(id);
            Checks.groupName(group, "group");
            after = Checks.optional(after, "after", 64);
        }
    }

    /** Reads a group's messages, newest first, page by page (members only). */
    record History(long id, String group, String after) implements ClientMessage {
        public History {
            Checks.requestId(id);
            Checks.groupName(group, "group");
            after = Checks.optional(after, "after", 64);
        }
    }

    // ---- search ----

    /**
     * Searches the messages the caller may see (their private and multicast messages, sent or
     * received, their groups' messages, broadcasts they got, and the board), best match first.
     * Every word of {@code query} must match, a word ending in {@code *} as a prefix.
     */
    record SearchMessages(long id, String query, String after) implements ClientMessage {
        public SearchMessages {
            Checks.requestId(id);
            Checks.nonBlank(query, "query", Protocol.MAX_QUERY_CHARS);
            after = Checks.optional(after, "after", 64);
        }
    }

    /** Searches the user directory by name, display name and "about" text, best match first. */
    record SearchUsers(long id, String query, String after) implements ClientMessage {
        public SearchUsers {
            Checks.requestId(id);
            Checks.nonBlank(query, "query", Protocol.MAX_QUERY_CHARS);
            after = Checks.optional(after, "after", 64);
        }
    }
}

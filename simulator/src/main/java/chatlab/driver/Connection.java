package chatlab.driver;

import chatlab.protocol.Audience;
import chatlab.protocol.UserStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated user's connection to the server under test, in the lab's terms. Each request
 * answers with a future that fails with a {@link chatlab.protocol.ChatException}: a refusal with
 * the server's code, or {@code timeout} and {@code connection_lost} when it is in doubt whether
 * the request took effect. A driver whose protocol cannot express a request fails it with
 * {@link UnsupportedOperationException}.
 */
public interface Connection extends AutoCloseable {
    /**
     * How to connect: how long to wait for a connection and for each answer; whether to hear of
     * others' presence; the highest message of the user's stream already handled (so that only
     * later ones are delivered again); the UDP port of the user's peer-to-peer side, or null; and
     * the client instance that may take over its own stale session, or null.
     */
    record Options(Duration connectTimeout, Duration requestTimeout, boolean presence, long handledUpTo,
            Integer udpPort, String instance) {
        public static Options of(Duration connectTimeout, Duration requestTimeout) {
            return new Options(connectTimeout, requestTimeout, false, 0, null, null);
        }

        public Options withPresence(boolean value) {
            return new Options(connectTimeout, requestTimeout, value, handledUpTo, udpPort, instance);
        }

        public Options withHandledUpTo(long value) {
            return new Options(connectTimeout, requestTimeout, presence, value, udpPort, instance);
        }

        public Options withUdpPort(Integer value) {
            return new Options(connectTimeout, requestTimeout, presence, handledUpTo, value, instance);
        }

        public Options withInstance(String value) {
            return new Options(connectTimeout, requestTimeout, presence, handledUpTo, udpPort, value);
        }
    }

    /** What the server said of a chat message it accepted: its id, how many it reached now and later, who blocked it. */
    record Sent(Long messageId, Integer recipients, Integer offline, List<String> blockedBy) {
    }

    /** A board message as the server numbered and stamped it. */
    record Posted(int number, String timestamp) {
    }

    /**
     * What the link shows now: connected, bytes read so far, the bytes of a frame still arriving,
     * the time since the last whole frame, and events received but not yet handed on.
     */
    record LinkState(boolean connected, long bytesReceived, long partialFrameBytes, Duration sinceLastFrame,
            int eventsQueued) {
    }

    /** The time zone the server keeps its timestamps in. */
    String zone();

    CompletableFuture<Void> signup(String user, String password);

    CompletableFuture<Void> login(String user, String password);

    /** Connects again and logs in as the user last logged in, at once; throws the refusal or the failure. */
    void reconnect();

    CompletableFuture<Void> logout();

    /** A chat message to {@code names} (for a blockcast: everyone but them). */
    CompletableFuture<Sent> send(Audience mode, List<String> names, String text);

    CompletableFuture<Sent> sendToGroup(String group, String text);

    /** Creates an open group; {@code group_exists} when it is there already. */
    CompletableFuture<Void> createGroup(String group, String about);

    CompletableFuture<Void> join(String group);

    CompletableFuture<Void> block(String user);

    CompletableFuture<Void> setStatus(UserStatus status);

    /** Who is online: how many the server listed. */
    CompletableFuture<Integer> who();

    CompletableFuture<Posted> post(String text);

    CompletableFuture<Posted> edit(int number, String timestamp, String text);

    CompletableFuture<Void> delete(int number, String timestamp);

    /** The board since {@code since} (the server's timestamp format): how many messages it gave. */
    CompletableFuture<Integer> read(String since);

    boolean isConnected();

    /** The user logged in on this connection, or null. */
    String user();

    LinkState linkState();

    /** The highest message of the user's stream handed on so far. */
    long handledUpTo();

    /**
     * The protocol's own client under this connection, for the parts of the lab written for that
     * protocol (chatlab's peer-to-peer side); refused when it is not of {@code type}.
     */
    <T> T unwrap(Class<T> type);

    /** Closes the connection, handing on first what it had received. */
    @Override
    void close();
}

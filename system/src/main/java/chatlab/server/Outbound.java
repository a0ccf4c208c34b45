package chatlab.server;

import chatlab.protocol.ServerMessage;

/** The sending side of one client connection, as the services see it. */
public interface Outbound {
    /** Queues a frame for the client; returns false if the connection is closing. */
    boolean push(ServerMessage message);

    /**
     * Queues the delivery of {@code user}'s stored inbox up to {@code upToSeq}, read from the
     * store when the writer reaches it, so that a long backlog never fills the queue.
     */
    void pushBacklog(String user, long upToSeq);

    /** Whether the client asked for presence events. */
    boolean wantsPresence();

    /**
     * Ends this connection's session at once (its client instance logged in again elsewhere, or
     * the user was kicked out) and closes the connection after telling the client why.
     */
    void end(chatlab.protocol.ErrorCode code, String reason);
}

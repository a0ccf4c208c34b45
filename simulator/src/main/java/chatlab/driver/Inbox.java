package chatlab.driver;

import chatlab.protocol.ChatException;

/** What a connection hears from the server, handed to the simulated user that owns it. */
public interface Inbox {
    /**
     * A chat message arriving: who sent it, the server's id for it and its place in this user's
     * stream ({@code seq}), its text, and how it was addressed (unicast, broadcast, group, ...).
     */
    record Arrival(String from, long messageId, long seq, String text, String mode) {
    }

    void onMessage(Arrival arrival);

    /** Another user came online ({@code true}) or went offline; only with {@link Connection.Options#presence()}. */
    default void onPresence(String user, boolean online) {
    }

    /** The connection was lost (not closed by its owner). */
    default void onLost(ChatException cause) {
    }

    /**
     * An event only the driver's own protocol has (for chatlab's: a file offered peer to peer),
     * for the parts of the lab written for that protocol.
     */
    default void onProtocolEvent(Object event) {
    }
}

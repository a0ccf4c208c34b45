package chatlab.client;

import chatlab.protocol.ChatException;
import chatlab.protocol.ServerMessage;

/**
 * Receives what the server pushes. Calls come one at a time, in the order the server sent
 * them, on a thread of the client's own; a listener may call the client, even synchronously.
 */
public interface ChatListener {
    /** A chat message, delivered once even if the server sends it again after a reconnect. */
    default void onChat(ServerMessage.Chat chat) {
    }

    /** Someone is about to send a file over UDP. */
    default void onIncomingFile(ServerMessage.IncomingFile file) {
    }

    /** A user came online or went offline (when presence was asked for). */
    default void onPresence(ServerMessage.Presence presence) {
    }

    /** A user's status changed (when presence was asked for). */
    default void onStatus(ServerMessage.Status status) {
    }

    /** A user changed their profile (when presence was asked for). */
    default void onProfileChanged(ServerMessage.ProfileChanged changed) {
    }

    /** Someone joined or left a group of this user's, or this user was invited to one. */
    default void onGroupChanged(ServerMessage.GroupChanged changed) {
    }

    /** A user was kicked out of the room, by the votes of others or by the server's operator. */
    default void onKicked(ServerMessage.Kicked kicked) {
    }

    /** An announcement from the server's operator. */
    default void onNotice(ServerMessage.Notice notice) {
    }

    /** The server said it is closing the connection, and why. */
    default void onDisconnect(ServerMessage.Disconnect disconnect) {
    }

    /** The connection is gone; {@code cause} says how. Pending requests fail with the same cause. */
    default void onConnectionLost(ChatException cause) {
    }
}

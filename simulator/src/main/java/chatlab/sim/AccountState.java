package chatlab.sim;

import chatlab.protocol.ServerMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulation remembers of one account across its sessions: messages sent, own board posts, whether in use. */
final class AccountState {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong posted = new AtomicLong();
    final AtomicLong files = new AtomicLong();
    final AtomicLong dms = new AtomicLong();
    final AtomicBoolean busy = new AtomicBoolean();
    private final Deque<ServerMessage.BoardAck> posts = new ArrayDeque<>();
    volatile ChatSession session;
    /** The highest chat seq this account's sessions handled: what a real application keeps between runs. */
    volatile long handledUpTo;

    synchronized void remember(ServerMessage.BoardAck post) {
        posts.addLast(post);
    }

    synchronized ServerMessage.BoardAck latest() {
        return posts.peekLast();
    }

    synchronized ServerMessage.BoardAck takeLatest() {
        return posts.pollLast();
    }

    synchronized void replaceLatest(ServerMessage.BoardAck edited) {
        posts.pollLast();
        posts.addLast(edited);
    }
}

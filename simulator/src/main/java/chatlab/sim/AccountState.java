package chatlab.sim;

import chatlab.driver.Connection;
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
    private final Deque<Connection.Posted> posts = new ArrayDeque<>();
    volatile ChatSession session;
    /** The highest chat seq this account's sessions handled: what a real application keeps between runs. */
    volatile long handledUpTo;

    synchronized void remember(Connection.Posted post) {
        posts.addLast(post);
    }

    synchronized Connection.Posted latest() {
        return posts.peekLast();
    }

    synchronized Connection.Posted takeLatest() {
        return posts.pollLast();
    }

    synchronized void replaceLatest(Connection.Posted edited) {
        posts.pollLast();
        posts.addLast(edited);
    }
}

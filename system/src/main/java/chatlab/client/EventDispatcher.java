package chatlab.client;

import chatlab.protocol.ChatException;
import chatlab.protocol.ServerMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the listener on a thread of its own, in order. Drops chat messages already
 * passed on (the server resends what was not acknowledged), and acknowledges once a burst of
 * messages has been handled, or every {@value #ACK_EVERY} messages, but at most once per
 * {@link #ACK_INTERVAL}: a message after a quiet spell is acknowledged at once, while a steady
 * stream shares one acknowledgement among the messages of each interval (each one costs the
 * server a write). Before a logout it holds back what arrives, so that every message handled
 * is acknowledged and every message not acknowledged is left for the next session.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int ACK_EVERY = 64;
    /**
     * The least time between two acknowledgements of a steady stream. What is handled and not yet
     * acknowledged when a connection drops is sent again and dropped here as already handled, so
     * a longer interval costs only resends; 200 ms stays well inside anything a person notices.
     */
    static final java.time.Duration ACK_INTERVAL = java.time.Duration.ofMillis(200);
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(5);

    private sealed interface Item {
        record Event(ServerMessage.Event event) implements Item {
        }

        record Lost(ChatException cause) implements Item {
        }

        record Stop() implements Item {
        }

        /** Everything queued before it is handled and acknowledged; then chats are held back. */
        record Hold(java.util.concurrent.CompletableFuture<Void> reached) implements Item {
        }

        /** Chats are passed on again: those queued before it, which came before the logout's answer, stay held back. */
        record Release() implements Item {
        }

        /** The acknowledgement interval is over: what was handled since the last one may be acknowledged. */
        record AckDue() implements Item {
        }
    }

    private final ChatListener listener;
    private final LongConsumer acknowledge;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile long delivered;
    private long acknowledged;
    private final long ackIntervalNanos;
    private long lastAckNanos;
    private volatile boolean holding;
    /** Whether an {@link Item.AckDue} is on its way; read and written by the dispatching thread only. */
    private boolean ackDueSet;
    private final Thread thread;

    /** {@code handledUpTo}: the highest seq this user's application handled before, in an earlier session. */
    EventDispatcher(ChatListener listener, LongConsumer acknowledge, long handledUpTo) {
        this(listener, acknowledge, handledUpTo, ACK_INTERVAL);
    }

    EventDispatcher(ChatListener listener, LongConsumer acknowledge, long handledUpTo, java.time.Duration ackInterval) {
        this.ackIntervalNanos = ackInterval.toNanos();
        this.lastAckNanos = System.nanoTime() - ackIntervalNanos;
        this.listener = listener;
        this.acknowledge = acknowledge;
        this.delivered = handledUpTo;
        this.acknowledged = handledUpTo;
        this.thread = Thread.ofVirtual().name("chatlab-client-events").start(this::run);
    }

    void accept(ServerMessage.Event event) {
        queue.add(new Item.Event(event));
    }

    void lost(ChatException cause) {
        queue.add(new Item.Lost(cause));
    }

    /**
     * Stops after every event queued so far has been handed to the listener, and waits for that
     * (at most {@link #CLOSE_WAIT}), so that {@link #handledUpTo} read afterwards counts them all.
     * From the listener's own thread it cannot wait, and does not.
     */
    void close() {
        queue.add(new Item.Stop());
        if (Thread.currentThread() != thread) {
            try {
                if (!thread.join(CLOSE_WAIT)) {
                    LOG.warn("the chat listener is still busy {} after close", CLOSE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Events received and not yet handed to the listener. */
    int queued() {
        return queue.size();
    }

    /** The highest seq handed to the listener, in this session or before. */
    long handledUpTo() {
        return delivered;
    }

    /**
     * Before a logout: completes once every event queued so far was handled and acknowledged;
     * chats that arrive after are not passed on, and the server keeps them for the next login.
     */
    java.util.concurrent.CompletableFuture<Void> hold() {
        if (Thread.currentThread() == thread) {
            // a listener logging out: what came before was handled, as it is handled in order
            flush();
            holding = true;
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        var reached = new java.util.concurrent.CompletableFuture<Void>();
        queue.add(new Item.Hold(reached));
        return reached;
    }

    /**
     * After a logout, or a failed one: pass chats on again, from the next one queued. A chat that
     * arrived before the logout's answer is still queued ahead of this, so it stays held back
     * and the server sends it again at the next login, rather than reaching the listener
     * unacknowledged after the logout.
     */
    void release() {
        queue.add(new Item.Release());
    }

    private void run() {
        try {
            while (true) {
                Item item = queue.take();
                switch (item) {
                    case Item.Event e -> handle(e.event());
                    case Item.Lost l -> call(() -> listener.onConnectionLost(l.cause()));
                    case Item.Stop s -> {
                        return;
                    }
                    case Item.Hold h -> {
                        flush();
                        holding = true;
                        h.reached().complete(null);
                        continue;
                    }
                    case Item.Release r -> {
                        holding = false;
                        continue;
                    }
                    case Item.AckDue d -> ackDueSet = false;
                }
                if (delivered - acknowledged >= ACK_EVERY || (queue.isEmpty() && untilAckDue() == 0)) {
                    flush();
                } else if (delivered > acknowledged && !ackDueSet) {
                    // acknowledge what is left when the interval ends, if nothing else does first: one
                    // timer per interval, where a timed wait for each event set and cancelled one each
                    ackDueSet = true;
                    ClientTimer.INSTANCE.schedule(() -> queue.add(new Item.AckDue()), untilAckDue(),
                            java.util.concurrent.TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush() {
        if (delivered > acknowledged) {
            acknowledged = delivered;
            lastAckNanos = System.nanoTime();
            acknowledge.accept(delivered);
        }
    }

    /** Nanoseconds until the next acknowledgement may go out; 0 if it may now. */
    private long untilAckDue() {
        return Math.max(0, lastAckNanos + ackIntervalNanos - System.nanoTime());
    }

    private void handle(ServerMessage.Event event) {
        switch (event) {
            case ServerMessage.Chat chat -> {
                if (holding) {
                    LOG.debug("holding back chat #{} during logout", chat.seq());
                    return;
                }
                if (chat.seq() <= delivered) {
                    LOG.debug("dropping chat #{} already delivered", chat.seq());
                    acknowledged = Math.min(acknowledged, chat.seq() - 1);
                    return;
                }
                call(() -> listener.onChat(chat));
                delivered = chat.seq();
            }
            case ServerMessage.Presence presence -> call(() -> listener.onPresence(presence));
            case ServerMessage.IncomingFile file -> call(() -> listener.onIncomingFile(file));
            case ServerMessage.Kicked kicked -> call(() -> listener.onKicked(kicked));
            case ServerMessage.Notice notice -> call(() -> listener.onNotice(notice));
            case ServerMessage.Disconnect disconnect -> call(() -> listener.onDisconnect(disconnect));
            case ServerMessage.Status status -> call(() -> listener.onStatus(status));
            case ServerMessage.ProfileChanged changed -> call(() -> listener.onProfileChanged(changed));
            case ServerMessage.GroupChanged changed -> call(() -> listener.onGroupChanged(changed));
        }
    }

    private static void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("the chat listener failed", e);
        }
    }
}

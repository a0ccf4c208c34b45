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
 * messages has been handled, or every {@value #ACK_EVERY} messages.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int ACK_EVERY = 64;

    private sealed interface Item {
        record Event(ServerMessage.Event event) implements Item {
        }

        record Lost(ChatException cause) implements Item {
        }

        record Stop() implements Item {
        }
    }

    private final ChatListener listener;
    private final LongConsumer acknowledge;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private long delivered;
    private long acknowledged;

    EventDispatcher(ChatListener listener, LongConsumer acknowledge) {
        this.listener = listener;
        this.acknowledge = acknowledge;
        Thread.ofVirtual().name("chatlab-client-events").start(this::run);
    }

    void accept(ServerMessage.Event event) {
        queue.add(new Item.Event(event));
    }

    void lost(ChatException cause) {
        queue.add(new Item.Lost(cause));
    }

    void close() {
        queue.add(new Item.Stop());
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
                }
                if (delivered > acknowledged && (queue.isEmpty() || delivered - acknowledged >= ACK_EVERY)) {
                    acknowledged = delivered;
                    acknowledge.accept(delivered);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(ServerMessage.Event event) {
        switch (event) {
            case ServerMessage.Chat chat -> {
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
            case ServerMessage.Disconnect disconnect -> call(() -> listener.onDisconnect(disconnect));
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

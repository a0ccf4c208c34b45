package chatlab.driver.irc;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Consumer;
import org.kitteh.irc.client.library.feature.sending.MessageSendingQueue;

/**
 * Kitteh's queue for a connection's lines, without its default pause of 1.2 s between them: a
 * line goes out at once while the connection is up, and waits only while it is not.
 */
final class UnthrottledQueue implements MessageSendingQueue {
    private final Queue<String> held = new ArrayDeque<>();
    private Consumer<String> out;

    @Override
    public synchronized void beginSending(Consumer<String> consumer) {
        out = consumer;
        for (String line; (line = held.poll()) != null;) {
            consumer.accept(line);
        }
    }

    @Override
    public synchronized boolean contains(String line) {
        return held.contains(line);
    }

    @Override
    public synchronized Optional<Consumer<String>> getConsumer() {
        return Optional.ofNullable(out);
    }

    @Override
    public synchronized void pause() {
        out = null;
    }

    @Override
    public synchronized void queue(String line) {
        if (out != null) {
            out.accept(line);
        } else {
            held.add(line);
        }
    }

    @Override
    public synchronized Queue<String> shutdown() {
        out = null;
        Queue<String> left = new ArrayDeque<>(held);
        held.clear();
        return left;
    }
}

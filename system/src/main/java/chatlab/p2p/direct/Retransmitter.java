package chatlab.p2p.direct;

import chatlab.p2p.transfer.PeerEndpoint;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a datagram again after a timeout, doubling, until whoever waits for its answer completes
 * the exchange, or a number of sends went unanswered: every exchange of direct messages and of
 * their relays (a message and its receipt, a deposit and its answer, an offer and its receipt
 * or done) is one of these.
 */
final class Retransmitter implements AutoCloseable {
    /** One datagram being sent until answered: {@code done} completes with the answer, or fails after the last send. */
    record Exchange<T>(CompletableFuture<T> done, AtomicInteger sends) {
        /** How many times the datagram went out so far. */
        int sent() {
            return sends.get();
        }
    }

    private final PeerEndpoint endpoint;
    private final Duration rto;
    private final int attempts;
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("direct-messages").daemon().factory());

    Retransmitter(PeerEndpoint endpoint, Duration rto, int attempts) {
        this.endpoint = endpoint;
        this.rto = rto;
        this.attempts = attempts;
    }

    /**
     * Starts sending {@code datagram} to {@code to}, handing the exchange to {@code register}
     * first, so that no answer can come before it is awaited. The caller completes the
     * exchange's future when the answer comes; after the last unanswered send it fails with
     * {@link DirectMessages.NotDelivered} saying {@code what} went unanswered.
     */
    <T> Exchange<T> start(byte[] datagram, InetSocketAddress to, String what, java.util.function.Consumer<Exchange<T>> register) {
        Exchange<T> exchange = new Exchange<>(new CompletableFuture<>(), new AtomicInteger());
        register.accept(exchange);
        send(exchange, datagram, to, what, rto);
        return exchange;
    }

    private void send(Exchange<?> exchange, byte[] datagram, InetSocketAddress to, String what, Duration wait) {
        if (exchange.done().isDone()) {
            return;
        }
        if (exchange.sent() >= attempts) {
            exchange.done().completeExceptionally(new DirectMessages.NotDelivered("no answer to " + what + " after "
                    + exchange.sent() + " sends"));
            return;
        }
        exchange.sends().incrementAndGet();
        endpoint.send(datagram, to);
        try {
            // the next send, which does nothing once the answer or close has completed the exchange
            timers.schedule(() -> send(exchange, datagram, to, what, wait.multipliedBy(2)), wait.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            exchange.done().completeExceptionally(new DirectMessages.NotDelivered("closed before an answer to " + what));
        }
    }

    /** Runs {@code task} every {@code period}, on the timers' thread. */
    void every(Duration period, Runnable task) {
        timers.scheduleWithFixedDelay(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}

package chatlab.client;

import chatlab.protocol.ChatException;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Frame;
import chatlab.protocol.FrameReader;
import chatlab.protocol.Frames;
import chatlab.protocol.MessageCodec;
import chatlab.protocol.ServerMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One TCP connection to a server: writes requests, matches responses to them by id, passes events on. */
final class Link {
    private static final Logger LOG = LoggerFactory.getLogger(Link.class);

    private final String target;
    private final Socket socket;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Requests sent and not answered yet, by id, with when each times out. */
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    /** Whether this link's timeout check is scheduled; at most one is at a time (see {@link #expire}). */
    private final AtomicBoolean timerArmed = new AtomicBoolean();
    private final AtomicLong ids;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<ServerMessage.Disconnect> farewell = new AtomicReference<>();
    private final Duration requestTimeout;
    private final Consumer<ServerMessage.Event> events;
    private final Consumer<ChatException> lost;
    /** When a frame was last written and read, for the heartbeat. */
    private volatile long lastSent = System.nanoTime();
    private volatile long lastReceived = System.nanoTime();
    /** Why this client closed the link itself, when it did (a connection that went silent). */
    private final AtomicReference<String> givenUp = new AtomicReference<>();
    private volatile java.util.concurrent.ScheduledFuture<?> heartbeat;
    private final AtomicBoolean pinging = new AtomicBoolean();
    private final AtomicLong bytesReceived = new AtomicLong();
    private volatile FrameReader frames;

    /** A request waiting for its answer, and the {@link System#nanoTime} at which it times out. */
    private record Pending(CompletableFuture<ServerMessage.Response> future, long deadline) {
    }

    private Link(String target, Socket socket, AtomicLong ids, Duration requestTimeout,
            Consumer<ServerMessage.Event> events, Consumer<ChatException> lost) throws IOException {
        this.target = target;
        this.socket = socket;
        // unbuffered: each request is one encoded frame, written whole and at once under the write lock
        this.out = socket.getOutputStream();
        this.ids = ids;
        this.requestTimeout = requestTimeout;
        this.events = events;
        this.lost = lost;
    }

    /**
     * Connects (for TLS, completing the handshake) and starts reading. Throws
     * {@link ErrorCode#SERVER_UNREACHABLE} if the server cannot be reached or speaks no TLS, and
     * {@link ErrorCode#UNTRUSTED_SERVER} if its certificate is not the one trusted.
     */
    static Link open(String host, int port, ClientOptions options, AtomicLong ids,
            Consumer<ServerMessage.Event> events, Consumer<ChatException> lost) {
        String target = host + ":" + port;
        Socket socket;
        try {
            socket = options.security().connect(host, port, options.connectTimeout());
        } catch (IOException | IllegalArgumentException e) {
            throw refused(target, options, e);
        }
        try {
            Link link = new Link(target, socket, ids, options.requestTimeout(), events, lost);
            Thread.ofVirtual().name("chatlab-client-reader-" + target).start(link::read);
            return link;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw refused(target, options, e);
        }
    }

    /** Why a connection could not be opened, in words that say what to do. */
    private static ChatException refused(String target, ClientOptions options, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof chatlab.tls.UntrustedServerException untrusted) {
                return new ChatException(ErrorCode.UNTRUSTED_SERVER, untrusted.getMessage(), e);
            }
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return new ChatException(ErrorCode.SERVER_UNREACHABLE, "the server at " + target + " did not complete a TLS "
                    + "handshake (" + e.getMessage() + "); if it runs with --plaintext, connect with --plaintext too", e);
        }
        return new ChatException(ErrorCode.SERVER_UNREACHABLE, "server unreachable at " + target + ": " + e.getMessage(), e);
    }

    String target() {
        return target;
    }

    /** Bytes read from the server so far. */
    long bytesReceived() {
        return bytesReceived.get();
    }

    /** Bytes of a frame that has begun to arrive and is not complete yet. */
    long partialFrameBytes() {
        FrameReader reader = frames;
        return reader == null ? 0 : reader.partialBytes();
    }

    /** Nanoseconds since the last frame from the server. */
    long nanosSinceLastFrame() {
        return System.nanoTime() - lastReceived;
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Sends a request built with a fresh id; the future completes with its response or fails. */
    CompletableFuture<ServerMessage.Response> request(LongFunction<ClientMessage> build) {
        long id = ids.incrementAndGet();
        CompletableFuture<ServerMessage.Response> future = new CompletableFuture<>();
        ClientMessage request;
        try {
            request = build.apply(id);
        } catch (ChatException e) {
            future.completeExceptionally(e);
            return future;
        } catch (IllegalArgumentException e) {
            future.completeExceptionally(new ChatException(ErrorCode.INVALID_ARGUMENT, e.getMessage(), e));
            return future;
        }
        if (closed.get()) {
            future.completeExceptionally(lostCause(null));
            return future;
        }
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        pending.put(id, new Pending(future, deadline));
        byte[] frame = Frames.encode(MessageCodec.instance().encode(request));
        writeLock.lock();
        try {
            out.write(frame);
            out.flush();
            lastSent = System.nanoTime();
        } catch (IOException e) {
            pending.remove(id);
            future.completeExceptionally(lostCause(e));
            close();
            return future;
        } finally {
            writeLock.unlock();
        }
        if (timerArmed.compareAndSet(false, true)) {
            schedule(deadline);
        }
        return future;
    }

    /*
     * Request timeouts. Every request of a link has the same timeout, so the oldest one waiting
     * is the next to expire, and one scheduled check per link is enough: it fails what is overdue
     * and schedules itself again for the oldest request still waiting. Under a steady load that is
     * one timer event per link per timeout, instead of a timer set and cancelled for every request
     * (which cost two thread wake-ups per request).
     */
    private void schedule(long deadline) {
        try {
            ClientTimer.INSTANCE.schedule(this::expire, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            timerArmed.set(false); // the process is shutting down; nothing will wait for the answer
        }
    }

    private void expire() {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (var entry : pending.entrySet()) {
            Pending waiting = entry.getValue();
            if (waiting.deadline() - now <= 0) {
                if (pending.remove(entry.getKey(), waiting)) {
                    waiting.future().completeExceptionally(new TimeoutException(
                            "no answer to request " + entry.getKey() + " within " + requestTimeout.toMillis() + " ms"));
                }
            } else if (next == Long.MAX_VALUE || waiting.deadline() - next < 0) {
                next = waiting.deadline();
            }
        }
        if (next != Long.MAX_VALUE && !closed.get()) {
            schedule(next); // still armed
            return;
        }
        timerArmed.set(false);
        // a request sent while this check ran found it armed, so did not arm it: arm again for it
        if (!pending.isEmpty() && !closed.get() && timerArmed.compareAndSet(false, true)) {
            schedule(now);
        }
    }

    private void read() {
        ChatException cause = null;
        try {
            FrameReader reader = new FrameReader(new java.io.FilterInputStream(socket.getInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        bytesReceived.addAndGet(n);
                    }
                    return n;
                }
            });
            frames = reader;
            Frame frame;
            while ((frame = reader.next()) != null) {
                lastReceived = System.nanoTime();
                if (frame instanceof Frame.Line line) {
                    dispatch(line.text());
                } else {
                    LOG.warn("{} sent an unreadable frame: {}", target, frame);
                }
            }
        } catch (IOException e) {
            cause = lostCause(e);
        } finally {
            ChatException reason = cause != null ? cause : lostCause(null);
            boolean wasOpen = closed.compareAndSet(false, true);
            java.util.concurrent.ScheduledFuture<?> beating = heartbeat;
            if (beating != null) {
                beating.cancel(false);
            }
            closeSocket();
            pending.values().forEach(p -> p.future().completeExceptionally(reason));
            pending.clear();
            if (wasOpen) {
                lost.accept(reason);
            }
        }
    }

    private void dispatch(String text) {
        ServerMessage message;
        try {
            message = MessageCodec.instance().decodeServer(text);
        } catch (ChatException e) {
            LOG.warn("{} sent a frame this client cannot read ({}): {}", target, e.getMessage(), text);
            return;
        }
        switch (message) {
            case ServerMessage.Response response -> {
                Pending waiting = pending.remove(response.id());
                if (waiting != null) {
                    waiting.future().complete(response);
                } else {
                    // an answer after its request timed out, as slow links and frozen servers give: expected
                    LOG.debug("{} answered a request this client no longer waits for: {}", target, response);
                }
            }
            case ServerMessage.Event event -> {
                if (event instanceof ServerMessage.Disconnect disconnect) {
                    farewell.set(disconnect);
                }
                events.accept(event);
            }
        }
    }

    /**
     * Pings the server whenever this client has sent nothing for {@code interval}, and gives the
     * connection up as dead once nothing has come back for three intervals: a server that was
     * killed, paused or cut off by a black hole is noticed without waiting for TCP.
     */
    void heartbeat(Duration interval) {
        if (interval.isZero() || closed.get()) {
            return;
        }
        long nanos = interval.toNanos();
        heartbeat = ClientTimer.INSTANCE.scheduleWithFixedDelay(() -> beat(nanos), nanos / 2, nanos / 2, TimeUnit.NANOSECONDS);
        if (closed.get()) {
            heartbeat.cancel(false);
        }
    }

    private void beat(long interval) {
        long now = System.nanoTime();
        if (now - lastReceived >= 3 * interval) {
            String why = "no frame from the server for " + TimeUnit.NANOSECONDS.toSeconds(now - lastReceived)
                    + " s: the connection looks dead";
            if (givenUp.compareAndSet(null, why)) {
                LOG.debug("{}: {}", target, why);
                closeSocket();
            }
        } else if (now - lastSent >= interval && pinging.compareAndSet(false, true)) {
            // one ping at a time, on a thread of its own: a write stuck behind a slow link must not hold the timer
            Thread.ofVirtual().name("chatlab-client-ping").start(() -> request(ClientMessage.Ping::new)
                    .whenComplete((ok, failed) -> pinging.set(false)));
        }
    }

    private ChatException lostCause(IOException e) {
        String why = givenUp.get();
        if (why != null) {
            return new ChatException(ErrorCode.CONNECTION_LOST, "connection to " + target + " given up: " + why, e);
        }
        ServerMessage.Disconnect said = farewell.get();
        if (said != null) {
            return new ChatException(ErrorCode.CONNECTION_LOST,
                    "connection to " + target + " closed by the server: " + said.reason(), e);
        }
        String detail = e == null || e.getMessage() == null ? "the server closed the connection" : e.getMessage();
        return new ChatException(ErrorCode.CONNECTION_LOST, "connection to " + target + " lost: " + detail, e);
    }

    /** Closes the connection; pending requests fail with {@link ErrorCode#CONNECTION_LOST}. */
    void close() {
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", target, e.getMessage());
        }
    }
}

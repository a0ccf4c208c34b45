package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Frame;
import chatlab.protocol.FrameReader;
import chatlab.protocol.Frames;
import chatlab.protocol.MessageCodec;
import chatlab.protocol.Protocol;
import chatlab.protocol.ServerMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: a reader that decodes and handles requests in order, and a writer that
 * drains a bounded queue of outgoing frames. A client that lets its queue overflow is
 * disconnected with a reason, so a slow reader never stalls anyone else.
 */
final class Connection implements Outbound {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int BACKLOG_PAGE = 256;

    /** What the writer has to do next. */
    private sealed interface Item {
        record Bytes(byte[] frame) implements Item {
        }

        record Backlog(String user, long upToSeq) implements Item {
        }

        record Close() implements Item {
        }
    }

    private final Socket socket;
    private final RequestHandler handler;
    private final MessagingService messaging;
    private final ServerHooks hooks;
    private final BlockingQueue<Item> queue;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final String address;
    private final RateLimiter limiter;
    private volatile boolean handshaken;
    private volatile boolean presence;
    private volatile boolean admitted;
    private final AtomicReference<Session> session = new AtomicReference<>();
    private volatile Thread writer;
    private volatile Thread reader;
    /** When bytes last came from the client ({@link System#nanoTime}), for the idle timeout. */
    private volatile long lastReceived;
    /** Whether the connection is past its handshake and reading frames: only then can it be idle. */
    private volatile boolean reading;
    private final AtomicBoolean timedOut = new AtomicBoolean();

    Connection(Socket socket, RequestHandler handler, MessagingService messaging, ServerHooks hooks, int queueSize,
            RateLimiter limiter) {
        this.socket = socket;
        this.limiter = limiter;
        this.handler = handler;
        this.messaging = messaging;
        this.hooks = hooks;
        this.queue = new LinkedBlockingQueue<>(queueSize);
        this.address = socket.getInetAddress().getHostAddress();
    }

    String address() {
        return address;
    }

    boolean handshaken() {
        return handshaken;
    }

    void handshake(boolean wantsPresence) {
        presence = wantsPresence;
        handshaken = true;
    }

    /** Whether the room password was given on this connection. */
    boolean admitted() {
        return admitted;
    }

    void admit() {
        admitted = true;
    }

    @Override
    public boolean wantsPresence() {
        return presence;
    }

    Session session() {
        return session.get();
    }

    /** Sets the logged-in session; if the connection ended meanwhile, ends the session too. */
    void session(Session value) {
        session.set(value);
        if (ended.get()) {
            endSession();
        }
    }

    /** Runs the connection on the calling thread until the client goes away. */
    void run() {
        reader = Thread.currentThread();
        try {
            hooks.handshake(socket);
        } catch (IOException e) {
            LOG.debug("TLS handshake with {} failed: {}", address, e.getMessage());
            end();
            close();
            return;
        }
        writer = Thread.ofVirtual().name("writer-" + address).start(this::write);
        lastReceived = System.nanoTime();
        reading = true;
        try {
            FrameReader reader = new FrameReader(new java.io.FilterInputStream(socket.getInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        lastReceived = System.nanoTime();
                    }
                    return n;
                }
            }, Protocol.MAX_FRAME_BYTES);
            Frame frame;
            while (!closing.get() && (frame = reader.next()) != null) {
                switch (frame) {
                    case Frame.Line line -> handle(line.text());
                    case Frame.Oversized big -> respond(new ServerMessage.Error(0, ErrorCode.FRAME_TOO_LARGE,
                            "frame of " + big.bytes() + " bytes exceeds the limit of " + Protocol.MAX_FRAME_BYTES
                                    + " bytes; it was discarded", null, null));
                    case Frame.InvalidUtf8 bad -> respond(new ServerMessage.Error(0, ErrorCode.INVALID_UTF8,
                            "frame of " + bad.bytes() + " bytes is not valid UTF-8; it was discarded", null, null));
                }
            }
        } catch (IOException e) {
            LOG.debug("connection from {} failed: {}", address, e.getMessage());
        } finally {
            end();
            if (!closing.get()) {
                close(); // otherwise the writer closes once it has sent what is queued
            }
        }
    }

    private void handle(String text) {
        ClientMessage request;
        try {
            request = MessageCodec.instance().decodeClient(text);
        } catch (MessageCodec.DecodeException e) {
            respond(new ServerMessage.Error(e.requestId(), e.code(), e.getMessage(), null, null));
            return;
        }
        LOG.debug("{} <- {}", address, request);
        // acks and heartbeats are never limited: refusing them would only cause redeliveries and dead-looking links
        if (limiter != null && !(request instanceof ClientMessage.Ack) && !(request instanceof ClientMessage.Ping)
                && !limiter.tryAcquire()) {
            respond(new ServerMessage.Error(request.id(), ErrorCode.RATE_LIMITED,
                    "Too many requests: slow down and retry in a moment", null, 1L));
            return;
        }
        ServerMessage.Response response;
        try {
            response = handler.handle(this, request);
        } catch (ChatException e) {
            response = ServerMessage.Error.of(request.id(), e);
        } catch (RuntimeException e) {
            LOG.error("request {} from {} failed", request.getClass().getSimpleName(), address, e);
            response = new ServerMessage.Error(request.id(), ErrorCode.INTERNAL,
                    "internal server error; the request was not carried out", null, null);
        }
        if (response != null) {
            respond(response);
        }
    }

    /**
     * Queues the answer to this client's own request, waiting for room: a client that sends
     * requests faster than it reads answers is slowed down (TCP backpressure), not cut off.
     */
    void respond(ServerMessage.Response response) {
        Item item = new Item.Bytes(Frames.encode(MessageCodec.instance().encode(response)));
        try {
            while (!closing.get()) {
                if (queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the logged-in session, if any: the user leaves presence and live delivery. */
    void endSession() {
        Session current = session.getAndSet(null);
        if (current != null) {
            messaging.detach(current);
            hooks.sessionEnded(current);
        }
    }

    @Override
    public void end(ErrorCode code, String reason) {
        endSession();
        disconnect(code, reason);
    }

    /**
     * Whether nothing has come from the client for {@code idle} by {@code now}. The server's timer
     * asks every connection this now and then (see {@link ChatServer}), rather than each read
     * waiting with a timeout: a timed read sets and cancels a timer for every frame, which cost
     * the server two thread wake-ups per request under load.
     */
    boolean idleFor(java.time.Duration idle, long now) {
        return reading && !timedOut.get() && !closing.get() && now - lastReceived >= idle.toNanos();
    }

    /** Ends the session of a client that sent nothing for {@code idle}, and tells it why. Once only. */
    void timeOut(java.time.Duration idle) {
        if (!timedOut.compareAndSet(false, true)) {
            return;
        }
        LOG.info("closing {} ({}): nothing received for {} ms", address, userName(), idle.toMillis());
        end();
        disconnect(ErrorCode.IDLE_TIMEOUT, "Your connection was closed: nothing was received from your client for "
                + idle.toSeconds() + " s, so it looked dead. Clients send a ping when idle.");
    }

    /** Queues a frame without waiting; a full queue means the client is too slow, and it is cut off. */
    @Override
    public boolean push(ServerMessage message) {
        if (closing.get()) {
            return false;
        }
        return offer(new Item.Bytes(Frames.encode(MessageCodec.instance().encode(message))));
    }

    @Override
    public void pushBacklog(String user, long upToSeq) {
        if (!closing.get()) {
            offer(new Item.Backlog(user, upToSeq));
        }
    }

    private boolean offer(Item item) {
        if (queue.offer(item)) {
            return true;
        }
        LOG.warn("disconnecting {} ({}): its outbound queue overflowed", address, userName());
        disconnect(ErrorCode.QUEUE_OVERFLOW,
                "Your connection was closed: the server had more frames for you than your client was reading");
        return false;
    }

    /** Tells the client why, then closes the connection once the writer has sent that. */
    void disconnect(ErrorCode code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        byte[] goodbye = Frames.encode(MessageCodec.instance().encode(new ServerMessage.Disconnect(code, reason)));
        queue.offer(new Item.Bytes(goodbye));
        queue.offer(new Item.Close());
        hooks.closeLater(this);
    }

    /** Closes the connection after any frames already queued, as after a refused handshake. */
    void closeAfterQueued() {
        if (closing.compareAndSet(false, true)) {
            if (!queue.offer(new Item.Close())) {
                close();
            }
            hooks.closeLater(this);
        }
    }

    private void write() {
        try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024)) {
            while (true) {
                Item item = queue.take();
                switch (item) {
                    case Item.Bytes bytes -> out.write(bytes.frame());
                    case Item.Backlog backlog -> writeBacklog(out, backlog);
                    case Item.Close close -> {
                        out.flush();
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            LOG.debug("writing to {} failed: {}", address, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private void writeBacklog(OutputStream out, Item.Backlog backlog) throws IOException {
        long after = 0;
        while (true) {
            List<ServerMessage.Chat> page = messaging.backlog(backlog.user(), after, backlog.upToSeq(), BACKLOG_PAGE);
            for (ServerMessage.Chat chat : page) {
                out.write(Frames.encode(MessageCodec.instance().encode(chat)));
            }
            if (page.size() < BACKLOG_PAGE) {
                return;
            }
            after = page.getLast().seq();
        }
    }

    /** Waits up to {@code millis} for the writer to finish what is queued. */
    boolean awaitWriter(long millis) throws InterruptedException {
        return awaitThread(writer, millis);
    }

    /** Waits up to {@code millis} for the reader to finish, including the session's cleanup. */
    boolean awaitReader(long millis) throws InterruptedException {
        return awaitThread(reader, millis);
    }

    private static boolean awaitThread(Thread thread, long millis) throws InterruptedException {
        return thread == null || thread.join(java.time.Duration.ofMillis(Math.max(1, millis)));
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            try {
                endSession();
            } catch (RuntimeException e) {
                LOG.warn("ending the session of {} failed: {}", address, e.getMessage());
            } finally {
                hooks.connectionEnded(this);
            }
        }
    }

    /** Closes the socket at once; the reader and writer then stop. */
    void close() {
        closing.set(true);
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", address, e.getMessage());
        }
    }

    private String userName() {
        Session current = session.get();
        return current == null ? "not logged in" : current.user();
    }
}

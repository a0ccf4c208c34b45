package chatlab.p2p.direct;

import chatlab.e2e.IdentityKeys;
import chatlab.e2e.KeyBook;
import chatlab.e2e.Sealing;
import chatlab.p2p.transfer.PeerEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages between two users' clients over UDP, sealed end to end: the server only says
 * where the recipient listens and which key is theirs. A message is sent again after
 * {@code rto}, doubling, until the recipient's receipt comes back or {@code attempts} sends
 * went unanswered; the receipt is sealed by the recipient, so it proves the message was opened.
 * The recipient answers every copy and passes each message on once.
 */
public final class DirectMessages implements PeerEndpoint.Handler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectMessages.class);
    /** Messages remembered per recipient client to drop copies: the newest ones. */
    static final int REMEMBERED = 4096;

    /** Where a user's client listens, and the identity key they published. */
    public record Peer(String user, InetSocketAddress address, byte[] key) {
    }

    /** The server's directory, as the client asks it. */
    public interface Directory {
        /** Where to send {@code user} a message; throws (a {@code ChatException}) if they cannot take one. */
        Peer peer(String user);

        /** The key {@code user} published; throws if none. */
        byte[] key(String user);
    }

    /** What the client's user is told. */
    public interface Listener {
        void onDirectMessage(String from, String text);

        /** A user's identity key is not the one seen before: warn. */
        default void onKeyChanged(String user, KeyBook.Seen.Changed change) {
        }
    }

    /** How a send went: the receipt came after {@code sends} datagrams. */
    public record Delivered(String to, long messageId, int sends) {
    }

    /** A message that no receipt answered. */
    public static final class NotDelivered extends RuntimeException {
        NotDelivered(String message) {
            super(message);
        }
    }

    /** The retransmission schedule: the first wait, and how many sends in all. */
    public record Settings(Duration rto, int attempts) {
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(250), 5);

        public Settings {
            if (rto.isNegative() || rto.isZero() || attempts < 1) {
                throw new IllegalArgumentException("the retransmission timeout must be positive and attempts at least 1");
            }
        }
    }

    private record Pending(Peer peer, long messageId, byte[] datagram, CompletableFuture<Delivered> done,
            AtomicInteger sends) {
    }

    private final String self;
    private final IdentityKeys identity;
    private final KeyBook book;
    private final PeerEndpoint endpoint;
    private final Directory directory;
    private final Listener listener;
    private final Settings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("direct-messages").daemon().factory());

    public DirectMessages(String self, IdentityKeys identity, KeyBook book, PeerEndpoint endpoint, Directory directory,
            Listener listener, Settings settings) {
        this.self = self;
        this.identity = identity;
        this.book = book;
        this.endpoint = endpoint;
        this.directory = directory;
        this.listener = listener;
        this.settings = settings;
        endpoint.directMessages(this);
    }

    /**
     * Seals {@code text} for {@code to} and sends it to their client; completes with
     * {@link Delivered} on the receipt, or fails with {@link NotDelivered}. Throws at once what
     * the directory throws (the user is offline, blocks the sender, has no key).
     */
    public CompletableFuture<Delivered> send(String to, String text) {
        Peer peer = directory.peer(to);
        checkKey(to, peer.key());
        long messageId = random.nextLong();
        byte[] header = DirectDatagram.header(DirectDatagram.Kind.MESSAGE, messageId, self, to);
        Sealing.Sealed sealed = Sealing.seal(text.getBytes(StandardCharsets.UTF_8), header, peer.key(), identity);
        byte[] datagram = new DirectDatagram(DirectDatagram.Kind.MESSAGE, messageId, self, to, sealed.enc(),
                sealed.ciphertext()).encode();
        Pending p = new Pending(peer, messageId, datagram, new CompletableFuture<>(), new AtomicInteger());
        pending.put(messageId, p);
        p.done().whenComplete((r, e) -> pending.remove(messageId));
        transmit(p, settings.rto());
        return p.done();
    }

    private void transmit(Pending p, Duration wait) {
        if (p.done().isDone()) {
            return;
        }
        if (p.sends().get() >= settings.attempts()) {
            p.done().completeExceptionally(new NotDelivered("no receipt from " + p.peer().user() + " after "
                    + p.sends().get() + " sends: the message may not have arrived"));
            return;
        }
        p.sends().incrementAndGet();
        endpoint.send(p.datagram(), p.peer().address());
        // the next send, which does nothing once a receipt or close has completed the message
        timers.schedule(() -> transmit(p, wait.multipliedBy(2)), wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void checkKey(String user, byte[] key) {
        try {
            if (book.see(user, key) instanceof KeyBook.Seen.Changed changed) {
                listener.onKeyChanged(user, changed);
            }
        } catch (IOException e) {
            LOG.warn("could not record {}'s key: {}", user, e.getMessage());
        }
    }

    @Override
    public void datagram(ByteBuffer buffer, InetSocketAddress from) {
        DirectDatagram datagram;
        try {
            datagram = DirectDatagram.decode(buffer);
        } catch (DirectDatagram.MalformedException e) {
            LOG.debug("dropped a datagram from {}: {}", from, e.getMessage());
            return;
        }
        if (!datagram.to().equals(self)) {
            LOG.debug("dropped {} from {}: not for {}", datagram, from, self);
            return;
        }
        // opening may ask the server for the sender's key: not on the thread that reads the socket
        Thread.ofVirtual().name("direct-message").start(() -> handle(datagram, from));
    }

    private void handle(DirectDatagram datagram, InetSocketAddress from) {
        switch (datagram.kind()) {
            case MESSAGE -> received(datagram, from);
            case RECEIPT -> receipt(datagram);
        }
    }

    private void received(DirectDatagram datagram, InetSocketAddress from) {
        Opened opened;
        try {
            opened = open(datagram);
        } catch (RuntimeException | Sealing.OpenException e) {
            LOG.debug("dropped {} from {}: {}", datagram, from, e.getMessage());
            return;
        }
        boolean first;
        synchronized (seen) {
            first = seen.put(datagram.from() + "#" + datagram.messageId(), Boolean.TRUE) == null;
        }
        if (first) {
            try {
                listener.onDirectMessage(datagram.from(), new String(opened.text(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.warn("the direct-message listener failed", e);
            }
        }
        byte[] header = DirectDatagram.header(DirectDatagram.Kind.RECEIPT, datagram.messageId(), self, datagram.from());
        Sealing.Sealed sealed = Sealing.seal(new byte[0], header, opened.senderKey(), identity);
        endpoint.send(new DirectDatagram(DirectDatagram.Kind.RECEIPT, datagram.messageId(), self, datagram.from(),
                sealed.enc(), sealed.ciphertext()).encode(), from);
    }

    /** A message's text, and the sender's key that opened it. */
    private record Opened(byte[] text, byte[] senderKey) {
    }

    /** Opens a message with the key last seen for its sender, or with the directory's if that one fails. */
    private Opened open(DirectDatagram datagram) throws Sealing.OpenException {
        Sealing.Sealed sealed = new Sealing.Sealed(datagram.enc(), datagram.sealed());
        byte[] known = book.known(datagram.from()).orElse(null);
        if (known != null) {
            try {
                return new Opened(Sealing.open(sealed, datagram.header(), identity, known), known);
            } catch (Sealing.OpenException e) {
                // perhaps a new key: ask the directory below
            }
        }
        byte[] published = directory.key(datagram.from());
        if (known != null && Arrays.equals(known, published)) {
            throw new Sealing.OpenException("it does not open with " + datagram.from() + "'s key", null);
        }
        Opened opened = new Opened(Sealing.open(sealed, datagram.header(), identity, published), published);
        checkKey(datagram.from(), published); // only a key that opened a message is recorded
        return opened;
    }

    private void receipt(DirectDatagram datagram) {
        Pending p = pending.get(datagram.messageId());
        if (p == null || !p.peer().user().equals(datagram.from())) {
            return; // late, a copy, or not from the recipient
        }
        try {
            Sealing.open(new Sealing.Sealed(datagram.enc(), datagram.sealed()), datagram.header(), identity,
                    p.peer().key());
        } catch (Sealing.OpenException e) {
            LOG.debug("dropped a receipt for #{} that did not open", datagram.messageId());
            return;
        }
        p.done().complete(new Delivered(p.peer().user(), p.messageId(), p.sends().get()));
    }

    @Override
    public void close() {
        endpoint.directMessages(null);
        timers.shutdownNow();
        pending.values().forEach(p -> p.done().completeExceptionally(new NotDelivered("closed before a receipt came")));
    }
}

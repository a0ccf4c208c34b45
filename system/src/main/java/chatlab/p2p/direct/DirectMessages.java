package chatlab.p2p.direct;

import chatlab.e2e.IdentityKeys;
import chatlab.e2e.KeyBook;
import chatlab.e2e.Sealing;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.store.RelayStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages between users' clients over UDP, sealed end to end: the server only says who
 * is online, where their clients listen and which key is theirs. A message goes straight to its
 * recipient, sent again after {@code rto}, doubling, until the recipient's sealed receipt comes
 * back. When the recipient is offline, or does not answer, the message, still sealed for the
 * recipient, is handed to up to {@code relays} other online users' clients, which hold it (see
 * {@link Relay}) and pass it on when the recipient comes online; the recipient's receipt comes
 * back to the sender the same way. The recipient shows each message once, however many copies
 * come, and remembers it across restarts ({@link RelayStore}).
 */
public final class DirectMessages implements PeerEndpoint.Handler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectMessages.class);

    /** Where a user's client listens, and the identity key they published. */
    public record Peer(String user, InetSocketAddress address, byte[] key) {
    }

    /** A user online, and where their client listens. */
    public record Online(String user, InetSocketAddress address) {
    }

    /** The server's directory, as the client asks it. */
    public interface Directory {
        /**
         * Where to send {@code user} a message; empty when they are offline. Throws a
         * {@link ChatException} when they cannot take one (they block the sender, have no key).
         */
        Optional<Peer> peer(String user);

        /** The key {@code user} published; throws a {@link ChatException} if none. */
        byte[] key(String user);

        /** The users online whose clients listen for datagrams. */
        List<Online> online();
    }

    /** What the client's user is told. */
    public interface Listener {
        void onDirectMessage(String from, String text);

        /** A user's identity key is not the one seen before: warn. */
        default void onKeyChanged(String user, KeyBook.Seen.Changed change) {
        }

        /** A message that relays held reached its recipient. */
        default void onDeliveredLater(String to, long messageId) {
        }

        /**
         * A message that relays held expired before its recipient came, as far as this client
         * can tell: no receipt came for it while this client was online for {@link
         * Settings#receiptWait()} after the hold. A receipt with a relay that was away then can
         * still come, and is told by {@link #onDeliveredLater}.
         */
        default void onExpired(String to, long messageId) {
        }

        /** The warning for {@link #onKeyChanged}, in the clients' words. */
        static String keyChangedWarning(String user, KeyBook.Seen.Changed change) {
            return "Warning: " + user + "'s identity key has changed (was " + change.before() + ", now " + change.now()
                    + "). A new device, or someone in between: compare fingerprints with " + user + " before trusting it.";
        }

        /** The notice for {@link #onDeliveredLater}. */
        static String deliveredLaterNotice(String to) {
            return "Your direct message to " + to + " was delivered through a relay.";
        }

        /** The notice for {@link #onExpired}. */
        static String expiredNotice(String to) {
            return "Your direct message to " + to + " expired undelivered: " + to
                    + " did not come online while relays held it (if they did, and their receipt is with a relay "
                    + "that is away, you will be told when it comes).";
        }
    }

    /** How a send went. */
    public sealed interface Outcome {
        String to();

        long messageId();

        /** The outcome in a sentence for the sender, as the clients show it. */
        String describe();
    }

    private static final java.time.format.DateTimeFormatter UNTIL = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm:ss", java.util.Locale.ENGLISH).withZone(java.time.ZoneId.systemDefault());

    private static String listed(Map<String, String> reasons) {
        return String.join("; ", reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    /** The recipient's receipt came back after {@code sends} datagrams. */
    public record Delivered(String to, long messageId, int sends) implements Outcome {
        @Override
        public String describe() {
            return "Delivered to " + to + " directly.";
        }
    }

    /** Held by {@code relays} until {@code until} at the latest; {@code refusals} says why others did not take it. */
    public record Held(String to, long messageId, List<String> relays, Instant until, Map<String, String> refusals)
            implements Outcome {
        @Override
        public String describe() {
            return to + " is offline or not answering: held for " + to + " by " + relays.size()
                    + (relays.size() == 1 ? " relay" : " relays") + " until " + UNTIL.format(until) + "."
                    + (refusals.isEmpty() ? "" : " Not held by " + listed(refusals) + ".");
        }
    }

    /** Neither delivered nor held: the recipient was offline or silent, and no relay took it, for {@code reasons}. */
    public record NotHeld(String to, long messageId, Map<String, String> reasons) implements Outcome {
        @Override
        public String describe() {
            return "Not sent to " + to + ": no relay would hold it (" + listed(reasons) + ").";
        }
    }

    /**
     * No relay held it, so it went through the server's own offline delivery instead (the
     * fallback {@link Fallback#SERVER}); {@code messageId} is the server's.
     */
    public record ViaServer(String to, long messageId, Map<String, String> reasons) implements Outcome {
        @Override
        public String describe() {
            return "No relay would hold it (" + listed(reasons) + "), so the server holds it for " + to
                    + " instead, as a private message it can read.";
        }
    }

    /** A message that no receipt answered. */
    public static final class NotDelivered extends RuntimeException {
        NotDelivered(String message) {
            super(message);
        }
    }

    /** What to do when no relay holds a message. */
    public enum Fallback {
        /** Tell the sender; nothing is sent. */
        NONE,
        /** Send it through the server's own offline delivery instead, which can read it. */
        SERVER
    }

    /**
     * The retransmission schedule (the first wait, and how many sends in all), the number of relays
     * a message for an offline user is handed to and how long they are asked to hold it, what this
     * client holds for others, what to do when no relay takes a message, and how often held
     * messages are checked for expiry.
     */
    public record Settings(Duration rto, int attempts, int relays, Duration hold, RelayStore.Limits limits,
            Fallback fallback, Duration sweep) {
        /** The most relays one message is handed to. */
        public static final int MOST_RELAYS = 16;
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(250), 5, 3, Duration.ofDays(1),
                RelayStore.Limits.DEFAULT, Fallback.NONE, Duration.ofSeconds(1));

        public Settings {
            if (rto.isNegative() || rto.isZero() || attempts < 1) {
                throw new IllegalArgumentException("the retransmission timeout must be positive and attempts at least 1");
            }
            if (relays < 0 || relays > MOST_RELAYS) {
                throw new IllegalArgumentException("a message is handed to 0 to " + MOST_RELAYS + " relays, not " + relays);
            }
            if (hold.isNegative() || hold.isZero() || sweep.isNegative() || sweep.isZero()) {
                throw new IllegalArgumentException("the hold asked of relays and the expiry sweep must be positive");
            }
        }

        /** The retransmission schedule {@code rto} and {@code attempts}, the rest as by default. */
        public Settings(Duration rto, int attempts) {
            this(rto, attempts, DEFAULT.relays, DEFAULT.hold, DEFAULT.limits, DEFAULT.fallback, DEFAULT.sweep);
        }

        public Settings withRelays(int value) {
            return new Settings(rto, attempts, value, hold, limits, fallback, sweep);
        }

        public Settings withHold(Duration value) {
            return new Settings(rto, attempts, relays, value, limits, fallback, sweep);
        }

        public Settings withLimits(RelayStore.Limits value) {
            return new Settings(rto, attempts, relays, hold, value, fallback, sweep);
        }

        public Settings withFallback(Fallback value) {
            return new Settings(rto, attempts, relays, hold, limits, value, sweep);
        }

        public Settings withSweep(Duration value) {
            return new Settings(rto, attempts, relays, hold, limits, fallback, value);
        }

        /**
         * How long this client waits, online, before telling that a held message expired: the
         * first five sends of a relay's offer of the receipt (rto, doubling), so that a receipt
         * held for this client while it was away comes first.
         */
        public Duration receiptWait() {
            return rto.multipliedBy((1L << Math.min(attempts, 5)) - 1);
        }
    }

    /** A direct send waiting for its receipt, sealed by the recipient whose key is {@code key}. */
    private record Pending(String to, byte[] key, Retransmitter.Exchange<Integer> exchange) {
    }

    /** A deposit waiting for the relay's answer. */
    private record Deposit(String relay, long messageId) {
    }

    private record DepositWait(byte[] relayKey, Retransmitter.Exchange<ByteBuffer> exchange) {
    }

    private final String self;
    private final IdentityKeys identity;
    private final KeyBook book;
    private final PeerEndpoint endpoint;
    private final Directory directory;
    private final Listener listener;
    private final Settings settings;
    private final RelayStore store;
    private final RandomGenerator random;
    private final Retransmitter retransmitter;
    private final Relay relay;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Deposit, DepositWait> deposits = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** When this client last came online (was made, or announced itself). */
    private volatile long onlineSince = System.currentTimeMillis();

    /**
     * Direct messages for {@code self}, its relay store {@code store} (closed with this);
     * {@code random} chooses message ids and relays.
     */
    public DirectMessages(String self, IdentityKeys identity, KeyBook book, PeerEndpoint endpoint, Directory directory,
            Listener listener, Settings settings, RelayStore store, RandomGenerator random) {
        this.self = self;
        this.identity = identity;
        this.book = book;
        this.endpoint = endpoint;
        this.directory = directory;
        this.listener = listener;
        this.settings = settings;
        this.store = store;
        this.random = random;
        this.retransmitter = new Retransmitter(endpoint, settings.rto(), settings.attempts());
        this.relay = new Relay(self, identity, endpoint, directory, store, retransmitter);
        endpoint.directMessages(this);
        retransmitter.every(settings.sweep(), this::sweep);
    }

    public DirectMessages(String self, IdentityKeys identity, KeyBook book, PeerEndpoint endpoint, Directory directory,
            Listener listener, Settings settings, RelayStore store) {
        this(self, identity, book, endpoint, directory, listener, settings, store, new SecureRandom());
    }

    /**
     * Just logged in: asks every online user's client for what it holds for this user (messages,
     * and receipts for this user's own messages), and passes on what this client holds for anyone
     * online. The asks are not answered as such: what is held simply comes.
     */
    public void announce() {
        onlineSince = System.currentTimeMillis();
        List<Online> online = directory.online();
        for (int round = 0; round < 2; round++) { // twice: a lost ask costs a relay's offer until the next login
            for (Online o : online) {
                if (!o.user().equals(self)) {
                    endpoint.send(DirectDatagram.bare(DirectDatagram.Kind.FETCH, 0, self, o.user()).encode(), o.address());
                }
            }
        }
        relay.offerToEveryoneOnline();
    }

    /** The server says {@code user} came online: pass on what this client holds for them. */
    public void userOnline(String user) {
        background(() -> relay.offer(user), "passing on what is held for " + user);
    }

    /** Runs {@code work} on a virtual thread of its own; what fails once this is closed is expected and not told. */
    private void background(Runnable work, String what) {
        Thread.ofVirtual().name("direct-message").start(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.debug("{} failed: {}", what, e.toString());
                }
            }
        });
    }

    /**
     * Seals {@code text} for {@code to} and sends it to their client, or, when they are offline
     * or do not answer, hands it to relays. Fails at once with what the directory says when the
     * message cannot go at all (the user blocks the sender, has no key).
     */
    public CompletableFuture<Outcome> send(String to, String text) {
        if (to.equals(self)) {
            return CompletableFuture.failedFuture(new ChatException(ErrorCode.INVALID_ARGUMENT,
                    "a direct message goes to someone else"));
        }
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread.ofVirtual().name("direct-send").start(() -> {
            try {
                outcome.complete(deliver(to, text));
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e);
            }
        });
        return outcome;
    }

    private Outcome deliver(String to, String text) {
        Optional<Peer> peer = directory.peer(to);
        byte[] key = peer.map(Peer::key).orElseGet(() -> directory.key(to));
        checkKey(to, key);
        long messageId = random.nextLong();
        byte[] message = DirectDatagram.seal(DirectDatagram.Kind.MESSAGE, messageId, self, to,
                text.getBytes(StandardCharsets.UTF_8), key, identity).encode();
        String silence = to + " is offline";
        if (peer.isPresent()) {
            Retransmitter.Exchange<Integer> exchange = retransmitter.start(message, peer.get().address(),
                    "the message to " + to, e -> pending.put(messageId, new Pending(to, key, e)));
            try {
                exchange.done().join();
                return new Delivered(to, messageId, exchange.sent());
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof NotDelivered notDelivered)) {
                    throw e;
                }
                silence = notDelivered.getMessage();
            } finally {
                pending.remove(messageId);
            }
        }
        return handOver(to, messageId, message, silence);
    }

    /** Hands the message to up to {@code relays} online users' clients, a few candidates at a time. */
    private Outcome handOver(String to, long messageId, byte[] message, String why) {
        Map<String, String> refusals = new LinkedHashMap<>();
        if (settings.relays() == 0) {
            refusals.put(to, why + "; no relays are asked (relays 0)");
            return new NotHeld(to, messageId, refusals);
        }
        List<Online> candidates = new ArrayList<>(directory.online().stream()
                .filter(o -> !o.user().equals(self) && !o.user().equals(to)).toList());
        Collections.shuffle(candidates, random);
        List<String> held = new ArrayList<>();
        long longest = 0;
        int tried = 0;
        while (held.size() < settings.relays() && tried < candidates.size() && tried < 4 * settings.relays()) {
            List<Online> batch = candidates.subList(tried, Math.min(candidates.size(), tried + settings.relays() - held.size()));
            tried += batch.size();
            List<CompletableFuture<Long>> answers = batch.stream().map(c -> deposit(c, messageId, message)).toList();
            for (int i = 0; i < batch.size(); i++) {
                try {
                    longest = Math.max(longest, answers.get(i).join());
                    held.add(batch.get(i).user());
                } catch (CompletionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    refusals.put(batch.get(i).user(), cause.getMessage());
                }
            }
        }
        if (held.isEmpty()) {
            refusals.put(to, why);
            if (candidates.isEmpty()) {
                refusals.put("relays", "no other user is online to hold it");
            }
            return new NotHeld(to, messageId, refusals);
        }
        long until = System.currentTimeMillis() + longest;
        store.handedOver(messageId, to, held.size(), until);
        return new Held(to, messageId, List.copyOf(held), Instant.ofEpochMilli(until), refusals);
    }

    /** Asks {@code candidate} to hold the message; completes with the milliseconds it holds it, or fails with why not. */
    private CompletableFuture<Long> deposit(Online candidate, long messageId, byte[] message) {
        Peer peer;
        try {
            Optional<Peer> found = directory.peer(candidate.user());
            if (found.isEmpty()) {
                return CompletableFuture.failedFuture(new NotDelivered("went offline"));
            }
            peer = found.get();
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
        byte[] datagram = DirectDatagram.seal(DirectDatagram.Kind.DEPOSIT, messageId, self, peer.user(),
                Relay.depositBody(settings.hold(), message), peer.key(), identity).encode();
        Deposit key = new Deposit(peer.user(), messageId);
        Retransmitter.Exchange<ByteBuffer> exchange = retransmitter.start(datagram, peer.address(),
                "the deposit with " + peer.user(), e -> deposits.put(key, new DepositWait(peer.key(), e)));
        return exchange.done().whenComplete((a, e) -> deposits.remove(key)).thenApply(answer -> {
            if (answer.get() == Relay.HELD) {
                return answer.getLong();
            }
            String[] why = StandardCharsets.UTF_8.decode(answer).toString().split("\n", 2);
            throw new NotDelivered(why[0] + (why.length > 1 ? ": " + why[1] : ""));
        });
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
        // a receipt for someone else is for this client as their relay, and a done names the recipient
        boolean forRelay = datagram.kind() == DirectDatagram.Kind.DONE
                || datagram.kind() == DirectDatagram.Kind.RECEIPT && !datagram.to().equals(self);
        if (!forRelay && !datagram.to().equals(self)) {
            LOG.debug("dropped {} from {}: not for {}", datagram, from, self);
            return;
        }
        if (closed) {
            return;
        }
        // opening may ask the server for a key, and the store writes: not on the thread that reads the socket
        background(() -> handle(datagram, from), "handling " + datagram + " from " + from);
    }

    private void handle(DirectDatagram datagram, InetSocketAddress from) {
        switch (datagram.kind()) {
            case MESSAGE -> received(datagram, from);
            case RECEIPT -> {
                if (datagram.to().equals(self)) {
                    receipt(datagram, from);
                } else {
                    relay.receipt(datagram, from);
                }
            }
            case DEPOSIT -> relay.deposit(datagram, from);
            case ANSWER -> answer(datagram);
            case FETCH -> relay.offer(datagram.from());
            case DONE -> relay.done(datagram);
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
        if (store.firstShowing(datagram.from(), datagram.messageId(), System.currentTimeMillis())) {
            try {
                listener.onDirectMessage(datagram.from(), new String(opened.text(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.warn("the direct-message listener failed", e);
            }
        }
        // every copy is answered, to whoever brought it: the sender, or a relay that lets its copy go
        endpoint.send(DirectDatagram.seal(DirectDatagram.Kind.RECEIPT, datagram.messageId(), self, datagram.from(),
                new byte[0], opened.senderKey(), identity).encode(), from);
    }

    /** A message's text, and the sender's key that opened it. */
    private record Opened(byte[] text, byte[] senderKey) {
    }

    /**
     * Opens a message (or a receipt) with the key last seen for its sender, or with the
     * directory's if that one fails, recording and warning of a key that changed.
     */
    private Opened open(DirectDatagram datagram) throws Sealing.OpenException {
        byte[] known = book.known(datagram.from()).orElse(null);
        if (known != null) {
            try {
                return new Opened(datagram.open(identity, known), known);
            } catch (Sealing.OpenException e) {
                // perhaps a new key: ask the directory below
            }
        }
        byte[] published = directory.key(datagram.from());
        if (known != null && Arrays.equals(known, published)) {
            throw new Sealing.OpenException("it does not open with " + datagram.from() + "'s key", null);
        }
        Opened opened = new Opened(datagram.open(identity, published), published);
        checkKey(datagram.from(), published); // only a key that opened a message is recorded
        return opened;
    }

    /** A receipt for this client's own message: straight from its recipient, or passed on by a relay. */
    private void receipt(DirectDatagram datagram, InetSocketAddress from) {
        Pending p = pending.get(datagram.messageId());
        if (p != null && p.to().equals(datagram.from())) {
            try {
                datagram.open(identity, p.key());
                p.exchange().done().complete(p.exchange().sent());
            } catch (Sealing.OpenException e) {
                LOG.debug("dropped a receipt for #{} that did not open", datagram.messageId());
            }
            return;
        }
        Optional<RelayStore.Outbound> relayed = store.outbound(datagram.messageId());
        if (relayed.isEmpty() || !relayed.get().recipient().equals(datagram.from())) {
            return; // late, a copy, or not from the recipient
        }
        try {
            open(datagram); // with the recipient's key as last seen, or as published now (a new device)
        } catch (Sealing.OpenException e) {
            LOG.debug("dropped a relayed receipt for #{} that did not open", datagram.messageId());
            return;
        }
        if (store.deliveredLater(datagram.messageId())) {
            listener.onDeliveredLater(datagram.from(), datagram.messageId());
        }
        endpoint.send(DirectDatagram.bare(DirectDatagram.Kind.DONE, datagram.messageId(), self, datagram.from()).encode(),
                from);
    }

    private void answer(DirectDatagram datagram) {
        DepositWait wait = deposits.get(new Deposit(datagram.from(), datagram.messageId()));
        if (wait == null) {
            return;
        }
        try {
            wait.exchange().done().complete(ByteBuffer.wrap(datagram.open(identity, wait.relayKey())));
        } catch (Sealing.OpenException e) {
            LOG.debug("dropped an answer from {} that did not open", datagram.from());
        }
    }

    /**
     * Lets go of what this client held past its time, and tells of its own messages that expired
     * unseen, once it has been online long enough for receipts held for it to have come.
     */
    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            store.expire(now);
            if (now - onlineSince < settings.receiptWait().toMillis()) {
                return;
            }
            for (RelayStore.Outbound expired : store.expireOutbound(now)) {
                listener.onExpired(expired.recipient(), expired.messageId());
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("could not sweep the direct-message store: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        endpoint.directMessages(null);
        retransmitter.close();
        pending.values().forEach(p -> p.exchange().done().completeExceptionally(
                new NotDelivered("closed before a receipt came")));
        deposits.values().forEach(d -> d.exchange().done().completeExceptionally(
                new NotDelivered("closed before an answer came")));
        store.close();
    }
}

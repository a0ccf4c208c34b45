package chatlab.p2p.direct;

import chatlab.e2e.IdentityKeys;
import chatlab.e2e.Sealing;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.protocol.ChatException;
import chatlab.store.RelayStore;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's part as a relay: it holds messages that other users sealed for a recipient who was
 * offline (it cannot open them), in its {@link RelayStore}, within its limits, and passes each
 * on when the recipient comes online: when it asks (a fetch), when the server says it came
 * online, or when this client itself logs in. The recipient's receipt, sealed for the sender,
 * replaces the message, and goes to the sender in the same way; the sender's done lets it go.
 * Whatever it sends goes where the server's directory says the user is, never simply back to
 * whoever asked.
 */
final class Relay {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    /** An answer's first byte: held, with the milliseconds granted; or refused, with its code and message. */
    static final byte HELD = 1;
    static final byte REFUSED = 2;

    /** What is being passed on: a message for its recipient, or a receipt for its sender. */
    private record Offer(String sender, long messageId, boolean receipt) {
    }

    private final String self;
    private final IdentityKeys identity;
    private final PeerEndpoint endpoint;
    private final DirectMessages.Directory directory;
    private final RelayStore store;
    private final Retransmitter retransmitter;
    /** Offers under way, each with the address it goes to, so that an offer is not made twice at once. */
    private final Map<Offer, InetSocketAddress> offering = new ConcurrentHashMap<>();
    private final Map<Offer, CompletableFuture<Void>> answered = new ConcurrentHashMap<>();

    Relay(String self, IdentityKeys identity, PeerEndpoint endpoint, DirectMessages.Directory directory, RelayStore store,
            Retransmitter retransmitter) {
        this.self = self;
        this.identity = identity;
        this.endpoint = endpoint;
        this.directory = directory;
        this.store = store;
        this.retransmitter = retransmitter;
    }

    /** The body of a deposit: the hold asked for, and the message's own datagram. */
    static byte[] depositBody(Duration hold, byte[] message) {
        return ByteBuffer.allocate(8 + message.length).putLong(hold.toMillis()).put(message).array();
    }

    /** A sender asks this client to hold a message: hold it or refuse, and answer, sealed for the sender. */
    void deposit(DirectDatagram deposit, InetSocketAddress from) {
        byte[] senderKey = directory.key(deposit.from());
        byte[] body;
        DirectDatagram message;
        try {
            body = deposit.open(identity, senderKey);
            message = DirectDatagram.decode(ByteBuffer.wrap(body, 8, body.length - 8));
        } catch (Sealing.OpenException | DirectDatagram.MalformedException | IndexOutOfBoundsException e) {
            LOG.debug("dropped {} from {}: {}", deposit, from, e.getMessage());
            return;
        }
        if (message.kind() != DirectDatagram.Kind.MESSAGE || !message.from().equals(deposit.from())
                || message.messageId() != deposit.messageId()) {
            LOG.debug("dropped {} from {}: it does not hold the sender's own message", deposit, from);
            return;
        }
        long asked = ByteBuffer.wrap(body).getLong();
        long now = System.currentTimeMillis();
        RelayStore.Hold hold = store.hold(message.from(), message.messageId(), message.to(), message.encode(),
                Duration.ofMillis(Math.max(0, asked)), now);
        ByteBuffer answer;
        switch (hold) {
            case RelayStore.Hold.Held held -> answer = ByteBuffer.allocate(9).put(HELD).putLong(held.expiresAt() - now);
            case RelayStore.Hold.Refused refused -> {
                byte[] why = (refused.reason().code() + "\n" + refused.message()).getBytes(StandardCharsets.UTF_8);
                answer = ByteBuffer.allocate(1 + why.length).put(REFUSED).put(why);
            }
        }
        endpoint.send(DirectDatagram.seal(DirectDatagram.Kind.ANSWER, deposit.messageId(), self, deposit.from(),
                answer.array(), senderKey, identity).encode(), from);
    }

    /** {@code user} is online (it asked, or the server said so): pass on what is held for it. */
    void offer(String user) {
        if (user.equals(self)) {
            return;
        }
        var held = store.heldFor(user, System.currentTimeMillis());
        if (held.isEmpty()) {
            return;
        }
        Optional<DirectMessages.Peer> peer;
        try {
            peer = directory.peer(user);
        } catch (ChatException e) {
            LOG.debug("holding {} datagrams for {}: {}", held.size(), user, e.getMessage());
            return;
        }
        if (peer.isEmpty()) {
            return;
        }
        for (RelayStore.HeldDatagram h : held) {
            Offer offer = new Offer(h.sender(), h.messageId(), h.receipt());
            if (offering.putIfAbsent(offer, peer.get().address()) != null) {
                continue; // already on its way
            }
            Retransmitter.Exchange<Void> exchange = retransmitter.start(h.datagram(), peer.get().address(),
                    (h.receipt() ? "the receipt for " : "the message for ") + user, e -> answered.put(offer, e.done()));
            exchange.done().whenComplete((r, e) -> {
                offering.remove(offer);
                answered.remove(offer);
            });
        }
    }

    /** Every user this client holds something for who is online now: at login. */
    void offerToEveryoneOnline() {
        var waiting = new java.util.HashSet<>(store.waitingUsers(System.currentTimeMillis()));
        for (DirectMessages.Online online : directory.online()) {
            if (waiting.contains(online.user())) {
                offer(online.user());
            }
        }
    }

    /**
     * A recipient's receipt for a message this client may hold for its sender: let the message
     * go, keep the receipt for the sender, and pass it on if the sender is online.
     */
    void receipt(DirectDatagram receipt, InetSocketAddress from) {
        Offer offer = new Offer(receipt.to(), receipt.messageId(), false);
        InetSocketAddress sentTo = offering.get(offer);
        if (sentTo != null && !sentTo.equals(from)) {
            LOG.debug("dropped {} from {}: the message went to {}", receipt, from, sentTo);
            return;
        }
        boolean held = store.delivered(receipt.to(), receipt.messageId(), receipt.from(), receipt.encode(),
                System.currentTimeMillis());
        CompletableFuture<Void> waiting = answered.get(offer);
        if (waiting != null) {
            waiting.complete(null);
        }
        if (held) {
            offer(receipt.to());
        }
    }

    /** The sender took the receipt held for it. */
    void done(DirectDatagram done) {
        store.receiptTaken(done.from(), done.messageId());
        CompletableFuture<Void> waiting = answered.get(new Offer(done.from(), done.messageId(), true));
        if (waiting != null) {
            waiting.complete(null);
        }
    }
}

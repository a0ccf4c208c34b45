package chatlab.server;

import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.TextFormat;
import chatlab.protocol.Timestamps;
import chatlab.store.MessageStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Unicast, multicast, broadcast and blockcast. Every message is stored in each recipient's inbox
 * before the sender is answered, pushed to the recipient's sessions if any, and kept until the
 * recipient acknowledges it; an unacknowledged message is delivered again at the next login.
 * Sends, and the attaching of a session, happen under one lock, so each recipient sees every
 * sender's messages in the order they were sent.
 */
public final class MessagingService {
    static final String RECIPIENT_BLOCKED = "Your message could not be delivered as the recipient has blocked you";

    private final MessageStore store;
    private final Audiences audiences;
    private final InstantSource clock;
    private final Timestamps timestamps;
    private final ReentrantLock lock = new ReentrantLock();
    /** user → the sessions that receive their messages live; guarded by {@link #lock}. */
    private final Map<String, List<Session>> receivers = new HashMap<>();
    private long lastSeq;
    /** Whether a recipient is on do-not-disturb, so their chat events are marked silent. */
    private final java.util.function.Predicate<String> quiet;

    MessagingService(MessageStore store, Audiences audiences, InstantSource clock, Timestamps timestamps,
            java.util.function.Predicate<String> quiet) {
        this.quiet = quiet;
        this.store = store;
        this.audiences = audiences;
        this.clock = clock;
        this.timestamps = timestamps;
        this.lastSeq = store.lastSeq();
    }

    /**
     * Starts live delivery to a session: queues the login response (given the number of messages
     * waiting), then the stored backlog, then whatever is sent from now on, in that order.
     */
    public void attach(Session session, java.util.function.LongFunction<ServerMessage.Response> loggedIn) {
        lock.lock();
        try {
            session.out().push(loggedIn.apply(store.pendingCount(session.user())));
            session.out().pushBacklog(session.user(), lastSeq);
            receivers.computeIfAbsent(session.user(), u -> new ArrayList<>(1)).add(session);
        } finally {
            lock.unlock();
        }
    }

    /** Stops live delivery to a session. Safe to call twice. */
    public void detach(Session session) {
        lock.lock();
        try {
            List<Session> sessions = receivers.get(session.user());
            if (sessions != null && sessions.remove(session) && sessions.isEmpty()) {
                receivers.remove(session.user());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stored messages for {@code user} with {@code afterSeq < seq <= upToSeq}, oldest first. */
    public List<ServerMessage.Chat> backlog(String user, long afterSeq, long upToSeq, int limit) {
        return store.pending(user, afterSeq, upToSeq, limit).stream()
                .map(d -> new ServerMessage.Chat(d.seq(), d.messageId(), d.sender(),
                        Audience.valueOf(d.mode().toUpperCase(Locale.ROOT)), d.text(), timestamps.format(d.sentAt()),
                        d.group(), TextFormat.fromStored(d.format()),
                        quiet.test(user) ? Boolean.TRUE : null))
                .toList();
    }

    /** The recipient acknowledged every message up to {@code upTo}. */
    public void acknowledge(String user, long upTo) {
        store.acknowledge(user, upTo);
    }

    /** Stores and delivers a message; the receipt says who gets it. */
    public ServerMessage.Sent send(long requestId, String sender, ClientMessage.Send request) {
        lock.lock();
        try {
            if (request.key() != null) {
                Optional<MessageStore.Receipt> earlier = store.findByKey(sender, request.key());
                if (earlier.isPresent()) {
                    return sent(requestId, request, earlier.get(), List.of());
                }
            }
            Audiences.Split split = audiences.resolve(sender, request.mode(), request.to(), request.except(),
                    request.group());
            List<String> recipients = split.recipients();
            List<String> blockedBy = split.blockedBy();
            if (recipients.isEmpty() && !blockedBy.isEmpty()
                    && (request.mode() == Audience.UNICAST || request.mode() == Audience.MULTICAST)) {
                throw new ChatException(ErrorCode.RECIPIENT_BLOCKED, RECIPIENT_BLOCKED);
            }
            List<String> offline = recipients.stream().filter(u -> !receivers.containsKey(u)).toList();
            Instant now = Timestamps.truncate(clock.instant());
            String mode = request.mode().name().toLowerCase(Locale.ROOT);
            MessageStore.Receipt receipt = new MessageStore.Receipt(0, recipients.size(), offline.size(), blockedBy);
            TextFormat format = TextFormat.of(request.format());
            MessageStore.Stored stored = store.store(new MessageStore.Outgoing(sender, mode, request.text(), now,
                    request.key(), request.group(), TextFormat.stored(format), request.except()), receipt, recipients);
            long messageId = stored.messageId();
            long[] seqs = stored.seqs();
            for (int i = 0; i < seqs.length; i++) {
                List<Session> sessions = receivers.get(recipients.get(i));
                if (sessions != null) {
                    ServerMessage.Chat chat = new ServerMessage.Chat(seqs[i], messageId, sender, request.mode(),
                            request.text(), timestamps.format(now), request.group(), format.orNull(),
                            quiet.test(recipients.get(i)) ? Boolean.TRUE : null);
                    for (Session session : sessions) {
                        session.out().push(chat);
                    }
                }
            }
            if (seqs.length > 0) {
                lastSeq = seqs[seqs.length - 1];
            }
            return sent(requestId, request,
                    new MessageStore.Receipt(messageId, recipients.size(), offline.size(), blockedBy), offline);
        } finally {
            lock.unlock();
        }
    }

    private static ServerMessage.Sent sent(long requestId, ClientMessage.Send request, MessageStore.Receipt receipt,
            List<String> offline) {
        return new ServerMessage.Sent(requestId, receipt.messageId(), receipt.recipients(), receipt.offline(),
                receipt.blockedBy(), describe(request, receipt, offline));
    }

    private static String describe(ClientMessage.Send request, MessageStore.Receipt receipt, List<String> offline) {
        StringBuilder text = new StringBuilder();
        if (request.mode() == Audience.GROUP) {
            text.append("Message sent to ").append(request.group()).append(" (").append(receipt.recipients())
                    .append(receipt.recipients() == 1 ? " member" : " members");
            if (receipt.offline() > 0) {
                text.append(", ").append(receipt.offline()).append(" offline, delivered at next login");
            }
            text.append(')');
        } else if (request.mode() == Audience.UNICAST && receipt.recipients() == 1) {
            String to = request.to().getFirst();
            text.append(receipt.offline() == 1
                    ? to + " is offline; the message will be delivered at their next login"
                    : "Message sent to " + to);
        } else {
            text.append("Message sent to ").append(receipt.recipients())
                    .append(receipt.recipients() == 1 ? " user" : " users");
            if (receipt.offline() > 0) {
                text.append(" (").append(receipt.offline()).append(" offline, delivered at next login");
                if (offline.size() <= 10 && !offline.isEmpty()) {
                    text.append(": ").append(String.join(", ", offline));
                }
                text.append(')');
            }
        }
        if (!receipt.blockedBy().isEmpty()) {
            text.append(". Your message could not be delivered to some recipients (blocked by ")
                    .append(String.join(", ", receipt.blockedBy())).append(')');
        }
        return text.append('.').toString();
    }
}

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unicast, multicast, broadcast and blockcast. Every message is stored in each recipient's inbox
 * before the sender is answered, pushed to the recipient's sessions if any, and kept until the
 * recipient acknowledges it; an unacknowledged message is delivered again at the next login.
 * Sends are committed in order and their copies queued to live sessions in that order (the
 * store's commit order), and a session attaches between two of them, so each recipient sees
 * every sender's messages in the order they were sent, once, backlog first.
 */
public final class MessagingService {
    static final String RECIPIENT_BLOCKED = "Your message could not be delivered as the recipient has blocked you";

    private final MessageStore store;
    private final Audiences audiences;
    private final InstantSource clock;
    private final Timestamps timestamps;
    /**
     * user → the sessions that receive their messages live. Sessions join in commit order (see
     * {@link #attach}); each user's list is replaced atomically, so a join and a leave of two
     * sessions of one user never lose either.
     */
    private final Map<String, List<Session>> receivers = new ConcurrentHashMap<>();
    /** The highest inbox number committed; written in commit order only. */
    private volatile long lastSeq;
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
     * waiting), then the stored backlog, then whatever is sent from now on, in that order. It
     * happens in commit order, between two sends' deliveries: every message committed before
     * comes in the backlog, every one after live.
     */
    public void attach(Session session, java.util.function.LongFunction<ServerMessage.Response> loggedIn) {
        store.inCommitOrder(() -> {
            session.out().push(loggedIn.apply(store.pendingCount(session.user())));
            session.out().pushBacklog(session.user(), lastSeq);
            receivers.compute(session.user(), (user, sessions) -> {
                List<Session> joined = new ArrayList<>(sessions == null ? List.of() : sessions);
                joined.add(session);
                return List.copyOf(joined);
            });
        });
    }

    /** Stops live delivery to a session. Safe to call twice. */
    public void detach(Session session) {
        receivers.computeIfPresent(session.user(), (user, sessions) -> {
            List<Session> left = new ArrayList<>(sessions);
            left.remove(session);
            return left.isEmpty() ? null : List.copyOf(left);
        });
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

    /**
     * Stores and delivers a message; the receipt says who gets it. The message is stored in a
     * transaction that may share its commit with others sent at the same time; the reply comes
     * after that commit, and the recipients' copies are queued in commit order, so that each
     * recipient sees messages in the order of their numbers.
     */
    public ServerMessage.Sent send(long requestId, String sender, ClientMessage.Send request) {
        Audiences.Split split;
        try {
            split = audience(sender, request);
        } catch (ChatException e) {
            // a retry of a send that went through, to an audience that has changed since, gets the
            // first send's answer; any other retry is found by the store, in the send's own transaction
            Optional<MessageStore.Receipt> earlier = request.key() == null ? Optional.empty()
                    : store.findByKey(sender, request.key());
            if (earlier.isPresent()) {
                return sent(requestId, request, earlier.get(), List.of());
            }
            throw e;
        }
        List<String> recipients = split.recipients();
        List<String> blockedBy = split.blockedBy();
        List<String> offline = recipients.stream().filter(u -> !receivers.containsKey(u)).toList();
        Instant now = Timestamps.truncate(clock.instant());
        String mode = request.mode().name().toLowerCase(Locale.ROOT);
        MessageStore.Receipt receipt = new MessageStore.Receipt(0, recipients.size(), offline.size(), blockedBy);
        TextFormat format = TextFormat.of(request.format());
        MessageStore.Stored stored = store.store(new MessageStore.Outgoing(sender, mode, request.text(), now,
                request.key(), request.group(), TextFormat.stored(format), request.except()), receipt, recipients,
                s -> deliver(s, sender, request, recipients, now, format));
        if (stored.earlier() != null) {
            return sent(requestId, request, stored.earlier(), List.of()); // the same key, sent at the same time
        }
        return sent(requestId, request,
                new MessageStore.Receipt(stored.messageId(), recipients.size(), offline.size(), blockedBy), offline);
    }

    /** Whom a send reaches; throws if it reaches no one it names, or names someone it may not. */
    private Audiences.Split audience(String sender, ClientMessage.Send request) {
        Audiences.Split split = audiences.resolve(sender, request.mode(), request.to(), request.except(),
                request.group());
        if (split.recipients().isEmpty() && !split.blockedBy().isEmpty()
                && (request.mode() == Audience.UNICAST || request.mode() == Audience.MULTICAST)) {
            throw new ChatException(ErrorCode.RECIPIENT_BLOCKED, RECIPIENT_BLOCKED);
        }
        return split;
    }

    /** Queues a committed message to its recipients' live sessions; runs in commit order. */
    private void deliver(MessageStore.Stored stored, String sender, ClientMessage.Send request, List<String> recipients,
            Instant now, TextFormat format) {
        if (stored.earlier() != null) {
            return;
        }
        long[] seqs = stored.seqs();
        for (int i = 0; i < seqs.length; i++) {
            List<Session> sessions = receivers.get(recipients.get(i));
            if (sessions != null) {
                ServerMessage.Chat chat = new ServerMessage.Chat(seqs[i], stored.messageId(), sender, request.mode(),
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

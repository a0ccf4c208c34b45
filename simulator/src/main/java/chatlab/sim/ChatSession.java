package chatlab.sim;

import chatlab.checker.DeliveryChecker;
import chatlab.client.ChatClient;
import chatlab.driver.Connection;
import chatlab.driver.Inbox;
import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ServerMessage;
import chatlab.workload.Action;
import chatlab.workload.Behaviour;
import chatlab.workload.GroupSpec;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * One chatting account online: it logs in, performs actions and records each as an operation,
 * and records every message it receives and the loss of its connection. Used by closed users,
 * open sessions and the drain alike.
 */
final class ChatSession implements Inbox {
    private static final long MAX_BACKOFF_NANOS = 3_000_000_000L;

    private final SimContext ctx;
    private final String process;
    private final String user;
    private final AccountState state;
    private final InetSocketAddress endpoint;
    private final int messageSize;
    /** The user's UDP side, for groups that beacon or send files; null otherwise. */
    private final PeerSide peer;
    /** Whether this user relays direct messages: it hears who comes online, to pass on what it holds. */
    private final boolean relays;
    private volatile Connection client;
    private final java.util.concurrent.atomic.AtomicBoolean online = new java.util.concurrent.atomic.AtomicBoolean();
    private long backoffNanos = 200_000_000L;
    /** Chat messages this session handed on, over all its connections: the drain's sign of a link still delivering. */
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    ChatSession(SimContext ctx, String process, String user, GroupSpec group) {
        this.ctx = ctx;
        this.process = process;
        this.user = user;
        this.state = ctx.state(user);
        this.endpoint = ctx.endpoint(group.name());
        this.messageSize = group.messageSize();
        this.peer = group.udp() ? new PeerSide(ctx, process, user, group) : null;
        this.relays = group.mix().has(b -> b == chatlab.workload.Behaviour.DM);
    }

    String user() {
        return user;
    }

    boolean online() {
        Connection current = client;
        return online.get() && current != null && current.isConnected();
    }

    /** What this session's connection shows now, or null without one. */
    Connection.LinkState linkState() {
        Connection current = client;
        return current == null ? null : current.linkState();
    }

    private Event op(Op f) {
        return Event.of(0, process, Type.INVOKE, f, user);
    }

    /** Connects and logs in; {@code due} is when an open session was meant to arrive (µs on the run's clock). */
    boolean login(Long due) {
        Event invocation = ctx.ops.invoke(op(Op.LOGIN).withDue(due));
        if (client == null || !client.isConnected()) {
            try {
                close();
                client = ctx.driver.connect(endpoint, ctx.options().withHandledUpTo(state.handledUpTo)
                        .withInstance(SimContext.INSTANCE).withPresence(relays)
                        .withUdpPort(peer == null ? null : peer.port()), this);
                ctx.zone(client.zone());
                if (peer != null) {
                    peer.attach(client.unwrap(ChatClient.class));
                }
            } catch (ChatException e) {
                client = null;
                ctx.ops.failed(invocation, e);
                return false;
            }
        }
        var outcome = ctx.ops.complete(invocation, client.login(user, ctx.accounts.password(user)), (e, r) -> e);
        if (outcome.ok()) {
            cameOnline();
        } else if (outcome.type() == Type.INFO) {
            close(); // logged in or not: only a new connection, which takes the session over, is sure
        }
        return outcome.ok();
    }

    private void cameOnline() {
        if (online.compareAndSet(false, true)) {
            ctx.stats.online.incrementAndGet();
        }
        if (peer != null) {
            peer.loggedIn(client.unwrap(ChatClient.class));
        }
        state.session = this;
        backoffNanos = 200_000_000L;
    }

    private void wentOffline() {
        if (online.compareAndSet(true, false)) {
            ctx.stats.online.decrementAndGet();
        }
        if (peer != null) {
            peer.stopDirect();
        }
    }

    /** Online again after a lost connection, retrying with backoff until the stop signal; false if stopped first. */
    boolean ensureOnline() {
        return ensureOnline(Long.MAX_VALUE, false);
    }

    /**
     * Online again, retrying with backoff until {@code deadlineNanos}; during the load the stop
     * signal ends the retries too, but the drain after it keeps trying until its deadline.
     */
    boolean ensureOnline(long deadlineNanos, boolean draining) {
        while (!online()) {
            if ((!draining && ctx.stopping()) || System.nanoTime() >= deadlineNanos) {
                return false;
            }
            if (client == null || client.user() == null) {
                if (login(null)) {
                    return true;
                }
            } else {
                Event invocation = ctx.ops.invoke(op(Op.RECONNECT));
                CompletableFuture<Void> attempt;
                try {
                    client.reconnect();
                    attempt = CompletableFuture.completedFuture(null);
                } catch (ChatException e) {
                    attempt = CompletableFuture.failedFuture(e);
                }
                if (ctx.ops.complete(invocation, attempt, (e, r) -> e).ok()) {
                    cameOnline();
                    return true;
                }
            }
            long pause = Math.min(backoffNanos, deadlineNanos - System.nanoTime());
            if (draining) {
                java.util.concurrent.locks.LockSupport.parkNanos(Math.max(0, pause));
            } else if (!ctx.pause(pause)) {
                return false;
            }
            backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
        }
        return true;
    }

    /** Performs one planned action. */
    void perform(Action action) {
        Behaviour b = action.behaviour();
        switch (b) {
            case UNICAST, MULTICAST, BROADCAST, BLOCKCAST -> chat(action);
            case GROUP -> groupChat();
            case STATUS -> {
                Event invocation = ctx.ops.invoke(op(Op.STATUS));
                ctx.ops.complete(invocation, client.setStatus(action.status()), (e, ok) -> e);
            }
            case POST -> post();
            case EDIT -> edit();
            case DELETE -> delete();
            case READ -> read();
            case WHO -> {
                Event invocation = ctx.ops.invoke(op(Op.WHO));
                ctx.ops.complete(invocation, client.who(), (e, users) -> e);
            }
            case RELOGIN -> {
                logout();
                login(null);
            }
            case BEACON -> peer.beacon(action.to().getFirst());
            case UPLOAD -> peer.upload();
            case SEND_FILE -> peer.sendFile(action.to().getFirst(), action.bytes());
            case DM -> peer.directMessage(action.to().getFirst(), messageSize);
            case LEAVE -> {
                logout();
                if (ctx.pause(action.awayNanos())) {
                    login(null);
                }
            }
            case WRONG_PASSWORD, RIGHT_PASSWORD -> throw new IllegalStateException("a chatting user does not attack");
        }
    }

    private void chat(Action action) {
        Audience mode = Audience.valueOf(action.behaviour().name());
        String tok = DeliveryChecker.token(user, state.sent.incrementAndGet());
        String mode2 = mode.name().toLowerCase(Locale.ROOT);
        Event invocation = ctx.ops.invoke(op(Op.SEND).withChat(new Event.Chat(mode2, action.to(),
                action.except(), tok, null, null, null, null)));
        List<String> names = mode == Audience.BLOCKCAST ? action.except() : action.to();
        ctx.ops.complete(invocation, client.send(mode, names, text(tok)), (e, sent) -> e.withChat(new Event.Chat(
                mode2, action.to(), action.except(), tok, sent.messageId(), sent.recipients(), sent.offline(),
                sent.blockedBy())));
    }

    /** A message to the user's named group: its members are the load group's chatting users. */
    private void groupChat() {
        String group = ctx.accounts.chatGroup(ctx.accounts.groupOf(user));
        String tok = DeliveryChecker.token(user, state.sent.incrementAndGet());
        Event invocation = ctx.ops.invoke(op(Op.SEND).withChat(new Event.Chat("group", List.of(), List.of(),
                tok, null, null, null, null, group)));
        ctx.ops.complete(invocation, client.sendToGroup(group, text(tok)), (e, sent) -> e.withChat(
                new Event.Chat("group", List.of(), List.of(), tok, sent.messageId(), sent.recipients(), sent.offline(),
                        sent.blockedBy(), group)));
    }

    private String text(String token) {
        return pad(token, messageSize);
    }

    /** A message of {@code size} characters that starts with {@code token} and a space. */
    static String pad(String token, int size) {
        StringBuilder text = new StringBuilder(size).append(token).append(' ');
        while (text.length() < size) {
            text.append("lorem ipsum dolor sit amet ");
        }
        text.setLength(Math.max(token.length(), size));
        return text.toString().strip();
    }

    private void post() {
        String tok = "board:" + user + "#" + state.posted.incrementAndGet();
        Event invocation = ctx.ops.invoke(op(Op.POST).withBoard(new Event.Board(null, null, tok, null)));
        ctx.ops.complete(invocation, client.post(text(tok)), (e, ack) -> {
            state.remember(ack);
            return e.withBoard(new Event.Board(ack.number(), ack.timestamp(), tok, null));
        });
    }

    private void edit() {
        Connection.Posted latest = state.latest();
        if (latest == null) {
            post(); // nothing of one's own to edit yet
            return;
        }
        Event invocation = ctx.ops.invoke(op(Op.EDIT).withBoard(new Event.Board(latest.number(), latest.timestamp(), null, null)));
        ctx.ops.complete(invocation, client.edit(latest.number(), latest.timestamp(), text("edited:" + user)), (e, ack) -> {
            state.replaceLatest(ack);
            return e.withBoard(new Event.Board(ack.number(), ack.timestamp(), null, null));
        });
    }

    private void delete() {
        Connection.Posted latest = state.takeLatest();
        if (latest == null) {
            post();
            return;
        }
        Event invocation = ctx.ops.invoke(op(Op.DELETE).withBoard(new Event.Board(latest.number(), latest.timestamp(), null, null)));
        ctx.ops.complete(invocation, client.delete(latest.number(), latest.timestamp()), (e, ack) -> e);
    }

    private void read() {
        String since = ctx.timestamps().format(Instant.now().minusSeconds(10));
        Event invocation = ctx.ops.invoke(op(Op.READ).withBoard(new Event.Board(null, since, null, null)));
        ctx.ops.complete(invocation, client.read(since), (e, entries) -> e.withBoard(new Event.Board(null, since, null,
                entries)));
    }

    /** Logs out, keeping the connection. */
    void logout() {
        if (client == null || !online.get()) {
            return;
        }
        wentOffline();
        Event invocation = ctx.ops.invoke(op(Op.LOGOUT));
        if (ctx.ops.complete(invocation, client.logout(), (e, ok) -> e).type() == Type.INFO) {
            close(); // logged out or not: the next login starts on a new connection
        }
    }

    void close() {
        wentOffline();
        if (peer != null) {
            peer.detach();
        }
        if (client != null) {
            client.close(); // hands what it had received to onChat first
            state.handledUpTo = Math.max(state.handledUpTo, client.handledUpTo());
            client = null;
        }
    }

    /** Closes the session for good, with its UDP port. */
    void shutdown() {
        close();
        if (peer != null) {
            peer.close();
        }
    }

    @Override
    public void onProtocolEvent(Object event) {
        if (peer != null && event instanceof ServerMessage.IncomingFile file) {
            peer.accept(file);
        }
    }

    @Override
    public void onMessage(Inbox.Arrival chat) {
        String tok = chat.text().split(" ", 2)[0];
        ctx.ops.event(Event.of(0, process, Type.EVENT, Op.DELIVER, user).withDelivery(
                new Event.Delivery(chat.from(), chat.messageId(), chat.seq(), tok, chat.mode())));
        ctx.stats.deliveries.incrementAndGet();
        received.incrementAndGet();
    }

    /** Chat messages received so far. */
    long received() {
        return received.get();
    }

    @Override
    public void onPresence(String other, boolean cameOnline) {
        if (peer != null && cameOnline) {
            peer.userOnline(other);
        }
    }

    @Override
    public void onLost(ChatException cause) {
        if (online.get()) {
            ctx.ops.event(Event.of(0, process, Type.EVENT, Op.LOST, user)
                    .withFailure(new Event.Failure(cause.code().wire(), cause.getMessage(), null, null)));
        }
        wentOffline();
    }
}

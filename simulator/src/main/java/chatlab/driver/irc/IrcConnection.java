package chatlab.driver.irc;

import chatlab.protocol.Audience;
import chatlab.driver.Inbox;
import chatlab.driver.MessagingOnlyConnection;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.UserStatus;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.defaults.feature.DefaultActorTracker;
import org.kitteh.irc.client.library.event.channel.ChannelJoinEvent;
import org.kitteh.irc.client.library.event.channel.ChannelMessageEvent;
import org.kitteh.irc.client.library.event.client.ClientNegotiationCompleteEvent;
import org.kitteh.irc.client.library.event.client.ClientReceiveCommandEvent;
import org.kitteh.irc.client.library.event.client.ClientReceiveNumericEvent;
import org.kitteh.irc.client.library.event.client.NickRejectedEvent;
import org.kitteh.irc.client.library.event.connection.ClientConnectionEndedEvent;
import org.kitteh.irc.client.library.event.connection.ClientConnectionFailedEvent;
import org.kitteh.irc.client.library.event.user.PrivateMessageEvent;
import org.kitteh.irc.client.library.feature.filter.CommandFilter;
import org.kitteh.irc.client.library.feature.filter.NumericFilter;

/**
 * One user's IRC client. Each login is a new connection registering the user's name as its
 * nickname, joining {@link IrcDriver#EVERYONE} (when its driver says so) and the groups it joined before (an IRC server
 * forgets them when the user goes), and ready once the server has confirmed every join.
 */
final class IrcConnection extends MessagingOnlyConnection {
    /** How often a login whose nickname is still held by the user's last connection tries again. */
    private static final long NICK_RETRY_NANOS = 100_000_000L;

    private final InetSocketAddress server;
    private final Options options;
    private final Inbox inbox;
    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    /** The groups each user joined, its driver's for all its connections, to join again at each of the user's logins. */
    private final Map<String, Set<String>> groups;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Session session;

    /** Whether each login joins {@link IrcDriver#EVERYONE}. */
    private final boolean everyone;

    IrcConnection(InetSocketAddress server, Options options, Inbox inbox, Map<String, Set<String>> groups, boolean everyone) {
        super("IRC", "the IRC server", CALLERS);
        this.everyone = everyone;
        this.groups = groups;
        this.server = server;
        this.options = options;
        this.inbox = inbox;
    }

    /** A send waiting for the server's PONG to the PING that followed it: whom it named, and who was not there. */
    private record Pending(String token, int named, AtomicInteger absent, CompletableFuture<Sent> answer) {
    }

    /** One connection of the user's, and what it waits for; Kitteh calls its handlers on the connection's input thread, in line order. */
    final class Session {
        final Client client;
        final String nick;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();
        final Map<String, CompletableFuture<Void>> joining = new ConcurrentHashMap<>();
        /** The channels the server confirmed this connection joined, by lower-case name. */
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        final Deque<Pending> sends = new ConcurrentLinkedDeque<>();
        /** LUSERS waiting for the server's count of users (251), in the order asked. */
        final Deque<CompletableFuture<Integer>> counts = new ConcurrentLinkedDeque<>();
        /** AWAY waiting for the server's word that it was marked (306) or unmarked (305), in the order asked. */
        final Deque<CompletableFuture<Void>> aways = new ConcurrentLinkedDeque<>();
        volatile boolean up;
        volatile boolean leaving;

        Session(String nick) {
            this.nick = nick;
            this.client = Client.builder().name(nick).nick(nick).user("chatlab").realName(nick)
                    .server().host(server.getHostString()).port(server.getPort(), Client.Builder.Server.SecurityType.INSECURE)
                    .then()
                    .listeners().exception(null).then() // its only exception without a listener is a warning about plaintext
                    .management().messageSendingQueueSupplier(c -> new UnthrottledQueue())
                    .actorTracker(c -> {
                        DefaultActorTracker tracker = new DefaultActorTracker(c);
                        tracker.setQueryChannelInformation(false); // no WHO and MODE of every channel joined
                        return tracker;
                    }).then()
                    .build();
            client.getEventManager().registerEventListener(this);
        }

        /** Joins {@code channel}, answering once the server echoes the join; a channel joined already answers at once (a server says nothing to a second JOIN). */
        CompletableFuture<Void> join(String channel) {
            String key = channel.toLowerCase(Locale.ROOT);
            if (channels.contains(key)) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture<Void> asked = joining.putIfAbsent(key, done);
            if (asked != null) {
                return asked; // the JOIN is on its way
            }
            client.sendRawLine("JOIN " + channel);
            return done;
        }

        @Handler
        public void registered(ClientNegotiationCompleteEvent e) {
            List<CompletableFuture<Void>> joins = new ArrayList<>();
            if (everyone) {
                joins.add(join(IrcDriver.EVERYONE));
            }
            groups.getOrDefault(nick, Set.of()).forEach(g -> joins.add(join(IrcDriver.GROUPS + g)));
            CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
                if (failure == null) {
                    up = true;
                    ready.complete(null);
                } else {
                    ready.completeExceptionally(failure);
                }
            });
        }

        @Handler
        public void joined(ChannelJoinEvent e) {
            if (e.getUser().getNick().equalsIgnoreCase(nick)) {
                String key = e.getChannel().getName().toLowerCase(Locale.ROOT);
                channels.add(key);
                CompletableFuture<Void> done = joining.remove(key);
                if (done != null) {
                    done.complete(null);
                }
            }
        }

        @Handler
        public void privately(PrivateMessageEvent e) {
            arrived(e.getActor().getNick(), e.getMessage(), "unicast");
        }

        @Handler
        public void inChannel(ChannelMessageEvent e) {
            String channel = e.getChannel().getName();
            arrived(e.getActor().getNick(), e.getMessage(), channel.equalsIgnoreCase(IrcDriver.EVERYONE) ? "broadcast" : "group");
        }

        @Handler
        @CommandFilter("PONG")
        public void pong(ClientReceiveCommandEvent e) {
            List<String> p = e.getParameters();
            String token = p.isEmpty() ? "" : p.getLast();
            Pending head = sends.peekFirst();
            if (head != null && head.token().equals(token)) {
                sends.pollFirst();
                int absent = head.absent().get();
                head.answer().complete(new Sent(null, head.named() - absent, absent, null));
            } // otherwise the library's own lag check
        }

        /**
         * The server's count of users: RFC 2812's "There are U users and I invisible on S
         * servers" (ngIRCd says "... and N services ..."); those it names as users or
         * invisible. The count in the welcome, before anyone asked, goes unused.
         */
        @Handler
        @NumericFilter(251)
        public void counted(ClientReceiveNumericEvent e) {
            CompletableFuture<Integer> asked = nextWaiting(counts);
            if (asked != null) {
                String text = e.getParameters().isEmpty() ? "" : e.getParameters().getLast();
                Integer users = IrcConnection.users(text);
                if (users == null) {
                    asked.completeExceptionally(new ChatException(ErrorCode.UNEXPECTED_RESPONSE,
                            "the IRC server's count of users was not understood: " + text));
                } else {
                    asked.complete(users);
                }
            }
        }

        @Handler
        @NumericFilter(305) // no longer marked away
        @NumericFilter(306) // marked away
        public void marked(ClientReceiveNumericEvent e) {
            CompletableFuture<Void> asked = nextWaiting(aways);
            if (asked != null) {
                asked.complete(null);
            }
        }

        @Handler
        @NumericFilter(401) // no such nick: the recipient is not connected
        public void absent(ClientReceiveNumericEvent e) {
            Pending head = sends.peekFirst();
            if (head != null) {
                head.absent().incrementAndGet();
            }
        }

        @Handler
        @NumericFilter(403) // no such channel
        @NumericFilter(404) // cannot send to channel: not in it
        @NumericFilter(405) // too many channels
        @NumericFilter(471) // channel full
        @NumericFilter(473) // invite only
        @NumericFilter(474) // banned
        @NumericFilter(475) // bad channel key
        public void refused(ClientReceiveNumericEvent e) {
            List<String> p = e.getParameters();
            String channel = p.size() > 1 ? p.get(1).toLowerCase(Locale.ROOT) : "";
            ChatException why = new ChatException(e.getNumeric() == 404 ? ErrorCode.NOT_A_MEMBER : ErrorCode.UNEXPECTED_RESPONSE,
                    "the IRC server refused: " + String.join(" ", p.subList(Math.min(1, p.size()), p.size())));
            CompletableFuture<Void> join = joining.remove(channel);
            if (join != null) {
                join.completeExceptionally(why);
            } else {
                Pending head = sends.pollFirst();
                if (head != null) {
                    head.answer().completeExceptionally(why);
                }
            }
        }

        @Handler
        public void nickRefused(NickRejectedEvent e) {
            ready.completeExceptionally(new ChatException(ErrorCode.ALREADY_LOGGED_IN,
                    "the IRC server refused the nickname " + e.getAttemptedNick()));
            client.shutdown();
        }

        @Handler
        public void ended(ClientConnectionEndedEvent e) {
            e.setAttemptReconnect(false);
            ChatException cause = e instanceof ClientConnectionFailedEvent
                    ? new ChatException(ErrorCode.SERVER_UNREACHABLE, "IRC server unreachable: "
                            + e.getCause().map(Throwable::getMessage).orElse("connection failed"))
                    : new ChatException(ErrorCode.CONNECTION_LOST, "the IRC connection closed"
                            + e.getCause().map(t -> ": " + t.getMessage()).orElse(""));
            ready.completeExceptionally(cause);
            joining.values().forEach(f -> f.completeExceptionally(cause));
            for (Pending p; (p = sends.pollFirst()) != null;) {
                p.answer().completeExceptionally(cause);
            }
            counts.forEach(f -> f.completeExceptionally(cause));
            aways.forEach(f -> f.completeExceptionally(cause));
            boolean wasUp = up;
            up = false;
            ended.complete(null);
            if (wasUp && !leaving && !closed.get() && session == this) {
                inbox.onLost(cause);
            }
            if (e.canAttemptReconnect()) {
                client.shutdown(); // the library keeps its threads until told
            }
        }

        private void arrived(String from, String text, String mode) {
            inbox.onMessage(new Inbox.Arrival(from, 0, arrivals.incrementAndGet(), text, mode));
        }

        /** Sends {@code line}, its answer awaited in {@code waiting} (in the order asked). */
        <T> CompletableFuture<T> ask(String line, Deque<CompletableFuture<T>> waiting) {
            CompletableFuture<T> answer = new CompletableFuture<>();
            synchronized (this) { // the line and its place among the answers stay together
                waiting.addLast(answer);
                client.sendRawLine(line);
            }
            return within(answer, options.requestTimeout());
        }

        /** Sends {@code line} and a PING behind it; answers when the server's PONG says it handled the line. */
        CompletableFuture<Sent> sendAndPing(String line, int named) {
            String token = "c" + pings.incrementAndGet();
            CompletableFuture<Sent> answer = new CompletableFuture<>();
            synchronized (this) { // the two lines and their place in the queue of answers stay together
                sends.addLast(new Pending(token, named, new AtomicInteger(), answer));
                client.sendRawLine(line);
                client.sendRawLine("PING :" + token);
            }
            return within(answer, options.requestTimeout());
        }
    }

    /** The first of {@code waiting} still waiting (one that timed out is passed over), or null. */
    private static <T> CompletableFuture<T> nextWaiting(Deque<CompletableFuture<T>> waiting) {
        for (CompletableFuture<T> f; (f = waiting.pollFirst()) != null;) {
            if (!f.isDone()) {
                return f;
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern USERS = java.util.regex.Pattern.compile("(\\d+) users?\\b");
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("(\\d+) invisible\\b");

    /** The users an RPL_LUSERCLIENT text counts (visible and invisible), or null for a text without them. */
    static Integer users(String text) {
        java.util.regex.Matcher users = USERS.matcher(text);
        if (!users.find()) {
            return null;
        }
        java.util.regex.Matcher invisible = INVISIBLE.matcher(text);
        return Integer.parseInt(users.group(1)) + (invisible.find() ? Integer.parseInt(invisible.group(1)) : 0);
    }

    private Session connected() {
        Session s = session;
        if (s == null || !s.up) {
            throw new ChatException(ErrorCode.NOT_LOGGED_IN, "not connected to the IRC server");
        }
        return s;
    }

    /** IRC has no accounts: there is nothing to make. */
    @Override
    public CompletableFuture<Void> signup(String name, String secret) {
        return CompletableFuture.completedFuture(null);
    }

    /** Connects as {@code name}; IRC has no passwords. While the user's last connection still holds the name, tries again. */
    @Override
    public CompletableFuture<Void> login(String name, String secret) {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        return attempt(name, deadline);
    }

    private CompletableFuture<Void> attempt(String name, long deadline) {
        Session s = new Session(name);
        session = s;
        s.client.connect();
        Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        return within(s.ready, left).handle((ok, failure) -> {
            if (failure == null) {
                loggedIn(name, null); // IRC has no passwords
                return CompletableFuture.<Void>completedFuture(null);
            }
            s.leaving = true;
            s.client.shutdown();
            ChatException why = inLabTerms(failure);
            if (why.code() == ErrorCode.ALREADY_LOGGED_IN && System.nanoTime() + NICK_RETRY_NANOS < deadline) {
                return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(NICK_RETRY_NANOS,
                        TimeUnit.NANOSECONDS)).thenCompose(v -> attempt(name, deadline));
            }
            return CompletableFuture.<Void>failedFuture(why);
        }).thenCompose(f -> f);
    }


    /** Quits, and answers once the connection has closed. */
    @Override
    public CompletableFuture<Void> logout() {
        Session s = session;
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        s.leaving = true;
        s.client.shutdown("bye");
        return within(s.ended, options.requestTimeout()).thenApply(ok -> {
            loggedOut();
            return null;
        });
    }

    @Override
    public CompletableFuture<Sent> send(Audience mode, List<String> names, String text) {
        Session s;
        try {
            s = connected();
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
        return switch (mode) {
            case UNICAST, MULTICAST -> s.sendAndPing("PRIVMSG " + String.join(",", names) + " :" + text, names.size());
            case BROADCAST -> everyone ? s.sendAndPing("PRIVMSG " + IrcDriver.EVERYONE + " :" + text, 0)
                    .thenApply(sent -> new Sent(null, null, null, null))
                    : refused("channel for everyone on this run's connections (its scenario has no broadcasts)");
            default -> refused("way to send to everyone but some (" + mode.name().toLowerCase(Locale.ROOT) + ")");
        };
    }

    @Override
    public CompletableFuture<Sent> sendToGroup(String group, String text) {
        try {
            return connected().sendAndPing("PRIVMSG " + IrcDriver.GROUPS + group + " :" + text, 0)
                    .thenApply(sent -> new Sent(null, null, null, null));
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A group is a channel, made by its first join. */
    @Override
    public CompletableFuture<Void> createGroup(String group, String about) {
        return join(group);
    }

    @Override
    public CompletableFuture<Void> join(String group) {
        try {
            Session s = connected();
            return within(s.join(IrcDriver.GROUPS + group), options.requestTimeout()).thenApply(ok -> {
                groups.computeIfAbsent(s.nick, u -> ConcurrentHashMap.newKeySet()).add(group);
                return null;
            });
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** How many are online: the server's own count (LUSERS), a round trip, as chatlab's {@code who} is. */
    @Override
    public CompletableFuture<Integer> who() {
        try {
            Session s = connected();
            return s.ask("LUSERS", s.counts);
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A status as IRC's away message: away, idle and do not disturb mark the user away with the
     * status as its text (others see it in WHOIS and in the answer to a message for them), online
     * unmarks. IRC cannot appear offline while connected: that is refused.
     */
    @Override
    public CompletableFuture<Void> setStatus(UserStatus status) {
        if (status == UserStatus.OFFLINE) {
            return refused("way to appear offline while connected");
        }
        try {
            Session s = connected();
            return s.ask(status == UserStatus.ONLINE ? "AWAY" : "AWAY :" + status.wire(), s.aways);
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean isConnected() {
        Session s = session;
        return s != null && s.up;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        Session s = session;
        if (s == null || !type.isInstance(s.client)) {
            throw new IllegalArgumentException("an IRC connection holds a Kitteh Client, not a " + type.getSimpleName());
        }
        return type.cast(s.client);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Session s = session;
        if (s != null) {
            s.leaving = true;
            s.client.shutdown("bye");
            try {
                s.ended.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // it is going anyway
            }
        }
    }
}

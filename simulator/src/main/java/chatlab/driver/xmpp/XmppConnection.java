package chatlab.driver.xmpp;

import chatlab.driver.Inbox;
import chatlab.driver.MessagingOnlyConnection;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.UserStatus;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.SmackFuture;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * One user's XMPP client. Each login is a new Smack connection that authenticates as the user
 * with the resource {@link #RESOURCE} (a second login of the user takes over from the first, as
 * XMPP servers resolve the conflict), sends its initial presence (so that messages kept while the
 * user was offline come now), and joins {@link XmppDriver#EVERYONE} (when its driver says so) and the
 * user's groups; it is
 * ready once every room has taken it in.
 */
final class XmppConnection extends MessagingOnlyConnection {
    private static final String RESOURCE = "chatlab";

    static {
        // a chat lab user has no contacts to load, and a dropped stream must end the session, not hibernate it
        Roster.setRosterLoadedAtLoginDefault(false);
        XMPPTCPConnection.setUseStreamManagementDefault(false);
    }

    private final InetSocketAddress server;
    private final Options options;
    private final Inbox inbox;
    /** The groups each user joined, its driver's for all its connections, to join again at each of the user's logins. */
    private final Map<String, Set<String>> groups;
    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Session session;

    /** Whether each login joins {@link XmppDriver#EVERYONE}. */
    private final boolean everyone;

    XmppConnection(InetSocketAddress server, Options options, Inbox inbox, Map<String, Set<String>> groups,
            boolean everyone) {
        super("XMPP", "the XMPP server", CALLERS);
        this.everyone = everyone;
        this.server = server;
        this.options = options;
        this.inbox = inbox;
        this.groups = groups;
    }

    /** Sends waiting for the server's answer to the ping behind them: their stanza ids, and a refusal that came first. */
    private record Pending(Set<String> ids, AtomicReference<ChatException> refused) {
    }

    private XMPPTCPConnection client(String name, String secret) throws XmppStringprepException {
        XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(XmppDriver.DOMAIN).setHostAddress(server.getAddress()).setPort(server.getPort())
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled) // plain TCP on loopback, as for MQTT and IRC
                .setConnectTimeout((int) options.connectTimeout().toMillis())
                .setSocketFactory(NoDelaySocketFactory.INSTANCE);
        if (name != null) {
            config.setUsernameAndPassword(name, secret).setResource(RESOURCE);
        }
        XMPPTCPConnection c = new XMPPTCPConnection(config.build());
        c.setReplyTimeout(options.requestTimeout().toMillis());
        return c;
    }

    /** One login of the user's, and what it waits for. */
    private final class Session implements ConnectionListener {
        final XMPPTCPConnection xmpp;
        final String nick;
        final ConcurrentLinkedDeque<Pending> sends = new ConcurrentLinkedDeque<>();
        /** The rooms this login is in, by room name. */
        final Map<String, MultiUserChat> rooms = new ConcurrentHashMap<>();
        volatile boolean up;
        volatile boolean leaving;

        Session(String name, String secret) throws XmppStringprepException {
            this.nick = name;
            this.xmpp = client(name, secret);
            xmpp.addConnectionListener(this);
            // on the connection's reader, in the order they arrive, and before the answer to a ping
            // that came after them completes its send
            xmpp.addStanzaListener(stanza -> heard((Message) stanza), StanzaTypeFilter.MESSAGE);
        }

        private void heard(Message m) {
            switch (m.getType()) {
                case error -> refused(m);
                case groupchat -> {
                    String from = m.getFrom() == null ? "" : m.getFrom().getResourceOrEmpty().toString();
                    if (m.getBody() == null || from.isEmpty() || from.equals(nick)) {
                        return; // the room's subject, or this user's own message reflected
                    }
                    String room = m.getFrom().getLocalpartOrNull() == null ? "" : m.getFrom().getLocalpartOrNull().toString();
                    arrived(from, m.getBody(), room.equals(XmppDriver.EVERYONE) ? "broadcast" : "group");
                }
                default -> {
                    if (m.getBody() != null && m.getFrom() != null && m.getFrom().getLocalpartOrNull() != null) {
                        arrived(m.getFrom().getLocalpartOrNull().toString(), m.getBody(), "unicast");
                    }
                }
            }
        }

        private void arrived(String from, String text, String mode) {
            inbox.onMessage(new Inbox.Arrival(from, 0, arrivals.incrementAndGet(), text, mode));
        }

        /** A message sent back as an error: the send it belongs to is refused when the ping behind it is answered. */
        private void refused(Message m) {
            StanzaError error = m.getError();
            String condition = error == null ? "unknown" : error.getCondition().toString();
            ErrorCode code = switch (condition) {
                case "service-unavailable", "item-not-found", "recipient-unavailable" -> ErrorCode.UNKNOWN_USER;
                case "not-acceptable", "forbidden", "not-allowed" -> ErrorCode.NOT_A_MEMBER;
                default -> ErrorCode.UNEXPECTED_RESPONSE;
            };
            for (Pending p : sends) {
                if (p.ids().contains(m.getStanzaId())) {
                    p.refused().compareAndSet(null, new ChatException(code, "the XMPP server refused a message to "
                            + m.getFrom() + ": " + condition));
                    return;
                }
            }
        }

        /** Joins {@code room} without its history; answers once the room has taken this user in. */
        void join(String room) throws Exception {
            if (rooms.containsKey(room)) {
                return;
            }
            EntityBareJid jid = JidCreate.entityBareFrom(Localpart.from(room), JidCreate.domainBareFrom(XmppDriver.ROOMS));
            MultiUserChat muc = MultiUserChatManager.getInstanceFor(xmpp).getMultiUserChat(jid);
            muc.join(muc.getEnterConfigurationBuilder(Resourcepart.from(nick)).requestNoHistory()
                    .timeoutAfter(options.requestTimeout().toMillis()).build());
            rooms.put(room, muc);
        }

        /**
         * Sends {@code messages} and a ping of the server behind them; answers when the server's
         * reply says it handled them, or with the refusal one of them came back with.
         */
        CompletableFuture<Sent> sendAndPing(List<? extends Stanza> messages, Sent sent) {
            Pending p = new Pending(ConcurrentHashMap.newKeySet(), new AtomicReference<>());
            messages.forEach(m -> p.ids().add(m.getStanzaId()));
            CompletableFuture<Sent> answer = new CompletableFuture<>();
            try {
                synchronized (this) { // the messages and their ping stay together on the stream
                    sends.addLast(p);
                    for (Stanza m : messages) {
                        xmpp.sendStanza(m);
                    }
                    pingServer().onCompletion(ping -> {
                                sends.remove(p);
                                try {
                                    ping.getOrThrow();
                                    ChatException refusal = p.refused().get();
                                    if (refusal != null) {
                                        answer.completeExceptionally(refusal);
                                    } else {
                                        answer.complete(sent);
                                    }
                                } catch (Exception e) {
                                    answer.completeExceptionally(e);
                                }
                            });
                }
            } catch (SmackException.NotConnectedException | InterruptedException e) {
                sends.remove(p);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                answer.completeExceptionally(e);
            }
            return within(answer);
        }

        /** A ping of the server: its answer says the server has handled everything sent before it. */
        SmackFuture<Boolean, Exception> pingServer() {
            return PingManager.getInstanceFor(xmpp).pingAsync(xmpp.getXMPPServiceDomain(), options.requestTimeout().toMillis());
        }

        @Override
        public void connectionClosedOnError(Exception e) {
            boolean wasUp = up;
            up = false;
            if (wasUp && !leaving && !closed.get() && session == this) {
                inbox.onLost(new ChatException(ErrorCode.CONNECTION_LOST, "the XMPP connection closed: " + e.getMessage(), e));
            }
        }

        @Override
        public void connectionClosed() {
            up = false;
        }

        void leave() {
            leaving = true;
            up = false;
            xmpp.disconnect();
        }
    }

    private <T> CompletableFuture<T> within(CompletableFuture<T> answer) {
        return within(answer, options.requestTimeout());
    }

    /** Runs Smack's blocking {@code work} off the caller's thread, its failure in the lab's terms. */
    private <T> CompletableFuture<T> blocking(java.util.concurrent.Callable<T> work) {
        return within(CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(inLabTerms(e));
            }
        }, CALLERS));
    }

    /** What Smack's own failures mean: unreachable, refused credentials, a name taken; null for the others. */
    @Override
    protected ChatException ownFailure(Throwable cause) {
        if (cause instanceof SmackException.EndpointConnectionException e) {
            return new ChatException(ErrorCode.SERVER_UNREACHABLE, "XMPP server unreachable: " + e.getMessage(), e);
        }
        if (cause instanceof SASLErrorException e) {
            return new ChatException(ErrorCode.WRONG_PASSWORD, "the XMPP server refused the login: "
                    + e.getSASLFailure().getSASLErrorString(), e);
        }
        if (cause instanceof XMPPException.XMPPErrorException e) {
            String condition = e.getStanzaError().getCondition().toString();
            ErrorCode code = switch (condition) {
                case "conflict" -> ErrorCode.USERNAME_TAKEN;
                case "not-acceptable", "bad-request", "jid-malformed" -> ErrorCode.INVALID_USERNAME;
                case "forbidden", "not-allowed", "registration-required" -> ErrorCode.NOT_A_MEMBER;
                default -> ErrorCode.UNEXPECTED_RESPONSE;
            };
            return new ChatException(code, "the XMPP server refused: " + condition, e);
        }
        if (cause instanceof XmppStringprepException e) {
            return new ChatException(ErrorCode.INVALID_USERNAME, "not an XMPP name: " + e.getMessage(), e);
        }
        if (cause instanceof SmackException.NoResponseException) {
            return new ChatException(ErrorCode.TIMEOUT, "the XMPP server did not answer in time", cause);
        }
        return null;
    }

    private Session connected() {
        Session s = session;
        if (s == null || !s.up) {
            throw new ChatException(ErrorCode.NOT_LOGGED_IN, "not connected to the XMPP server");
        }
        return s;
    }

    /** Registers the account in band (XEP-0077), on a connection of its own that ends when it is made. */
    @Override
    public CompletableFuture<Void> signup(String name, String secret) {
        return blocking(() -> {
            XMPPTCPConnection c = client(null, null);
            try {
                c.connect();
                AccountManager accounts = AccountManager.getInstance(c);
                accounts.sensitiveOperationOverInsecureConnection(true); // loopback only
                accounts.createAccount(Localpart.from(name), secret);
                return null;
            } finally {
                c.disconnect();
            }
        });
    }

    @Override
    public CompletableFuture<Void> login(String name, String secret) {
        return blocking(() -> {
            Session s = new Session(name, secret);
            session = s;
            try {
                s.xmpp.connect();
                s.xmpp.login();
                if (everyone) {
                    s.join(XmppDriver.EVERYONE);
                }
                Set<String> mine = groups.getOrDefault(name, Set.of());
                for (String g : mine) {
                    s.join(XmppDriver.GROUPS + g);
                }
                if (!everyone && mine.isEmpty()) {
                    // Smack's login sends the initial presence without waiting: until the server
                    // has taken it, a chat message for the user goes to its offline store, and may
                    // stay there until the next login. A room's answer to a join came after it;
                    // without one, the answer to a ping does.
                    s.pingServer().getOrThrow();
                }
            } catch (Exception e) {
                s.leave();
                throw e;
            }
            s.up = true;
            loggedIn(name, secret);
            return null;
        });
    }



    /**
     * A status as the user's presence: online is available, away away, idle extended away
     * ({@code xa}), do not disturb {@code dnd}, each with the status as its text; sent to the
     * server (which gives it to the user's contacts) and to each room this login is in (whose
     * occupants see it), then a ping, as a message is. Unavailable presence would end delivery
     * to the client, so appearing offline is refused.
     */
    @Override
    public CompletableFuture<Void> setStatus(UserStatus status) {
        Presence.Mode mode = switch (status) {
            case ONLINE -> Presence.Mode.available;
            case AWAY -> Presence.Mode.away;
            case IDLE -> Presence.Mode.xa;
            case DND -> Presence.Mode.dnd;
            case OFFLINE -> null;
        };
        if (mode == null) {
            return refused("way to appear offline and still be given messages");
        }
        try {
            Session s = connected();
            List<Presence> presences = new ArrayList<>();
            presences.add(presence(s, mode, status, null));
            for (MultiUserChat room : s.rooms.values()) {
                presences.add(presence(s, mode, status, JidCreate.fullFrom(room.getRoom(), Resourcepart.from(s.nick))));
            }
            return s.sendAndPing(presences, new Sent(null, null, null, null)).thenApply(sent -> null);
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        } catch (XmppStringprepException e) {
            return CompletableFuture.failedFuture(inLabTerms(e));
        }
    }

    private static Presence presence(Session s, Presence.Mode mode, UserStatus status, Jid to) {
        var builder = s.xmpp.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).setMode(mode)
                .setStatus(status.wire());
        if (to != null) {
            builder.to(to);
        }
        return builder.build();
    }

    /** Sends its presence as unavailable and closes the stream; answers once it is closed. */
    @Override
    public CompletableFuture<Void> logout() {
        Session s = session;
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return blocking(() -> {
            s.leave();
            loggedOut();
            return null;
        });
    }

    @Override
    public CompletableFuture<Sent> send(Audience mode, List<String> names, String text) {
        try {
            Session s = connected();
            return switch (mode) {
                case UNICAST, MULTICAST -> {
                    List<Message> messages = new ArrayList<>();
                    for (String to : names) {
                        messages.add(s.xmpp.getStanzaFactory().buildMessageStanza().ofType(Message.Type.chat)
                                .to(JidCreate.entityBareFrom(Localpart.from(to), JidCreate.domainBareFrom(XmppDriver.DOMAIN)))
                                .setBody(text).build());
                    }
                    // a user who is offline gets it at login: the server does not say which were
                    yield s.sendAndPing(messages, new Sent(null, names.size(), null, null));
                }
                case BROADCAST -> everyone ? toRoom(s, XmppDriver.EVERYONE, text)
                        : refused("room for everyone on this run's connections (its scenario has no broadcasts)");
                default -> refused("way to send to everyone but some (" + mode.name().toLowerCase(Locale.ROOT) + ")");
            };
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        } catch (XmppStringprepException e) {
            return CompletableFuture.failedFuture(inLabTerms(e));
        }
    }

    private CompletableFuture<Sent> toRoom(Session s, String room, String text) throws XmppStringprepException {
        Jid jid = JidCreate.entityBareFrom(Localpart.from(room), JidCreate.domainBareFrom(XmppDriver.ROOMS));
        Message m = s.xmpp.getStanzaFactory().buildMessageStanza().ofType(Message.Type.groupchat).to(jid).setBody(text)
                .build();
        return s.sendAndPing(List.of(m), new Sent(null, null, null, null));
    }

    @Override
    public CompletableFuture<Sent> sendToGroup(String group, String text) {
        try {
            return toRoom(connected(), XmppDriver.GROUPS + group, text);
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        } catch (XmppStringprepException e) {
            return CompletableFuture.failedFuture(inLabTerms(e));
        }
    }

    /** A group is a room, made by its first join. */
    @Override
    public CompletableFuture<Void> createGroup(String group, String about) {
        return join(group);
    }

    @Override
    public CompletableFuture<Void> join(String group) {
        Session s;
        try {
            s = connected();
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
        return blocking(() -> {
            s.join(XmppDriver.GROUPS + group);
            groups.computeIfAbsent(s.nick, u -> ConcurrentHashMap.newKeySet()).add(group);
            return null;
        });
    }

    @Override
    public boolean isConnected() {
        Session s = session;
        return s != null && s.up;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        Session s = session;
        if (s == null || !type.isInstance(s.xmpp)) {
            throw new IllegalArgumentException("an XMPP connection holds a Smack XMPPTCPConnection, not a "
                    + type.getSimpleName());
        }
        return type.cast(s.xmpp);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Session s = session;
        if (s != null) {
            s.leave();
        }
    }
}

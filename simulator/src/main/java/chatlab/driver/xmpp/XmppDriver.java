package chatlab.driver.xmpp;

import chatlab.driver.Connection;
import chatlab.driver.Driver;
import chatlab.driver.Inbox;
import chatlab.driver.Promise;
import chatlab.protocol.Audience;
import chatlab.workload.Behaviour;
import chatlab.workload.Scenario;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * XMPP (RFC 6120, 6121) through the Smack client library, as a chat: a user is an account
 * {@code user@}{@link #DOMAIN} made by in-band registration (XEP-0077), logged in with one
 * resource; a unicast is a chat message, a multicast one chat message to each recipient;
 * everyone is the room {@link #EVERYONE} and a group the room {@code g-GROUP}, both on {@link
 * #ROOMS} (multi-user chat, XEP-0045), joined at login without history. XMPP acknowledges no
 * message to its sender without stream management, so each send is followed by a ping of the
 * server (XEP-0199): the server handles one stream's stanzas in order, so its answer says the
 * message was routed (to the recipient's connection, to a room, or to storage for a user who is
 * offline). A room forgets who was in it when they go, so the driver keeps each user's groups and
 * joins them again at the user's every login, as an XMPP client keeps its bookmarks. A status
 * is the user's presence (away, extended away for idle, do not disturb), sent to the server and
 * to each room the login is in, then a ping. XMPP has no list of who is online for a user
 * (only its contacts' presence), so {@code who} is refused, as are blocks and the board.
 */
public final class XmppDriver implements Driver {
    /** The server's domain, as {@code peers/prosody.cfg.lua} and {@code peers/ejabberd.yml} name their virtual host. */
    static final String DOMAIN = "localhost";
    /** The multi-user chat service. */
    static final String ROOMS = "conference." + DOMAIN;
    /** The room every user joins at login: a broadcast goes to it. */
    static final String EVERYONE = "chatlab";
    /** A group's room is this prefix and the group's name. */
    static final String GROUPS = "g-";

    private static final Set<Behaviour> EXPRESSIBLE = EnumSet.of(Behaviour.UNICAST, Behaviour.MULTICAST,
            Behaviour.BROADCAST, Behaviour.GROUP, Behaviour.RELOGIN, Behaviour.LEAVE, Behaviour.STATUS);

    /** The groups each user joined, by user. */
    private final Map<String, Set<String>> groups = new ConcurrentHashMap<>();
    /** Whether each login joins {@link #EVERYONE}: only a scenario with broadcasts needs it. */
    private final boolean everyone;

    /** A driver whose users join {@link #EVERYONE} at each login. */
    public XmppDriver() {
        this(true);
    }

    /**
     * A driver whose users join {@link #EVERYONE} at login only if {@code everyone}: the room tells
     * each occupant of every other's arrival, so a thousand users in it cost a million presences
     * that a scenario without broadcasts has no use for.
     */
    public XmppDriver(boolean everyone) {
        this.everyone = everyone;
    }

    @Override
    public String name() {
        return "xmpp";
    }

    /**
     * At most once (nothing is sent again without stream management), in order per sender on each
     * route (one stream each, handled in order; RFC 6120 keeps the order of one entity's stanzas
     * to another, and a room is another entity, so a chat message and a room's message from one
     * sender may overtake each other), not across a crash (the lab does not know that the server
     * synced its storage before it answered), and a room's message only to those in the room when
     * it is sent: a chat message for a user who is offline is kept and delivered at their login.
     */
    @Override
    public Promise promise() {
        return new Promise(Promise.Delivery.AT_MOST_ONCE, true, false, EnumSet.of(Audience.BROADCAST, Audience.GROUP))
                .piecemeal().perRoute();
    }

    @Override
    public List<String> refusals(Scenario scenario) {
        return Driver.refusals(scenario, EXPRESSIBLE, "XMPP");
    }

    /** XMPP has presence, but only between users subscribed to each other; the driver does not subscribe them yet. */
    @Override
    public boolean presence() {
        return false;
    }

    @Override
    public Connection connect(InetSocketAddress server, Connection.Options options, Inbox inbox) {
        return new XmppConnection(server, options, inbox, groups, everyone);
    }
}

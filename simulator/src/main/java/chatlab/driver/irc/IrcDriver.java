package chatlab.driver.irc;

import chatlab.driver.Connection;
import chatlab.driver.Driver;
import chatlab.driver.Inbox;
import chatlab.driver.Promise;
import chatlab.workload.Behaviour;
import chatlab.workload.GroupSpec;
import chatlab.workload.Scenario;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IRC (RFC 2812) through the Kitteh IRC client library, as a chat: a user is a nickname on a
 * connection, everyone is the channel {@link #EVERYONE}, a group is the channel {@code #g-GROUP}.
 * A unicast or multicast is one {@code PRIVMSG} to the recipients' nicknames, a broadcast or a
 * group message one to the channel. IRC acknowledges nothing, so each send is followed by a
 * {@code PING}: the server handles one connection's commands in order, so its {@code PONG} says
 * the message was handled (a recipient that is not there is named in a {@code 401} before it).
 * A status is the user's away message ({@code AWAY}: away, idle and do not disturb mark the
 * user away with that text, online unmarks; answered by {@code 306} and {@code 305}), and
 * {@code who} is the server's count of its users ({@code LUSERS}, answered by {@code 251}).
 * IRC has no accounts, passwords, blocks or board: those requests are refused, and sign-up makes
 * nothing. An IRC server forgets a user's channels when it goes, so the driver
 * keeps each user's groups, as an IRC client keeps its list of channels to join, and every
 * connection it makes joins them again at the user's login.
 */
public final class IrcDriver implements Driver {
    /** The channel every user joins on login: a broadcast goes to it. */
    static final String EVERYONE = "#chatlab";
    /** A group's channel is this prefix and the group's name. */
    static final String GROUPS = "#g-";

    private static final Set<Behaviour> EXPRESSIBLE = EnumSet.of(Behaviour.UNICAST, Behaviour.MULTICAST,
            Behaviour.BROADCAST, Behaviour.GROUP, Behaviour.RELOGIN, Behaviour.LEAVE, Behaviour.STATUS, Behaviour.WHO);

    /** The groups each user joined, by user. */
    private final Map<String, Set<String>> groups = new ConcurrentHashMap<>();
    /** Whether each login joins {@link #EVERYONE}: only a scenario with broadcasts needs it. */
    private final boolean everyone;

    /** A driver whose users join {@link #EVERYONE} at each login. */
    public IrcDriver() {
        this(true);
    }

    /**
     * A driver whose users join {@link #EVERYONE} at login only if {@code everyone}: each join is
     * told to everyone in the channel, so a thousand users joining it cost a million lines that a
     * scenario without broadcasts has no use for.
     */
    public IrcDriver(boolean everyone) {
        this.everyone = everyone;
    }

    @Override
    public String name() {
        return "irc";
    }

    /**
     * At most once (nothing is sent again), in order per sender (one server, one connection each),
     * kept in memory only, and only to users connected when it is sent: IRC holds nothing for
     * a user who is not there.
     */
    @Override
    public Promise promise() {
        return new Promise(Promise.Delivery.AT_MOST_ONCE, true, false, true).piecemeal();
    }

    /** The longest message text a scenario may ask for: an IRC line holds 512 bytes, prefix and target included. */
    static final int MOST_TEXT_BYTES = 300;

    @Override
    public List<String> refusals(Scenario scenario) {
        List<String> why = new ArrayList<>(Driver.refusals(scenario, EXPRESSIBLE, "IRC"));
        for (GroupSpec g : scenario.groups()) {
            if (g.messageSize() > MOST_TEXT_BYTES) {
                why.add("group " + g.name() + ": messageSize " + g.messageSize() + " does not fit in an IRC line (at most "
                        + MOST_TEXT_BYTES + ")");
            }
        }
        return why;
    }

    @Override
    public boolean presence() {
        return false;
    }

    @Override
    public Connection connect(InetSocketAddress server, Connection.Options options, Inbox inbox) {
        return new IrcConnection(server, options, inbox, groups, everyone);
    }
}

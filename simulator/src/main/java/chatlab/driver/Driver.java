package chatlab.driver;

import chatlab.protocol.ChatException;
import chatlab.workload.Behaviour;
import chatlab.workload.GroupSpec;
import chatlab.workload.Scenario;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A chat protocol the simulator can drive. The simulated users, set-up and the attackers speak
 * to the server under test only through a driver's {@link Connection}s, and hear from it only
 * through their {@link Inbox}: the history they record, and so the checkers and measurements,
 * know nothing of the protocol. chatlab's own protocol is one driver ({@code ChatlabDriver}).
 */
public interface Driver {
    /** Its name, as runs and reports give it. */
    String name();

    /** What it promises of each acknowledged message, by which the delivery checker judges its runs. */
    Promise promise();

    /**
     * Why the protocol cannot run {@code scenario}, one reason for each thing it cannot express
     * (a behaviour, blocks, attackers); empty when it can.
     */
    List<String> refusals(Scenario scenario);

    /** Whether the protocol tells a user of others coming online ({@link Inbox#onPresence}). */
    boolean presence();

    /**
     * Connects one user's client to {@code server}; what arrives goes to {@code inbox}. Throws
     * a {@link ChatException} (code {@code server_unreachable} and the like) when it cannot.
     */
    Connection connect(InetSocketAddress server, Connection.Options options, Inbox inbox);

    /**
     * A protocol's refusals of what it cannot express: each behaviour of a group's mix outside
     * {@code expressible}, and blocks; {@code protocol} names it ("MQTT").
     */
    static List<String> refusals(Scenario scenario, Set<Behaviour> expressible, String protocol) {
        List<String> why = new ArrayList<>();
        String can = expressible.stream().map(Behaviour::key).collect(Collectors.joining(", "));
        for (GroupSpec g : scenario.groups()) {
            for (Behaviour b : g.mix().weights().keySet()) {
                if (!expressible.contains(b)) {
                    why.add("group " + g.name() + ": " + protocol + " cannot express '" + b.key() + "' (it can: " + can + ")");
                }
            }
        }
        if (scenario.blocks().share() > 0) {
            why.add("blocks: " + protocol + " has no way for one user to block another");
        }
        return why;
    }
}

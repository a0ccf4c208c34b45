package chatlab.driver;

import chatlab.protocol.ChatException;
import java.net.InetSocketAddress;

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
    java.util.List<String> refusals(chatlab.workload.Scenario scenario);

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
    static java.util.List<String> refusals(chatlab.workload.Scenario scenario, java.util.Set<chatlab.workload.Behaviour> expressible,
            String protocol) {
        java.util.List<String> why = new java.util.ArrayList<>();
        String can = expressible.stream().map(chatlab.workload.Behaviour::key).collect(java.util.stream.Collectors.joining(", "));
        for (chatlab.workload.GroupSpec g : scenario.groups()) {
            for (chatlab.workload.Behaviour b : g.mix().weights().keySet()) {
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

package chatlab.driver.mqtt;

import chatlab.driver.Connection;
import chatlab.driver.Driver;
import chatlab.driver.Inbox;
import chatlab.driver.Promise;
import chatlab.workload.Behaviour;
import chatlab.workload.Scenario;
import java.util.List;
import java.net.InetSocketAddress;

/**
 * MQTT 5 through the HiveMQ MQTT client, as a chat: each user has a persistent session (made at
 * sign-up, kept for a day) subscribed at QoS 1 to its own topic {@code chatlab/u/USER} and to
 * {@code chatlab/all}; a group is the topic {@code chatlab/g/GROUP}. A unicast or multicast is a
 * publish to each recipient's topic, a broadcast one to {@code chatlab/all}, a group message one
 * to the group's topic; the sender and the mode travel as user properties, and {@code noLocal}
 * keeps a user's own broadcasts and group messages from coming back to it. A broker holds what
 * arrives for a user who is offline in that user's session until it comes back. MQTT has no
 * accounts, passwords that lock, presence, blocks, statuses or board: those requests are refused.
 */
public final class MqttDriver implements Driver {
    static final String USERS = "chatlab/u/";
    static final String ALL = "chatlab/all";
    static final String GROUPS = "chatlab/g/";
    /** How long a broker keeps a user's session, and what arrives for it, after it disconnects. */
    static final long SESSION_EXPIRY_SECONDS = 86_400;

    /** The domain a broker wants after each user's name at login ("localhost": ejabberd's), or null for the bare name. */
    private final String loginDomain;

    /** A driver that logs users in by their bare names, as mosquitto takes them. */
    public MqttDriver() {
        this(null);
    }

    /** A driver that logs each user in as {@code USER@loginDomain}, as ejabberd's MQTT wants a JID. */
    public MqttDriver(String loginDomain) {
        this.loginDomain = loginDomain;
    }

    @Override
    public String name() {
        return "mqtt";
    }

    /**
     * QoS 1: at least once; a broker keeps one client's messages on a topic in order (MQTT 5,
     * 4.6: an "Ordered Topic"), and nothing more, so a sender's messages to a user's topic, to
     * everyone's and to a group's are each in order, not between them; and the brokers the lab
     * starts keep nothing on disk, so what one held is lost if it is killed.
     */
    @Override
    public Promise promise() {
        return new Promise(Promise.Delivery.AT_LEAST_ONCE, true, false).piecemeal().perRoute();
    }

    /** What MQTT can express of a chat: messages to users, to everyone, to a group; users who leave and come back. */
    private static final java.util.Set<Behaviour> EXPRESSIBLE = java.util.EnumSet.of(Behaviour.UNICAST,
            Behaviour.MULTICAST, Behaviour.BROADCAST, Behaviour.GROUP, Behaviour.RELOGIN, Behaviour.LEAVE);

    @Override
    public List<String> refusals(Scenario scenario) {
        return Driver.refusals(scenario, EXPRESSIBLE, "MQTT");
    }

    @Override
    public boolean presence() {
        return false;
    }

    @Override
    public Connection connect(InetSocketAddress server, Connection.Options options, Inbox inbox) {
        return new MqttConnection(server, options, inbox, loginDomain);
    }
}

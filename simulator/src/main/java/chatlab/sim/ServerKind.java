package chatlab.sim;

import chatlab.driver.Driver;
import chatlab.driver.PeerServer;
import chatlab.driver.chatlab.ChatlabDriver;
import chatlab.driver.irc.IrcDriver;
import chatlab.driver.irc.Ngircd;
import chatlab.driver.mqtt.Mosquitto;
import chatlab.driver.mqtt.MqttDriver;
import chatlab.driver.Ejabberd;
import chatlab.driver.xmpp.Prosody;
import chatlab.driver.xmpp.XmppDriver;
import chatlab.tls.ChannelSecurity;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which server a run drives (the lab starts it, or it runs at --target), and so through which driver. */
public enum ServerKind {
    /** chatlab's own server, through its own protocol. */
    CHATLAB(null, "chatlab's protocol over TLS"),
    /** The mosquitto MQTT broker (Debian's package), through the MQTT driver. */
    MOSQUITTO(Mosquitto.PROGRAM, "MQTT 5 over TCP"),
    /** The ngIRCd IRC server (Debian's package), through the IRC driver. */
    NGIRCD(Ngircd.PROGRAM, "IRC over TCP"),
    /** The Prosody XMPP server (Debian's package), through the XMPP driver. */
    PROSODY(Prosody.PROGRAM, "XMPP over TCP"),
    /** The ejabberd XMPP server (Debian's package), through the XMPP driver. */
    EJABBERD(Ejabberd.XMPP, "XMPP over TCP"),
    /** ejabberd's MQTT broker (the same package), through the MQTT driver, logging users in as USER@localhost. */
    EJABBERD_MQTT(Ejabberd.MQTT, "MQTT 5 over TCP");

    private final PeerServer.Program program;
    private final String speaks;

    ServerKind(PeerServer.Program program, String speaks) {
        this.program = program;
        this.speaks = speaks;
    }

    /** The driver for this server; {@code security} is how a chatlab client trusts it (others speak plain TCP). */
    public Driver driver(ChannelSecurity security) {
        return driver(security, true);
    }

    /**
     * The driver for running {@code scenario}: its users join a channel or room for everyone only
     * when some group broadcasts.
     */
    public Driver driver(ChannelSecurity security, chatlab.workload.Scenario scenario) {
        return driver(security, scenario.groups().stream()
                .anyMatch(g -> g.mix().weights().containsKey(chatlab.workload.Behaviour.BROADCAST)));
    }

    private Driver driver(ChannelSecurity security, boolean everyone) {
        return switch (this) {
            case CHATLAB -> new ChatlabDriver(security, "chatlab-sim");
            case MOSQUITTO -> new MqttDriver();
            case EJABBERD_MQTT -> new MqttDriver("localhost");
            case NGIRCD -> new IrcDriver(everyone);
            case PROSODY, EJABBERD -> new XmppDriver(everyone);
        };
    }

    /** The program the lab starts for another project's server; null for chatlab's own. */
    public PeerServer.Program program() {
        return program;
    }

    /** What the lab speaks to it, for the console: "MQTT 5 over TCP". */
    public String speaks() {
        return speaks;
    }

    /** Why this server's protocol cannot run {@code scenario}, one line each; empty when it can. */
    public java.util.List<String> refusals(chatlab.workload.Scenario scenario) {
        return driver(new ChannelSecurity.Plaintext()).refusals(scenario); // what a protocol expresses is not a matter of trust
    }

    /** As given on the command line: chatlab, mosquitto, ngircd, prosody, ejabberd, ejabberd-mqtt. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a name given on the command line, naming those there are when it is none of them. */
    public static ServerKind parse(String text) {
        for (ServerKind k : values()) {
            if (k.key().equals(text.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("--server takes " + Arrays.stream(values()).map(ServerKind::key)
                .collect(Collectors.joining(", ")) + ", not '" + text + "'");
    }
}

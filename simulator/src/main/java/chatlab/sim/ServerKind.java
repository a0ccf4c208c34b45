package chatlab.sim;

import chatlab.driver.Driver;
import chatlab.driver.chatlab.ChatlabDriver;
import chatlab.driver.mqtt.MqttDriver;
import chatlab.tls.ChannelSecurity;
import java.util.Locale;

/** Which server a run drives (the lab starts it, or it runs at --target), and so through which driver. */
public enum ServerKind {
    /** chatlab's own server, through its own protocol. */
    CHATLAB,
    /** The mosquitto MQTT broker (Debian's package), through the MQTT driver. */
    MOSQUITTO;

    /** The driver for this server; {@code security} is how a chatlab client trusts it (others speak plain TCP). */
    public Driver driver(ChannelSecurity security) {
        return switch (this) {
            case CHATLAB -> new ChatlabDriver(security, "chatlab-sim");
            case MOSQUITTO -> new MqttDriver();
        };
    }

    /** Why this server's protocol cannot run {@code scenario}, one line each; empty when it can. */
    public java.util.List<String> refusals(chatlab.workload.Scenario scenario) {
        return driver(new ChannelSecurity.Plaintext()).refusals(scenario); // what a protocol expresses is not a matter of trust
    }

    /** As given on the command line: chatlab, mosquitto. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a name given on the command line, naming those there are when it is none of them. */
    public static ServerKind parse(String text) {
        for (ServerKind k : values()) {
            if (k.key().equals(text.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("--server takes chatlab or mosquitto, not '" + text + "'");
    }
}

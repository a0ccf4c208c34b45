package chatlab.driver.mqtt;

import chatlab.driver.PeerServer;
import java.util.List;

/**
 * The mosquitto broker (Debian's package), as the lab starts it: loopback only, on a free port,
 * with {@code peers/mosquitto.conf}. That configuration keeps nothing on disk, so what it held is
 * gone after a kill: MQTT's promise, as this broker keeps it, does not survive a crash.
 */
public final class Mosquitto {
    public static final PeerServer.Program PROGRAM = new PeerServer.Program("mosquitto", "mosquitto",
            (program, config) -> List.of(program.toString(), "-c", config.toString()));

    private Mosquitto() {
    }
}

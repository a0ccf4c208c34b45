package chatlab.driver;

import chatlab.driver.mqtt.Mosquitto;
import chatlab.driver.mqtt.MqttDriver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT driver against a real mosquitto on loopback, started with the project's configuration. */
class MqttDriverIT extends DriverContract {
    @TempDir
    Path dir;
    private chatlab.driver.PeerServer broker;

    @BeforeEach
    void start() throws Exception {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.mqtt.Mosquitto.PROGRAM);
        broker = PeerServer.start(Mosquitto.PROGRAM, dir);
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    protected Driver driver() {
        return new MqttDriver();
    }

    @Override
    protected InetSocketAddress server() {
        return broker.address();
    }

    @Override
    protected void stopServer() {
        broker.close();
    }
}

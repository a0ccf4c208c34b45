package chatlab.driver;

import chatlab.driver.mqtt.Mosquitto;
import chatlab.driver.mqtt.MqttDriver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT driver against a real mosquitto on loopback, started with the project's configuration. */
class MqttDriverIT extends DriverContract {
    @TempDir
    Path dir;
    private Mosquitto broker;

    @BeforeEach
    void start() throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Mosquitto.installed(), "mosquitto is not installed (./lab test installs it)");
        }
        broker = Mosquitto.start(dir);
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

package chatlab.driver;

import chatlab.driver.mqtt.Mosquitto;
import chatlab.driver.mqtt.MqttDriver;

/** The MQTT driver against a real mosquitto on loopback, started with the project's configuration. */
class MqttDriverIT extends PeerDriverContract {
    MqttDriverIT() {
        super(Mosquitto.PROGRAM, new MqttDriver());
    }
}

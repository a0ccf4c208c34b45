package chatlab.driver;

import chatlab.driver.mqtt.MqttDriver;

/** The MQTT driver against a real ejabberd's MQTT on loopback, started with the project's configuration. */
class EjabberdMqttDriverIT extends PeerDriverContract {
    EjabberdMqttDriverIT() {
        super(Ejabberd.MQTT, new MqttDriver("localhost"));
    }
}

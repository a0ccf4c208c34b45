package chatlab.sim;

import chatlab.driver.mqtt.Mosquitto;
import chatlab.nemesis.ServerControl;
import java.io.PrintStream;

/** A mosquitto a run started, as the nemesis kills and restarts it on its port, or freezes and thaws it. */
record BrokerControl(Mosquitto broker, PrintStream console) implements ServerControl {
    @Override
    public void kill() {
        broker.kill();
        console.println("Nemesis: mosquitto killed (kill -9)");
    }

    @Override
    public void restart() {
        broker.restart();
        console.println("Nemesis: mosquitto restarted, pid " + broker.pid());
    }

    @Override
    public void pause() {
        broker.pause();
    }

    @Override
    public void resume() {
        broker.resume();
    }
}

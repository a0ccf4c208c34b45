package chatlab.sim;

import chatlab.driver.PeerServer;
import chatlab.nemesis.ServerControl;
import java.io.PrintStream;

/** A peer server a run started (mosquitto, ngircd), as the nemesis kills and restarts it on its port, or freezes and thaws it. */
record BrokerControl(PeerServer broker, PrintStream console) implements ServerControl {
    @Override
    public void kill() {
        broker.kill();
        console.println("Nemesis: " + broker.name() + " killed (kill -9)");
    }

    @Override
    public void restart() {
        broker.restart();
        console.println("Nemesis: " + broker.name() + " restarted, pid " + broker.pid());
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

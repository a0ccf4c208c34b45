package chatlab.net.toxic;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.time.Duration;

/** Delays the closing of the connection by {@code delay}. */
public record SlowClose(Duration delay, Direction direction, double toxicity) implements Toxic {
    public SlowClose {
        Toxic.checkNotNegative(delay.toMillis(), "delay");
        Toxic.checkToxicity(toxicity);
    }

    @Override
    public String kind() {
        return "slow_close";
    }

    @Override
    public String what() {
        return "slow_close " + chatlab.p2p.impair.Units.format(delay);
    }

    @Override
    public eu.rekawek.toxiproxy.model.Toxic create(ToxicList toxics, String name, ToxicDirection stream)
            throws IOException {
        return toxics.slowClose(name, stream, delay.toMillis());
    }
}

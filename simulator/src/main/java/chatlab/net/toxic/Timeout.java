package chatlab.net.toxic;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.time.Duration;

/** Stops all data, and closes the connection after {@code timeout} (never, if zero). */
public record Timeout(Duration timeout, Direction direction, double toxicity) implements Toxic {
    public Timeout {
        Toxic.checkNotNegative(timeout.toMillis(), "timeout");
        Toxic.checkToxicity(toxicity);
    }

    @Override
    public String kind() {
        return "timeout";
    }

    @Override
    public String what() {
        return "black hole, closed after " + chatlab.p2p.impair.Units.format(timeout);
    }

    @Override
    public eu.rekawek.toxiproxy.model.Toxic create(ToxicList toxics, String name, ToxicDirection stream)
            throws IOException {
        return toxics.timeout(name, stream, timeout.toMillis());
    }
}

package chatlab.net.toxic;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;

/** Limits the data rate to {@code kilobytesPerSecond} KB/s. */
public record Bandwidth(long kilobytesPerSecond, Direction direction, double toxicity) implements Toxic {
    public Bandwidth {
        Toxic.checkNotNegative(kilobytesPerSecond, "bandwidth");
        Toxic.checkToxicity(toxicity);
    }

    @Override
    public String kind() {
        return "bandwidth";
    }

    @Override
    public String what() {
        return "bandwidth " + kilobytesPerSecond + " KB/s";
    }

    @Override
    public eu.rekawek.toxiproxy.model.Toxic create(ToxicList toxics, String name, ToxicDirection stream)
            throws IOException {
        return toxics.bandwidth(name, stream, kilobytesPerSecond);
    }
}

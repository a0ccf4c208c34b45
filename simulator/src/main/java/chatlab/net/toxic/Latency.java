package chatlab.net.toxic;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.time.Duration;

/** Adds a delay, give or take {@code jitter}, to the data. */
public record Latency(Duration latency, Duration jitter, Direction direction, double toxicity) implements Toxic {
    public Latency {
        Toxic.checkNotNegative(latency.toMillis(), "latency");
        Toxic.checkNotNegative(jitter.toMillis(), "jitter");
        Toxic.checkToxicity(toxicity);
    }

    @Override
    public String kind() {
        return "latency";
    }

    @Override
    public String what() {
        return "latency " + latency.toMillis() + "ms" + (jitter.isZero() ? "" : " ± " + jitter.toMillis() + "ms");
    }

    @Override
    public eu.rekawek.toxiproxy.model.Toxic create(ToxicList toxics, String name, ToxicDirection stream)
            throws IOException {
        return toxics.latency(name, stream, latency.toMillis()).setJitter(jitter.toMillis());
    }
}

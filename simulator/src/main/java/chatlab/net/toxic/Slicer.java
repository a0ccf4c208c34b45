package chatlab.net.toxic;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.time.Duration;

/** Cuts the data into small pieces, {@code delay} apart: the TCP stream arrives a few bytes at a time. */
public record Slicer(long averageBytes, long variationBytes, Duration delay, Direction direction, double toxicity) implements Toxic {
    public Slicer {
        if (averageBytes < 1) {
            throw new IllegalArgumentException("a slice holds at least 1 byte");
        }
        Toxic.checkNotNegative(variationBytes, "size variation");
        Toxic.checkToxicity(toxicity);
    }

    @Override
    public String kind() {
        return "slicer";
    }

    @Override
    public String what() {
        return "slicer " + averageBytes + " B" + (variationBytes == 0 ? "" : " ± " + variationBytes + " B") + " every " + chatlab.p2p.impair.Units.format(delay);
    }

    @Override
    public eu.rekawek.toxiproxy.model.Toxic create(ToxicList toxics, String name, ToxicDirection stream)
            throws IOException {
        return toxics.slicer(name, stream, averageBytes, delay.toNanos() / 1_000).setSizeVariation(variationBytes);
    }
}

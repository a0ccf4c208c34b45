package chatlab.net.toxic;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;

/**
 * A Toxiproxy toxic as an immutable value: what it does, in which direction, and to what share
 * of connections ({@code toxicity}, 0 to 1). One record per kind of toxic.
 */
public sealed interface Toxic permits Latency, Bandwidth, Slicer, Timeout, ResetPeer, LimitData, SlowClose {

    Direction direction();

    /** The chance that the toxic applies to a connection, from 0 to 1. */
    double toxicity();

    /** Toxiproxy's name for this kind of toxic. */
    String kind();

    /** What it does, in a few words: "bandwidth 16 KB/s". */
    String what();

    /** What it does, where and to how many connections: "bandwidth 16 KB/s, downstream, on 5% of connections". */
    default String describe() {
        return what() + (direction() == Direction.BOTH ? "" : ", " + direction().name().toLowerCase(java.util.Locale.ROOT))
                + (toxicity() < 1.0 ? String.format(java.util.Locale.ROOT, ", on %.0f%% of connections", 100 * toxicity())
                        : "");
    }

    /** Creates the toxic in one stream direction. */
    eu.rekawek.toxiproxy.model.Toxic create(ToxicList toxics, String name, ToxicDirection stream) throws IOException;

    /** Adds the toxic to a proxy; in both directions it becomes {@code name-upstream} and {@code name-downstream}. */
    default void apply(Proxy proxy, String name) throws IOException {
        for (ToxicDirection stream : direction().streams()) {
            String full = direction() == Direction.BOTH ? name + "-" + stream.name().toLowerCase() : name;
            eu.rekawek.toxiproxy.model.Toxic toxic = create(proxy.toxics(), full, stream);
            if (toxicity() < 1.0) {
                toxic.setToxicity((float) toxicity());
            }
        }
    }

    /** Checks a toxicity value. */
    static double checkToxicity(double toxicity) {
        if (toxicity < 0 || toxicity > 1) {
            throw new IllegalArgumentException("toxicity must be between 0 and 1, not " + toxicity);
        }
        return toxicity;
    }

    /** Checks that an amount is not negative. */
    static long checkNotNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, not " + value);
        }
        return value;
    }
}

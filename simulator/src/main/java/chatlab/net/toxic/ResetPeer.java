package chatlab.net.toxic;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.time.Duration;

/** Resets the connection (TCP RST) after {@code timeout}. */
public record ResetPeer(Duration timeout, Direction direction, double toxicity) implements Toxic {
    public ResetPeer {
        Toxic.checkNotNegative(timeout.toMillis(), "timeout");
        Toxic.checkToxicity(toxicity);
    }

    @Override
    public String kind() {
        return "reset_peer";
    }

    @Override
    public String what() {
        return "reset_peer" + (timeout.isZero() ? "" : " after " + chatlab.p2p.impair.Units.format(timeout));
    }

    @Override
    public eu.rekawek.toxiproxy.model.Toxic create(ToxicList toxics, String name, ToxicDirection stream)
            throws IOException {
        return toxics.resetPeer(name, stream, timeout.toMillis());
    }
}

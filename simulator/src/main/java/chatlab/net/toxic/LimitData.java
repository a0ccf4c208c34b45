package chatlab.net.toxic;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;

/** Closes the connection once {@code bytes} have passed. */
public record LimitData(long bytes, Direction direction, double toxicity) implements Toxic {
    public LimitData {
        Toxic.checkNotNegative(bytes, "bytes");
        Toxic.checkToxicity(toxicity);
    }

    @Override
    public String kind() {
        return "limit_data";
    }

    @Override
    public String what() {
        return "limit_data " + bytes + " B";
    }

    @Override
    public eu.rekawek.toxiproxy.model.Toxic create(ToxicList toxics, String name, ToxicDirection stream)
            throws IOException {
        return toxics.limitData(name, stream, bytes);
    }
}

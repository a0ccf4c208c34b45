package chatlab.net.toxic;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.util.List;

/** Which way a toxic acts: client to server (upstream), server to client (downstream), or both. */
public enum Direction {
    UPSTREAM, DOWNSTREAM, BOTH;

    List<ToxicDirection> streams() {
        return switch (this) {
            case UPSTREAM -> List.of(ToxicDirection.UPSTREAM);
            case DOWNSTREAM -> List.of(ToxicDirection.DOWNSTREAM);
            case BOTH -> List.of(ToxicDirection.UPSTREAM, ToxicDirection.DOWNSTREAM);
        };
    }
}

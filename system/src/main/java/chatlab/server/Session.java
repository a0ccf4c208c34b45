package chatlab.server;

import java.time.Instant;

/** A logged-in user on one connection; {@code instance} is the client instance that logged in, or null. */
public record Session(String user, Instant since, String address, Integer udpPort, long loginId, String instance,
        Outbound out) {
}

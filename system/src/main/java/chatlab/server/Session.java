package chatlab.server;

import java.time.Instant;

/** A logged-in user on one connection. */
public record Session(String user, Instant since, String address, Integer udpPort, long loginId, Outbound out) {
}

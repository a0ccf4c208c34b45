package chatlab.driver.irc;

import chatlab.driver.PeerServer;
import java.util.List;

/**
 * The ngIRCd IRC server (Debian's package {@code ngircd}), as the lab starts it: in the foreground,
 * loopback only, on a free port, with {@code peers/ngircd.conf} (no limit of connections per
 * address, names up to 31 characters, no penalty for commands sent quickly). It keeps nothing
 * for users who are not connected, and nothing across a restart.
 */
public final class Ngircd {
    public static final PeerServer.Program PROGRAM = new PeerServer.Program("ngircd", "ngircd",
            (program, config) -> List.of(program.toString(), "--nodaemon", "--config", config.toString()));

    private Ngircd() {
    }
}

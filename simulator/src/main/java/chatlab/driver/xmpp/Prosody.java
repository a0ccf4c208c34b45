package chatlab.driver.xmpp;

import chatlab.driver.PeerServer;
import java.util.List;

/**
 * The Prosody XMPP server (Debian's package {@code prosody}), as the lab starts it: in the
 * foreground, loopback only, on a free port, with {@code peers/prosody.cfg.lua} (plain TCP,
 * accounts by in-band registration from loopback, no stream management, rooms on {@link
 * XmppDriver#ROOMS} without history, its data in the run's folder). It keeps a chat message
 * for a user who is offline, in a file of its own storage.
 */
public final class Prosody {
    public static final PeerServer.Program PROGRAM = new PeerServer.Program("prosody", "prosody",
            (program, config) -> List.of(program.toString(), "--config", config.toString(), "-F"), "prosody.cfg.lua");

    private Prosody() {
    }
}

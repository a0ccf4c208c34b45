package chatlab.driver.xmpp;

import chatlab.driver.PeerServer;
import java.nio.file.Path;
import java.util.List;

/**
 * The ejabberd XMPP server (Debian's package {@code ejabberd}), as the lab starts it: its Erlang
 * VM run straight (not through {@code ejabberdctl}, which would switch to the {@code ejabberd}
 * user and start a node for remote control), so the process the lab holds is the server itself
 * and can be killed and frozen; loopback only, on a free port, with {@code peers/ejabberd.yml}
 * (plain TCP, accounts by in-band registration from loopback, no stream management, rooms on
 * {@link XmppDriver#ROOMS} without history, no traffic shaping, a listen backlog of 4,096) and
 * its Mnesia database in the run's folder. It keeps a chat message for a user who is offline.
 */
public final class Ejabberd {
    /** Where Debian's package puts ejabberd's Erlang applications. */
    private static final String LIBS = "/usr/lib/x86_64-linux-gnu";

    public static final PeerServer.Program PROGRAM = new PeerServer.Program("ejabberd", "ejabberd",
            (program, config) -> command(config), "ejabberd.yml", "ejabberdctl");

    private Ejabberd() {
    }

    private static List<String> command(Path config) {
        Path dir = config.toAbsolutePath().getParent();
        return List.of("/usr/bin/env", "EJABBERD_CONFIG_PATH=" + config.toAbsolutePath(),
                "EJABBERD_LOG_PATH=" + dir.resolve("ejabberd-server.log"), "ERL_LIBS=" + LIBS, "HOME=" + dir,
                "ERL_CRASH_DUMP_BYTES=0", "/usr/bin/erl", "-noinput", "-noshell",
                "-mnesia", "dir", "\"" + dir.resolve("ejabberd-db") + "\"", "-s", "ejabberd");
    }
}

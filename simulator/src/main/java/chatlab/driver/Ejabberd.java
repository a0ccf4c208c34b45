package chatlab.driver;

import java.nio.file.Path;
import java.util.List;

/**
 * The ejabberd server (Debian's package {@code ejabberd}), as the lab starts it, speaking XMPP
 * ({@link #XMPP}, with {@code peers/ejabberd.yml}) or MQTT ({@link #MQTT}, with {@code
 * peers/ejabberd-mqtt.yml}): its Erlang VM run straight (not through {@code ejabberdctl}, which
 * would switch to the {@code ejabberd} user and start a node for remote control), so the process
 * the lab holds is the server itself and can be killed and frozen; loopback only, on a free
 * port, in plain TCP, with no traffic shaping and a listen backlog of 4,096, its Mnesia database
 * in the run's folder.
 */
public final class Ejabberd {
    /** Where Debian's package puts ejabberd's Erlang applications: {@code /usr/lib/<multiarch triplet>}. */
    private static final String LIBS = libs(Path.of("/usr/lib"));

    /**
     * XMPP: accounts by in-band registration from loopback, no stream management, rooms on the
     * XMPP driver's conference service without history, kept when empty; a chat message for a
     * user who is offline is kept.
     */
    public static final PeerServer.Program XMPP = program("ejabberd", "ejabberd.yml");

    /**
     * MQTT 5 (mod_mqtt): any user name at {@code localhost} logs in (anonymous login), sessions
     * kept a day after their client goes, with no bound on what is queued for them.
     */
    public static final PeerServer.Program MQTT = program("ejabberd-mqtt", "ejabberd-mqtt.yml");

    private Ejabberd() {
    }

    private static PeerServer.Program program(String name, String configFile) {
        return new PeerServer.Program(name, "ejabberd", (program, config) -> command(config), configFile, "ejabberdctl");
    }

    /**
     * The folder under {@code lib} that holds an {@code ejabberd-VERSION} application (Debian puts
     * it in the machine's multiarch folder, {@code x86_64-linux-gnu} or {@code aarch64-linux-gnu}),
     * or the amd64 one when none does.
     */
    static String libs(Path lib) {
        try (java.util.stream.Stream<Path> arches = java.nio.file.Files.list(lib)) {
            return arches.filter(java.nio.file.Files::isDirectory).sorted().filter(Ejabberd::holdsEjabberd).findFirst()
                    .map(Path::toString).orElse(lib.resolve("x86_64-linux-gnu").toString());
        } catch (java.io.IOException e) {
            return lib.resolve("x86_64-linux-gnu").toString();
        }
    }

    private static boolean holdsEjabberd(Path dir) {
        try (java.nio.file.DirectoryStream<Path> apps = java.nio.file.Files.newDirectoryStream(dir, "ejabberd-[0-9]*")) {
            return apps.iterator().hasNext();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<String> command(Path config) {
        Path dir = config.toAbsolutePath().getParent();
        return List.of("/usr/bin/env", "EJABBERD_CONFIG_PATH=" + config.toAbsolutePath(),
                "EJABBERD_LOG_PATH=" + dir.resolve("ejabberd-server.log"), "ERL_LIBS=" + LIBS, "HOME=" + dir,
                "ERL_CRASH_DUMP_BYTES=0", "/usr/bin/erl", "-noinput", "-noshell",
                "-mnesia", "dir", "\"" + dir.resolve("ejabberd-db") + "\"", "-s", "ejabberd");
    }
}

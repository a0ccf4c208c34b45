package chatlab.testing;

import chatlab.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ./lab server} in its own JVM for tests: a free port, the given database, cheap hashing. */
public final class ServerProcesses {
    private ServerProcesses() {
    }

    public static ServerProcess start(Path db, String... args) throws IOException {
        List<String> serverArgs = new ArrayList<>(List.of("--port", "0", "--db", db.toString(), "--zone", "UTC",
                "--argon2", "m=256,t=1,p=1"));
        serverArgs.addAll(List.of(args));
        return ServerProcess.start(List.of(), serverArgs, Recorder.WAIT);
    }

    /** How to trust that server: by the certificate fingerprint it printed, or plaintext if it printed none. */
    public static chatlab.tls.ChannelSecurity security(ServerProcess server) {
        return server.fingerprint() == null ? new chatlab.tls.ChannelSecurity.Plaintext()
                : new chatlab.tls.ChannelSecurity.Pinned(server.fingerprint());
    }

    /** Client options that trust that server. */
    public static chatlab.client.ClientOptions clientOptions(ServerProcess server) {
        return chatlab.client.ClientOptions.defaults().withSecurity(security(server));
    }
}

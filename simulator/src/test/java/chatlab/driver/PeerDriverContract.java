package chatlab.driver;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver contract against another project's server, started fresh for each test on loopback
 * from Debian's package with the project's configuration (skipped without it, except in CI).
 */
public abstract class PeerDriverContract extends DriverContract {
    @TempDir
    Path dir;
    private final PeerServer.Program program;
    /** One driver for the test class's every test, as a run has one: it may keep state across connections. */
    private final Driver driver;
    /** The server of the test now running. */
    protected PeerServer server;

    protected PeerDriverContract(PeerServer.Program program, Driver driver) {
        this.program = program;
        this.driver = driver;
    }

    @BeforeEach
    void start() throws Exception {
        NeedsPeer.assume(program);
        server = PeerServer.start(program, dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected InetSocketAddress server() {
        return server.address();
    }

    @Override
    protected void stopServer() {
        server.close();
    }
}

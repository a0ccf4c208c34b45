package chatlab.driver;

import chatlab.driver.irc.IrcDriver;
import chatlab.driver.irc.Ngircd;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The IRC driver against a real ngIRCd on loopback, started with the project's configuration. */
class IrcDriverIT extends DriverContract {
    @TempDir
    Path dir;
    private PeerServer server;
    /** One driver for the test, as a run has one: it keeps the users' groups across their connections. */
    private final IrcDriver driver = new IrcDriver();

    @BeforeEach
    void start() throws Exception {
        NeedsPeer.assume(Ngircd.PROGRAM);
        server = PeerServer.start(Ngircd.PROGRAM, dir);
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

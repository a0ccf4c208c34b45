package chatlab.driver;

import chatlab.driver.chatlab.ChatlabDriver;
import chatlab.testing.TestServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** chatlab's own driver against a real chatlab server on loopback, with TLS. */
class ChatlabDriverIT extends DriverContract {
    @TempDir
    Path dir;
    private TestServer server;
    private Driver driver;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        driver = new ChatlabDriver(server.security(), "contract");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected InetSocketAddress server() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    @Override
    protected void stopServer() throws Exception {
        server.server().close();
    }
}

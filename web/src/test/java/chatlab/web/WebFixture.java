package chatlab.web;

import chatlab.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A real chat server on 127.0.0.1 (real sockets, a real SQLite file) and the web client in this
 * process on a free port, speaking to it over TLS pinned to its certificate.
 */
final class WebFixture implements AutoCloseable {
    final TestServer server;
    final WebServer web;
    final Path dir;

    private WebFixture(Path dir, double perSecond, int burst, UnaryOperator<WebConfig> changed) throws Exception {
        this.dir = dir;
        this.server = TestServer.start(Files.createDirectories(dir.resolve("server")),
                b -> b.clock(java.time.InstantSource.system()));
        WebConfig config = new WebConfig("127.0.0.1", 0, "127.0.0.1", server.port(), server.security(), 0,
                dir.resolve("downloads"), null, perSecond, burst);
        this.web = WebServer.start(changed.apply(config));
    }

    static WebFixture start(Path dir) throws Exception {
        return start(dir, UnaryOperator.identity());
    }

    static WebFixture start(Path dir, double perSecond, int burst) throws Exception {
        return new WebFixture(dir, perSecond, burst, UnaryOperator.identity());
    }

    /** With its configuration {@code changed}, e.g. its direct-message settings. */
    static WebFixture start(Path dir, UnaryOperator<WebConfig> changed) throws Exception {
        return new WebFixture(dir, WebConfig.DEFAULT_REQUESTS_PER_SECOND, WebConfig.DEFAULT_BURST, changed);
    }

    String url() {
        return web.url();
    }

    @Override
    public void close() {
        web.close();
        server.close();
    }
}

package chatlab.net;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A {@code toxiproxy-server} binary that chatlab starts on a free port and stops again. */
final class ToxiproxyProcess implements ToxiproxyEnvironment {
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Path binary;
    private final Process process;
    private final int port;
    private final ToxiproxyClient client;
    private final ProxyRegistry proxies;
    private final String version;

    private ToxiproxyProcess(Path binary, Process process, int port, String version) {
        this.binary = binary;
        this.process = process;
        this.port = port;
        this.client = new ToxiproxyClient("127.0.0.1", port);
        this.proxies = new ProxyRegistry(client);
        this.version = version;
    }

    /** Starts the binary with its random choices seeded by {@code seed}, and waits for its API. */
    static ToxiproxyProcess start(Path binary, long seed) {
        int port;
        try {
            port = chatlab.lab.Processes.freeLoopbackPort();
        } catch (java.io.UncheckedIOException e) {
            throw new ToxiproxyUnavailableException("no free port for Toxiproxy: " + e.getMessage(), e);
        }
        Process process;
        try {
            process = new ProcessBuilder(binary.toString(), "-host", "127.0.0.1", "-port", Integer.toString(port),
                    "-seed", Long.toString(seed))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new ToxiproxyUnavailableException("cannot run " + binary + ": " + e.getMessage(), e);
        }
        ToxiproxyClient probe = new ToxiproxyClient("127.0.0.1", port);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                return new ToxiproxyProcess(binary, process, port, probe.version().strip());
            } catch (IOException e) {
                last = e;
                try {
                    process.waitFor(50, TimeUnit.MILLISECONDS); // returns early if it dies
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        process.destroyForcibly();
        throw new ToxiproxyUnavailableException(binary + " did not start within " + STARTUP.toSeconds() + " s"
                + (last == null ? "" : ": " + last.getMessage()), last);
    }

    @Override
    public String description() {
        return "toxiproxy-server " + version + " at 127.0.0.1:" + port + " (" + binary + ", started by chatlab)";
    }

    @Override
    public ToxiproxyClient client() {
        return client;
    }

    @Override
    public ProxiedEndpoint proxy(String name, String upstreamHost, int upstreamPort) {
        Proxy proxy = proxies.create(name, "127.0.0.1:0", upstreamHost + ":" + upstreamPort);
        return new ProxiedEndpoint(proxy, "127.0.0.1", ProxyRegistry.port(proxy));
    }

    @Override
    public void close() {
        proxies.deleteAll();
        chatlab.lab.Processes.stop(process);
    }
}

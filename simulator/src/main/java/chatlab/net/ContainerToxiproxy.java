package chatlab.net;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/** Toxiproxy in a container, through Testcontainers, where a Docker engine runs. */
final class ContainerToxiproxy implements ToxiproxyEnvironment {
    static final String IMAGE = "ghcr.io/shopify/toxiproxy:2.5.0";
    /** The container exposes these ports for proxies. */
    private static final int FIRST_PROXY_PORT = 8666;
    private static final int LAST_PROXY_PORT = 8697;

    private final ToxiproxyContainer container;
    private final ToxiproxyClient client;
    private final ProxyRegistry proxies;
    private final AtomicInteger nextPort = new AtomicInteger(FIRST_PROXY_PORT);

    private ContainerToxiproxy(ToxiproxyContainer container) {
        this.container = container;
        this.client = new ToxiproxyClient(container.getHost(), container.getControlPort());
        this.proxies = new ProxyRegistry(client);
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static ContainerToxiproxy start() {
        ToxiproxyContainer container = new ToxiproxyContainer(IMAGE);
        container.start();
        return new ContainerToxiproxy(container);
    }

    @Override
    public String description() {
        return "Toxiproxy container " + IMAGE + " at " + container.getHost() + ":" + container.getControlPort()
                + " (Testcontainers)";
    }

    @Override
    public ToxiproxyClient client() {
        return client;
    }

    @Override
    public ProxiedEndpoint proxy(String name, String upstreamHost, int upstreamPort) {
        int port = nextPort.getAndIncrement();
        if (port > LAST_PROXY_PORT) {
            throw new ToxiproxyUnavailableException("the Toxiproxy container has no proxy ports left");
        }
        String upstream = upstreamHost + ":" + upstreamPort;
        if (upstreamHost.equals("127.0.0.1") || upstreamHost.equals("localhost")) {
            Testcontainers.exposeHostPorts(upstreamPort);
            upstream = "host.testcontainers.internal:" + upstreamPort;
        }
        Proxy proxy = proxies.create(name, "0.0.0.0:" + port, upstream);
        return new ProxiedEndpoint(proxy, container.getHost(), container.getMappedPort(port));
    }

    @Override
    public void close() {
        proxies.deleteAll();
        container.stop();
    }
}

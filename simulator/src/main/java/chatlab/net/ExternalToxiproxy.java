package chatlab.net;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.URI;

/** A Toxiproxy someone else runs, named by {@code TOXIPROXY_URL}. */
final class ExternalToxiproxy implements ToxiproxyEnvironment {
    private final URI url;
    private final ToxiproxyClient client;
    private final ProxyRegistry proxies;

    ExternalToxiproxy(URI url) {
        this.url = url;
        this.client = new ToxiproxyClient(url.getHost(), url.getPort() < 0 ? 8474 : url.getPort());
        this.proxies = new ProxyRegistry(client);
    }

    @Override
    public String description() {
        return "Toxiproxy at " + url + " (TOXIPROXY_URL)";
    }

    @Override
    public ToxiproxyClient client() {
        return client;
    }

    @Override
    public ProxiedEndpoint proxy(String name, String upstreamHost, int upstreamPort) {
        Proxy proxy = proxies.create(name, url.getHost() + ":0", upstreamHost + ":" + upstreamPort);
        return new ProxiedEndpoint(proxy, url.getHost(), ProxyRegistry.port(proxy));
    }

    @Override
    public void close() {
        proxies.deleteAll();
    }
}

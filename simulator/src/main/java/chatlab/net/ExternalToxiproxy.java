package chatlab.net;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/** A Toxiproxy someone else runs, named by {@code TOXIPROXY_URL}. */
final class ExternalToxiproxy implements ToxiproxyEnvironment {
    private final URI url;
    private final ToxiproxyClient client;
    private final ProxyRegistry proxies;

    private ExternalToxiproxy(URI url, ToxiproxyClient client) {
        this.url = url;
        this.client = client;
        this.proxies = new ProxyRegistry(client);
    }

    /**
     * The Toxiproxy at {@code url}, once it has answered; otherwise a
     * {@link ToxiproxyUnavailableException} that says what is wrong with the URL or the server.
     */
    static ExternalToxiproxy connect(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ToxiproxyUnavailableException("TOXIPROXY_URL must be a URL such as http://127.0.0.1:8474, not '"
                    + url + "'.");
        }
        ToxiproxyClient client = new ToxiproxyClient(uri.getHost(), uri.getPort() < 0 ? 8474 : uri.getPort());
        try {
            client.version();
        } catch (IOException e) {
            throw new ToxiproxyUnavailableException("No Toxiproxy answers at " + uri + " (TOXIPROXY_URL): " + e
                    + ". Start it there, or unset TOXIPROXY_URL and the lab starts its own toxiproxy-server.", e);
        }
        return new ExternalToxiproxy(uri, client);
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

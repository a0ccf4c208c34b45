package chatlab.net;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Creates proxies through a client and deletes them again: what every environment shares. */
final class ProxyRegistry {
    private final ToxiproxyClient client;
    private final List<Proxy> created = new CopyOnWriteArrayList<>();

    ProxyRegistry(ToxiproxyClient client) {
        this.client = client;
    }

    Proxy create(String name, String listen, String upstream) {
        try {
            Proxy stale = client.getProxyOrNull(name);
            if (stale != null) {
                stale.delete();
            }
            Proxy proxy = client.createProxy(name, listen, upstream);
            created.add(proxy);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("creating proxy " + name + " (" + listen + " -> " + upstream + ") failed", e);
        }
    }

    void deleteAll() {
        for (Proxy proxy : created) {
            try {
                proxy.delete();
            } catch (IOException e) {
                // Toxiproxy may already be gone; nothing is left to clean then
            }
        }
        created.clear();
    }

    /** The port a proxy listens on, as Toxiproxy reports it after binding. */
    static int port(Proxy proxy) {
        String listen = proxy.getListen();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }
}

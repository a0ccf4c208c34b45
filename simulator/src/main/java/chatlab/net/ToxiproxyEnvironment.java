package chatlab.net;

import eu.rekawek.toxiproxy.ToxiproxyClient;

/** A running Toxiproxy, however it was found: an external one, a local binary or a container. */
public interface ToxiproxyEnvironment extends AutoCloseable {
    /** Where it runs and how it was found, for logs and reports. */
    String description();

    ToxiproxyClient client();

    /**
     * Creates a proxy named {@code name} in front of {@code upstreamHost:upstreamPort} and
     * returns the address clients should use instead.
     */
    ProxiedEndpoint proxy(String name, String upstreamHost, int upstreamPort);

    /** Deletes the proxies this environment created, and stops Toxiproxy if it started it. */
    @Override
    void close();
}

package chatlab.net;

import chatlab.net.toxic.Toxic;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A Toxiproxy proxy in front of a server: clients connect to {@code host:port}; faults go on the proxy. */
public record ProxiedEndpoint(Proxy proxy, String host, int port) {

    /** Adds a toxic under the given name. */
    public void add(String name, Toxic toxic) {
        try {
            toxic.apply(proxy, name);
        } catch (IOException e) {
            throw new UncheckedIOException("adding toxic " + name + " to proxy " + proxy.getName() + " failed", e);
        }
    }

    /** Takes the proxy down: open connections drop and new ones are refused. */
    public void down() {
        try {
            proxy.disable();
        } catch (IOException e) {
            throw new UncheckedIOException("disabling proxy " + proxy.getName() + " failed", e);
        }
    }

    /** Brings a proxy taken down back up; its toxics stay. */
    public void up() {
        try {
            proxy.enable();
        } catch (IOException e) {
            throw new UncheckedIOException("enabling proxy " + proxy.getName() + " failed", e);
        }
    }

    /** Removes every toxic and brings the proxy back up. */
    public void heal() {
        try {
            for (var toxic : proxy.toxics().getAll()) {
                toxic.remove();
            }
            if (!proxy.isEnabled()) {
                proxy.enable();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("healing proxy " + proxy.getName() + " failed", e);
        }
    }

    /** Removes a toxic added with {@link #add}, in every direction it was added in. */
    public void remove(String name) {
        try {
            for (var toxic : proxy.toxics().getAll()) {
                if (toxic.getName().equals(name) || toxic.getName().startsWith(name + "-")) {
                    toxic.remove();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing toxic " + name + " failed", e);
        }
    }

    public String address() {
        return host + ":" + port;
    }
}

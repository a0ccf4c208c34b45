package chatlab.client;

/**
 * A server named as tools take it: {@code tls://host:port} or {@code tcp://host:port} (plaintext,
 * for servers started with --plaintext and servers that speak no TLS); a bare {@code host:port}
 * is TLS, as chatlab's own server speaks by default.
 */
public record ServerAddress(String host, int port, boolean tls) {
    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a server address needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a server's port is a number from 1 to 65535, not " + port);
        }
    }

    public static ServerAddress parse(String text) {
        String rest = text.strip();
        boolean tls = true;
        if (rest.startsWith("tls://")) {
            rest = rest.substring("tls://".length());
        } else if (rest.startsWith("tcp://")) {
            rest = rest.substring("tcp://".length());
            tls = false;
        } else if (rest.contains("://")) {
            throw new IllegalArgumentException("a server is tls://host:port or tcp://host:port, not '" + text + "'");
        }
        int colon = rest.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a server is [tls://|tcp://]host:port, such as tls://127.0.0.1:4242, not '"
                    + text + "'");
        }
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of '" + text + "' is not a number");
        }
        return new ServerAddress(rest.substring(0, colon), port, tls);
    }

    @Override
    public String toString() {
        return (tls ? "tls://" : "tcp://") + host + ":" + port;
    }
}

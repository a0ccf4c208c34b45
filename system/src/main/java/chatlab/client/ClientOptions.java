package chatlab.client;

import java.time.Duration;

/** How a {@link ChatClient} connects and behaves. */
public record ClientOptions(String clientName, boolean presence, Duration connectTimeout, Duration requestTimeout,
        ChatListener listener) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public ClientOptions {
        if (listener == null) {
            listener = new ChatListener() { };
        }
    }

    /** Defaults: no presence events, 5 s to connect, 30 s per request, no listener. */
    public static ClientOptions defaults() {
        return new ClientOptions("chatlab-client", false, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, null);
    }

    public ClientOptions withListener(ChatListener value) {
        return new ClientOptions(clientName, presence, connectTimeout, requestTimeout, value);
    }

    public ClientOptions withPresence(boolean value) {
        return new ClientOptions(clientName, value, connectTimeout, requestTimeout, listener);
    }

    public ClientOptions withClientName(String value) {
        return new ClientOptions(value, presence, connectTimeout, requestTimeout, listener);
    }

    public ClientOptions withRequestTimeout(Duration value) {
        return new ClientOptions(clientName, presence, connectTimeout, value, listener);
    }

    public ClientOptions withConnectTimeout(Duration value) {
        return new ClientOptions(clientName, presence, value, requestTimeout, listener);
    }
}

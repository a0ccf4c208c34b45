package chatlab.client;

import java.time.Duration;

/**
 * How a {@link ChatClient} connects and behaves. {@code handledUpTo} is the highest chat seq the
 * application handled in an earlier session of the same user (0 if none): messages up to it
 * that the server sends again are dropped, so a restarted application sees each message once.
 */
public record ClientOptions(String clientName, boolean presence, Duration connectTimeout, Duration requestTimeout,
        ChatListener listener, long handledUpTo) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public ClientOptions {
        if (listener == null) {
            listener = new ChatListener() { };
        }
    }

    /** Defaults: no presence events, 5 s to connect, 30 s per request, no listener. */
    public static ClientOptions defaults() {
        return new ClientOptions("chatlab-client", false, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, null, 0);
    }

    public ClientOptions withListener(ChatListener value) {
        return new ClientOptions(clientName, presence, connectTimeout, requestTimeout, value, handledUpTo);
    }

    public ClientOptions withPresence(boolean value) {
        return new ClientOptions(clientName, value, connectTimeout, requestTimeout, listener, handledUpTo);
    }

    public ClientOptions withClientName(String value) {
        return new ClientOptions(value, presence, connectTimeout, requestTimeout, listener, handledUpTo);
    }

    public ClientOptions withRequestTimeout(Duration value) {
        return new ClientOptions(clientName, presence, connectTimeout, value, listener, handledUpTo);
    }

    public ClientOptions withConnectTimeout(Duration value) {
        return new ClientOptions(clientName, presence, value, requestTimeout, listener, handledUpTo);
    }

    public ClientOptions withHandledUpTo(long value) {
        return new ClientOptions(clientName, presence, connectTimeout, requestTimeout, listener, value);
    }
}

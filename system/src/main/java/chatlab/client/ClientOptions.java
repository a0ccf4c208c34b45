package chatlab.client;

import chatlab.protocol.Protocol;
import chatlab.tls.ChannelSecurity;
import java.time.Duration;

/**
 * How a {@link ChatClient} connects and behaves.
 * <ul>
 * <li>{@code handledUpTo} is the highest chat seq the application handled in an earlier session
 * of the same user (0 if none): messages up to it that the server sends again are dropped, so a
 * restarted application sees each message once.
 * <li>{@code instance} names this client instance to the server (null: a random one per
 * {@link ChatClient}). A login from the same instance takes over the user's stale session, so a
 * client that lost its connection logs in again at once, even before the server noticed.
 * <li>{@code heartbeat}: when the client has sent nothing for this long it sends a ping, and when
 * it has heard nothing for three times as long it gives the connection up as dead. A server
 * that announces a shorter idle timeout gets pings at a third of it. Zero: never.
 * <li>{@code rateLimitRetry}: how long a request refused with {@code rate_limited} is retried,
 * after the wait the server asks for, before the refusal is passed on (zero: never retried).
 * <li>{@code security}: TLS trusting the server on first use (the default), by a pinned
 * fingerprint or through a certificate authority; or plaintext, on purpose.
 * </ul>
 */
public record ClientOptions(String clientName, boolean presence, Duration connectTimeout, Duration requestTimeout,
        ChatListener listener, long handledUpTo, String instance, Duration heartbeat, Duration rateLimitRetry,
        ChannelSecurity security) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    public ClientOptions {
        if (listener == null) {
            listener = new ChatListener() { };
        }
        if (instance != null && !Protocol.INSTANCE.matcher(instance).matches()) {
            throw new IllegalArgumentException("an instance is 1 to 64 letters, digits, '.', '_', ':' or '-', not '"
                    + instance + "'");
        }
        if (security == null) {
            security = ChannelSecurity.defaults();
        }
        if (heartbeat.isNegative() || rateLimitRetry.isNegative()) {
            throw new IllegalArgumentException("the heartbeat and the rate-limit retry must not be negative");
        }
    }

    /** Defaults: no presence events, 5 s to connect, 30 s per request, a ping after 30 s of silence, no retries. */
    public static ClientOptions defaults() {
        return new ClientOptions("chatlab-client", false, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, null, 0, null,
                DEFAULT_HEARTBEAT, Duration.ZERO, null);
    }

    public ClientOptions withListener(ChatListener value) {
        return new ClientOptions(clientName, presence, connectTimeout, requestTimeout, value, handledUpTo, instance,
                heartbeat, rateLimitRetry, security);
    }

    public ClientOptions withPresence(boolean value) {
        return new ClientOptions(clientName, value, connectTimeout, requestTimeout, listener, handledUpTo, instance,
                heartbeat, rateLimitRetry, security);
    }

    public ClientOptions withClientName(String value) {
        return new ClientOptions(value, presence, connectTimeout, requestTimeout, listener, handledUpTo, instance,
                heartbeat, rateLimitRetry, security);
    }

    public ClientOptions withRequestTimeout(Duration value) {
        return new ClientOptions(clientName, presence, connectTimeout, value, listener, handledUpTo, instance, heartbeat,
                rateLimitRetry, security);
    }

    public ClientOptions withConnectTimeout(Duration value) {
        return new ClientOptions(clientName, presence, value, requestTimeout, listener, handledUpTo, instance, heartbeat,
                rateLimitRetry, security);
    }

    public ClientOptions withHandledUpTo(long value) {
        return new ClientOptions(clientName, presence, connectTimeout, requestTimeout, listener, value, instance, heartbeat,
                rateLimitRetry, security);
    }

    public ClientOptions withInstance(String value) {
        return new ClientOptions(clientName, presence, connectTimeout, requestTimeout, listener, handledUpTo, value,
                heartbeat, rateLimitRetry, security);
    }

    public ClientOptions withHeartbeat(Duration value) {
        return new ClientOptions(clientName, presence, connectTimeout, requestTimeout, listener, handledUpTo, instance,
                value, rateLimitRetry, security);
    }

    public ClientOptions withSecurity(ChannelSecurity value) {
        return new ClientOptions(clientName, presence, connectTimeout, requestTimeout, listener, handledUpTo, instance,
                heartbeat, rateLimitRetry, value);
    }

    public ClientOptions withRateLimitRetry(Duration value) {
        return new ClientOptions(clientName, presence, connectTimeout, requestTimeout, listener, handledUpTo, instance,
                heartbeat, value, security);
    }
}

package chatlab.driver.mqtt;

import chatlab.driver.Inbox;
import chatlab.driver.MessagingOnlyConnection;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One user's MQTT client. Each login is a new MQTT client with the user's name as its client
 * identifier, resuming the user's session; what the broker delivers goes to the inbox.
 */
final class MqttConnection extends MessagingOnlyConnection {
    private static final String FROM = "from";
    private static final String MODE = "mode";

    private final InetSocketAddress server;
    /** What follows each user's name at login, after an {@code @}; null for none. */
    private final String loginDomain;
    private final Options options;
    private final Inbox inbox;
    private final AtomicLong arrivals = new AtomicLong();
    private volatile Mqtt5AsyncClient client;
    /** Set before a disconnect its owner asked for, so that it is not reported lost. */
    private volatile boolean leaving;
    private final AtomicBoolean closed = new AtomicBoolean();

    MqttConnection(InetSocketAddress server, Options options, Inbox inbox, String loginDomain) {
        super("MQTT", "the broker", Runnable::run); // its answers go on on the thread that completed them
        this.loginDomain = loginDomain;
        this.server = server;
        this.options = options;
        this.inbox = inbox;
    }

    /** Whether the client of the current login got its CONNACK: only a connection that was up can be lost. */
    private volatile AtomicBoolean up = new AtomicBoolean();

    private Mqtt5AsyncClient client(String id, boolean hear) {
        AtomicBoolean wasUp = hear ? up : new AtomicBoolean();
        Mqtt5AsyncClient c = MqttClient.builder().useMqttVersion5().identifier(id)
                .serverHost(server.getHostString()).serverPort(server.getPort())
                .transportConfig().socketConnectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS).applyTransportConfig()
                .addDisconnectedListener(context -> {
                    if (hear && wasUp.getAndSet(false) && context.getSource() != MqttDisconnectSource.USER && !leaving
                            && !closed.get()) {
                        inbox.onLost(inLabTerms(context.getCause()));
                    }
                })
                .buildAsync();
        if (hear) {
            c.publishes(MqttGlobalPublishFilter.ALL, this::arrived);
        }
        return c;
    }

    private void arrived(Mqtt5Publish publish) {
        String from = property(publish, FROM);
        String mode = property(publish, MODE);
        inbox.onMessage(new Inbox.Arrival(from, 0, arrivals.incrementAndGet(),
                new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8), mode));
    }

    private static String property(Mqtt5Publish publish, String name) {
        return publish.getUserProperties().asList().stream().filter(p -> p.getName().toString().equals(name))
                .map(p -> p.getValue().toString()).findFirst().orElse(null);
    }

    /** Connects {@code c} as {@code name}, resuming its session unless {@code fresh}, and subscribes it to its own topics. */
    private CompletableFuture<Void> open(Mqtt5AsyncClient c, String name, String secret, boolean fresh) {
        return within(c.connectWith().cleanStart(fresh).sessionExpiryInterval(MqttDriver.SESSION_EXPIRY_SECONDS)
                .simpleAuth().username(loginDomain == null ? name : name + "@" + loginDomain).password(secret.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send()
                .thenCompose(ack -> c.subscribeWith()
                        .addSubscription(subscription(MqttDriver.USERS + name, false))
                        .addSubscription(subscription(MqttDriver.ALL, true)).send())
                .thenApply(ack -> null));
    }

    private static Mqtt5Subscription subscription(String topic, boolean noLocal) {
        return Mqtt5Subscription.builder().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).noLocal(noLocal).build();
    }

    private <T> CompletableFuture<T> within(CompletableFuture<T> answer) {
        return within(answer, options.requestTimeout());
    }

    /** What an MQTT client's own failures mean: refused credentials, an unreachable broker. */
    @Override
    protected ChatException ownFailure(Throwable cause) {
        if (cause instanceof Mqtt5ConnAckException refused) {
            Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
            return new ChatException(code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD
                    || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED ? ErrorCode.WRONG_PASSWORD : ErrorCode.UNEXPECTED_RESPONSE,
                    "the broker refused the connection: " + code, cause);
        }
        if (cause instanceof ConnectionFailedException) {
            return new ChatException(ErrorCode.SERVER_UNREACHABLE, "broker unreachable: " + cause.getMessage(), cause);
        }
        return null;
    }

    private Mqtt5AsyncClient connected() {
        Mqtt5AsyncClient c = client;
        if (c == null || !c.getState().isConnected()) {
            throw new ChatException(ErrorCode.NOT_LOGGED_IN, "not connected to the broker");
        }
        return c;
    }

    /** Makes the user's session on the broker, subscribed to its topics, with a client of its own, and leaves it. */
    @Override
    public CompletableFuture<Void> signup(String name, String secret) {
        Mqtt5AsyncClient c = client(name, false);
        return open(c, name, secret, true).thenCompose(ok -> within(c.disconnect()));
    }

    @Override
    public CompletableFuture<Void> login(String name, String secret) {
        leaving = false;
        up = new AtomicBoolean();
        AtomicBoolean now = up;
        Mqtt5AsyncClient c = client(name, true);
        client = c;
        return open(c, name, secret, false).thenApply(ok -> {
            now.set(true);
            loggedIn(name, secret);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> logout() {
        Mqtt5AsyncClient c = client;
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        leaving = true;
        return within(c.disconnect()).thenApply(ok -> {
            loggedOut();
            return null;
        });
    }

    private CompletableFuture<Void> publish(String topic, String mode, String text) {
        Mqtt5AsyncClient c;
        try {
            c = connected();
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
        return within(c.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(text.getBytes(StandardCharsets.UTF_8))
                .userProperties().add(FROM, user()).add(MODE, mode).applyUserProperties()
                .send().thenApply(MqttConnection::accepted));
    }

    /** A publish the broker answered with an error reason is refused, not in doubt. */
    private static Void accepted(Mqtt5PublishResult result) {
        result.getError().ifPresent(error -> {
            throw new ChatException(ErrorCode.UNEXPECTED_RESPONSE, "the broker refused the publish: " + error.getMessage(), error);
        });
        return null;
    }

    @Override
    public CompletableFuture<Sent> send(Audience mode, List<String> names, String text) {
        String name = mode.name().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case UNICAST, MULTICAST -> {
                List<CompletableFuture<Void>> each = new ArrayList<>();
                for (String to : names) {
                    each.add(publish(MqttDriver.USERS + to, name, text));
                }
                yield CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                        .thenApply(ok -> new Sent(null, names.size(), null, null));
            }
            case BROADCAST -> publish(MqttDriver.ALL, name, text).thenApply(ok -> new Sent(null, null, null, null));
            default -> refused("way to send to everyone but some (" + name + ")");
        };
    }

    @Override
    public CompletableFuture<Sent> sendToGroup(String group, String text) {
        return publish(MqttDriver.GROUPS + group, "group", text).thenApply(ok -> new Sent(null, null, null, null));
    }

    /** A group is a topic: making one is joining it. */
    @Override
    public CompletableFuture<Void> createGroup(String group, String about) {
        return join(group);
    }

    @Override
    public CompletableFuture<Void> join(String group) {
        try {
            return within(connected().subscribeWith().addSubscription(subscription(MqttDriver.GROUPS + group, true)).send()
                    .thenApply(ack -> null));
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean isConnected() {
        Mqtt5AsyncClient c = client;
        return c != null && c.getState().isConnected();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        Mqtt5AsyncClient c = client;
        if (c == null || !type.isInstance(c)) {
            throw new IllegalArgumentException("an MQTT connection holds an Mqtt5AsyncClient, not a " + type.getSimpleName());
        }
        return type.cast(c);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Mqtt5AsyncClient c = client;
        if (c != null && c.getState().isConnected()) {
            try {
                c.disconnect().get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // it is going anyway
            }
        }
    }
}

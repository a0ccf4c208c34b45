package chatlab.scenarios;

import chatlab.client.ChatClient;
import chatlab.client.TracingClient;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.PeerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import chatlab.protocol.ChatException;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** One user in a scenario: a name in the feature, an account on the server, and a client. */
final class Actor {
    final String name;
    final String user;
    String password;
    final Recorder recorder = new Recorder();
    /** The texts of this actor's messages the server acknowledged, in the order it did. */
    final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    /** Sends not yet answered, awaited before deliveries are checked. */
    final List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
    int numbered;
    boolean hasAccount;
    boolean viaProxy;
    /** Set when the scenario has this actor give the room password in its own steps. */
    boolean givesRoomPasswordItself;
    ChatException lastError;
    Object lastResult;
    Duration lastDuration = Duration.ZERO;
    private final World world;
    private ChatClient client;
    /** The actor's UDP port for files and beacons, once it has one; given to the server at login. */
    PeerEndpoint endpoint;
    /** Files sent and received, once the actor has a UDP endpoint. */
    chatlab.client.FileTransfers files;
    final List<java.nio.file.Path> saved = Collections.synchronizedList(new ArrayList<>());
    /** Contact tracing over the endpoint, started on first use, and what it heard. */
    private TracingClient tracing;
    final List<TracingClient.Heard> heard = new CopyOnWriteArrayList<>();
    ServerMessage.TempId tempId;


    Actor(World world, String name, String user) {
        this.world = world;
        this.name = name;
        this.user = user;
        this.password = "pw-" + user;
    }

    /** The client, connected (through the proxy if this actor uses one) on first use. */
    ChatClient client() {
        if (client == null) {
            client = world.connect(this, recorder);
        }
        return client;
    }

    boolean connected() {
        return client != null;
    }

    /** Opens the actor's UDP endpoint on a free loopback port, before it logs in. */
    PeerEndpoint openEndpoint() {
        if (endpoint == null) {
            try {
                endpoint = PeerEndpoint.open("127.0.0.1", 0, Impairment.NONE, name.hashCode());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return endpoint;
    }

    InetSocketAddress udpAddress() {
        return new InetSocketAddress("127.0.0.1", endpoint.port());
    }

    /** The tracing client on this actor's endpoint, on the scenario's clock and the server's time zone. */
    TracingClient tracing() {
        if (tracing == null) {
            tracing = new TracingClient(client(), openEndpoint(), world.clock(), ZoneId.of(client().welcome().zone()),
                    world.files("data-" + name).resolve(user + "_contactlog.txt"), Duration.ofMinutes(3),
                    new TracingClient.Listener() {
                        @Override
                        public void heard(TracingClient.Heard beacon) {
                            heard.add(beacon);
                        }
                    });
        }
        return tracing;
    }

    /**
     * This client again, on a new connection that bypasses the proxy, as a phone that moved to
     * another network: the old connection is left as it is, and closed once the new one is in.
     */
    ChatClient sameClientElsewhere() {
        ChatClient old = client();
        viaProxy = false;
        client = world.connect(this, recorder, old.instance());
        return old;
    }

    /** A second, separate connection of this user, as from another device. */
    ChatClient anotherClient() {
        return world.connect(this, new Recorder());
    }

    /** Runs a request and remembers its result or error, and how long it took. */
    <T> T attempt(Supplier<CompletableFuture<T>> request) {
        lastError = null;
        lastResult = null;
        long start = System.nanoTime();
        try {
            T result = ChatClient.await(request.get());
            lastResult = result;
            return result;
        } catch (ChatException e) {
            lastError = e;
            return null;
        } finally {
            lastDuration = Duration.ofNanos(System.nanoTime() - start);
        }
    }

    /** Runs a request that must succeed. */
    <T> T must(Supplier<CompletableFuture<T>> request) {
        T result = attempt(request);
        if (lastError != null) {
            throw new AssertionError(name + "'s request failed: " + lastError, lastError);
        }
        return result;
    }

    ServerMessage.LoggedIn logIn() {
        Integer udpPort = endpoint == null ? null : endpoint.port();
        ServerMessage.LoggedIn loggedIn = attempt(() -> client().login(user, password, udpPort));
        if (loggedIn != null) {
            recorder.losses.clear();
        }
        return loggedIn;
    }

    void close() {
        if (tracing != null) {
            tracing.close();
        }
        if (files != null) {
            files.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (client != null) {
            client.close();
        }
    }
}

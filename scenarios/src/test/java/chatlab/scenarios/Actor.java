package chatlab.scenarios;

import chatlab.client.ChatClient;
import chatlab.protocol.ChatException;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    ChatException lastError;
    Object lastResult;
    Duration lastDuration = Duration.ZERO;
    private final World world;
    private ChatClient client;
    /** Files sent and received, once the actor has a UDP endpoint. */
    chatlab.client.FileTransfers files;
    final List<java.nio.file.Path> saved = Collections.synchronizedList(new ArrayList<>());


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
        Integer udpPort = files == null ? null : files.endpoint().port();
        ServerMessage.LoggedIn loggedIn = attempt(() -> client().login(user, password, udpPort));
        if (loggedIn != null) {
            recorder.losses.clear();
        }
        return loggedIn;
    }

    void close() {
        if (files != null) {
            files.close();
            files.endpoint().close();
        }
        if (client != null) {
            client.close();
        }
    }
}

package chatlab.scenarios;

import chatlab.client.ChatClient;
import chatlab.client.ClientOptions;
import chatlab.net.ProxiedEndpoint;
import chatlab.net.Toxiproxies;
import chatlab.net.ToxiproxyEnvironment;
import chatlab.net.ToxiproxyUnavailableException;
import chatlab.server.LockoutPolicy;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

import static org.awaitility.Awaitility.await;

/**
 * Everything one scenario owns: the server (embedded, or the external target), the actors and
 * their clients, and the Toxiproxy with its proxy. A fresh World per scenario, closed after it
 * even when a step fails.
 */
public final class World implements AutoCloseable {
    private final Target target = Target.fromSystemProperties();
    private final Map<String, Actor> actors = new LinkedHashMap<>();
    private final String suffix;
    private LockoutPolicy lockout = LockoutPolicy.DEFAULT;
    private chatlab.server.RoomPolicy room = chatlab.server.RoomPolicy.DEFAULT;
    private String roomPassword;
    private Path dir;
    private TestServer server;
    private ToxiproxyEnvironment toxiproxy;
    private ProxiedEndpoint proxy;

    public World() {
        // On a shared external server, names get a suffix so scenarios never meet each other's users.
        suffix = target.embedded() ? "" : "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
    }

    /** Called before each scenario: skips what this target cannot run, with the reason. */
    void begin(Scenario scenario) {
        if (!target.embedded() && scenario.getSourceTagNames().contains("@embedded")) {
            throw new TestAbortedException("needs server-side control (its lockout settings or its clock), "
                    + "so it runs only against the embedded server, not " + target);
        }
        if (scenario.getSourceTagNames().contains("@toxiproxy")) {
            proxyEnvironment();
        }
    }

    Target target() {
        return target;
    }

    Actor actor(String name) {
        return actors.computeIfAbsent(name, n -> new Actor(this, n, n + suffix));
    }

    /** A board text as posted: on a shared server it carries the scenario's suffix, like user names. */
    String text(String text) {
        return text + suffix;
    }

    /** The feature's name for a user on the wire. */
    String nameOf(String user) {
        return user.endsWith(suffix) ? user.substring(0, user.length() - suffix.length()) : user;
    }

    /** How many failed logins block an account on the target. */
    int maxAttempts() {
        return target.embedded() ? lockout.maxAttempts() : target.maxAttempts();
    }

    void configureLockout(int attempts, Duration block) {
        requireNoServer();
        lockout = new LockoutPolicy(attempts, block);
    }

    /** Gives the embedded server's room a password, which every actor gives unless told not to. */
    void configureRoomPassword(String password) {
        requireNoServer();
        roomPassword = password;
    }

    void configureKickBan(Duration ban) {
        requireNoServer();
        room = new chatlab.server.RoomPolicy(null, room.kickVotes(), room.kickWindow(), ban);
    }

    private void requireNoServer() {
        if (server != null) {
            throw new IllegalStateException("configure the server before anyone connects");
        }
    }

    /** The room password actors give: the embedded server's, or the target's from -Dchatlab.target.room-password. */
    String roomPassword() {
        return target.embedded() ? roomPassword : target.roomPassword();
    }

    /** How many distinct votes kick a user out on the target. */
    int kickVotes() {
        return target.embedded() ? room.kickVotes() : target.kickVotes();
    }

    private TestServer server() {
        if (server == null) {
            try {
                server = TestServer.start(files("server"), b -> b.lockout(lockout).room(room).roomPassword(roomPassword));
            } catch (Exception e) {
                throw new IllegalStateException("starting the embedded server failed", e);
            }
        }
        return server;
    }

    /** How clients trust the server: the embedded one by its fingerprint, a target as its address says. */
    chatlab.tls.ChannelSecurity security() {
        return target.embedded() ? server().security() : target.security();
    }

    String serverHost() {
        return target.embedded() ? "127.0.0.1" : target.host();
    }

    int serverPort() {
        return target.embedded() ? server().port() : target.port();
    }

    /** Connects an actor, through the proxy if it uses one. */
    ChatClient connect(Actor actor, chatlab.client.ChatListener recorder) {
        return connect(actor, recorder, null);
    }

    /**
     * Connects an actor as client {@code instance} (null: a new one). Requests refused with
     * {@code rate_limited} are sent again after the wait the server asks for, as a well-behaved
     * client does, so the scenarios pass against a server with its default rate limit.
     */
    ChatClient connect(Actor actor, chatlab.client.ChatListener recorder, String instance) {
        String host = actor.viaProxy ? proxy().host() : serverHost();
        int port = actor.viaProxy ? proxy().port() : serverPort();
        ChatClient client = ChatClient.connect(host, port, ClientOptions.defaults().withSecurity(security())
                .withClientName("chatlab-scenarios").withPresence(true).withListener(recorder)
                .withRequestTimeout(Recorder.WAIT).withInstance(instance).withRateLimitRetry(Recorder.WAIT));
        return TestServer.enterRoom(client, actor.givesRoomPasswordItself ? null : roomPassword());
    }

    /** A scratch folder for this scenario's files. */
    Path files(String name) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("chatlab-scenario");
            }
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The clock of the server's rules: the embedded server's manual clock, or real time for another server. */
    java.time.InstantSource clock() {
        return target.embedded() ? server().clock : java.time.InstantSource.system();
    }

    /** Moves the embedded server's clock. */
    void advance(Duration duration) {
        server().clock.advance(duration);
    }

    /** Lets the server's clock reach the next second: moved on an embedded server, waited for on another. */
    void secondPasses() {
        if (target.embedded()) {
            advance(Duration.ofSeconds(1));
        } else {
            long second = Instant.now().getEpochSecond();
            await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().getEpochSecond() > second);
        }
    }

    private ToxiproxyEnvironment proxyEnvironment() {
        if (toxiproxy == null) {
            try {
                toxiproxy = Toxiproxies.locate(Toxiproxies.projectRoot(), 42);
            } catch (ToxiproxyUnavailableException e) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new AssertionError("CI must run the fault scenarios. " + e.getMessage(), e);
                }
                throw new TestAbortedException(e.getMessage());
            }
        }
        return toxiproxy;
    }

    /** The scenario's one proxy, in front of the server. */
    ProxiedEndpoint proxy() {
        if (proxy == null) {
            proxy = proxyEnvironment().proxy("chatlab-scenario" + suffix, serverHost(), serverPort());
        }
        return proxy;
    }

    @Override
    public void close() {
        actors.values().forEach(Actor::close);
        if (toxiproxy != null) {
            toxiproxy.close();
        }
        if (server != null) {
            server.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }
}

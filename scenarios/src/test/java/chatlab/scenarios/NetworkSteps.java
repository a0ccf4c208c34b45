package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.net.toxic.Bandwidth;
import chatlab.net.toxic.Direction;
import chatlab.net.toxic.Latency;
import chatlab.net.toxic.ResetPeer;
import chatlab.net.toxic.Slicer;
import chatlab.net.toxic.Timeout;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;

/** Real network faults from Toxiproxy between a client and the server. */
public final class NetworkSteps {
    private final World world;

    public NetworkSteps(World world) {
        this.world = world;
    }

    @Given("{word} connects through a proxy")
    public void throughProxy(String name) {
        world.actor(name).viaProxy = true;
        world.proxy();
    }

    @Given("{word} connects through a proxy that adds {int} ms of latency")
    public void latency(String name, int millis) {
        throughProxy(name);
        world.proxy().add("latency", new Latency(Duration.ofMillis(millis), Duration.ZERO, Direction.DOWNSTREAM, 1.0));
    }

    @Given("{word} connects through a proxy that slices the stream into {int}-byte pieces")
    public void slicer(String name, int bytes) {
        throughProxy(name);
        world.proxy().add("slicer", new Slicer(bytes, 0, Duration.ofNanos(10_000), Direction.BOTH, 1.0));
    }

    @Given("{word} connects through a proxy limited to {int} KB\\/s")
    public void bandwidth(String name, int kilobytesPerSecond) {
        throughProxy(name);
        world.proxy().add("bandwidth", new Bandwidth(kilobytesPerSecond, Direction.BOTH, 1.0));
    }

    @When("the proxy {cut} {word}'s connection")
    public void cut(ParameterTypes.Cut cut, String name) {
        assertThat(world.actor(name).viaProxy).as("%s connects through the proxy", name).isTrue();
        switch (cut) {
            case RESET -> world.proxy().add("cut", new ResetPeer(Duration.ZERO, Direction.BOTH, 1.0));
            case TIMEOUT -> world.proxy().add("cut", new Timeout(Duration.ofMillis(200), Direction.BOTH, 1.0));
        }
    }

    @When("the proxy {cut} {word}'s connection once {word} has received some")
    public void cutMidStream(ParameterTypes.Cut cut, String name, String receiver) {
        Recorder recorder = world.actor(receiver).recorder;
        await().atMost(Recorder.WAIT).until(() -> recorder.chats.size() >= 10);
        cut(cut, name);
    }

    @Then("{word} is told the connection was lost")
    public void toldLost(String name) {
        Recorder recorder = world.actor(name).recorder;
        recorder.awaitLoss();
        assertThat(recorder.losses.getFirst().code()).isEqualTo(ErrorCode.CONNECTION_LOST);
    }

    @When("the proxy black-holes {word}'s connection")
    public void blackHole(String name) {
        assertThat(world.actor(name).viaProxy).as("%s connects through the proxy", name).isTrue();
        // nothing passes either way and nothing is closed: the server cannot tell the connection is dead
        world.proxy().add("black-hole", new Timeout(Duration.ofSeconds(60), Direction.BOTH, 1.0));
    }

    @When("{word} moves to another network and logs in again as the same client")
    public void sameClientElsewhere(String name) {
        Actor actor = world.actor(name);
        chatlab.client.ChatClient old = actor.sameClientElsewhere();
        assertThat(actor.logIn()).as("%s is logged in again: %s", name, actor.lastError).isNotNull();
        old.close();
        actor.recorder.losses.clear();
    }

    @Then("{word} took over {word} old session")
    public void tookOver(String name, String possessive) {
        Object result = world.actor(name).lastResult;
        assertThat(result).isInstanceOfSatisfying(ServerMessage.LoggedIn.class,
                loggedIn -> assertThat(loggedIn.replaced()).as("the login replaced a session").isTrue());
    }

    @When("the proxy is healed")
    public void heal() {
        world.proxy().heal();
    }

    @When("{word} reconnects")
    public void reconnects(String name) {
        Actor actor = world.actor(name);
        ServerMessage.LoggedIn loggedIn = actor.client().reconnect();
        assertThat(loggedIn).as("%s is logged in again", name).isNotNull();
    }

    @When("the proxy goes down")
    public void down() {
        world.proxy().down();
    }

    @Then("{word} cannot connect, and is told the server is unreachable")
    public void unreachable(String name) {
        try {
            world.actor(name).client();
            throw new AssertionError(name + " connected through a proxy that is down");
        } catch (ChatException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.SERVER_UNREACHABLE);
            assertThat(e.getMessage()).startsWith("server unreachable at ");
        }
    }

    @Then("{word}'s login took at least {int} ms")
    @Then("{word}'s send took at least {int} ms")
    public void tookAtLeast(String name, int millis) {
        assertThat(world.actor(name).lastDuration).isGreaterThanOrEqualTo(Duration.ofMillis(millis));
    }
}

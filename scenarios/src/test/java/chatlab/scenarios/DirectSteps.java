package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.DirectChat;
import chatlab.e2e.IdentityKeys;
import chatlab.e2e.KeyBook;
import chatlab.p2p.direct.DirectMessages;
import chatlab.protocol.ChatException;
import chatlab.testing.Recorder;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Direct messages between actors' clients over UDP, sealed end to end. */
public final class DirectSteps {
    private static final DirectMessages.Settings SETTINGS = new DirectMessages.Settings(Duration.ofMillis(100), 6);

    private final World world;
    /** Per actor: its direct messages, what it received ("from: text"), and the key changes it was warned of. */
    private final Map<String, DirectChat> chats = new HashMap<>();
    private final Map<String, List<String>> received = new HashMap<>();
    private final Map<String, List<String>> warnings = new HashMap<>();
    private final Map<String, CompletableFuture<DirectMessages.Delivered>> lastSend = new HashMap<>();

    public DirectSteps(World world) {
        this.world = world;
    }

    @Given("{names} are logged in with UDP ports and identity keys")
    public void loggedIn(List<String> names) throws IOException {
        for (String name : names) {
            Actor actor = world.actor(name);
            actor.openEndpoint();
            AccountSteps.signUp(world, actor);
            actor.logIn();
            assertThat(actor.lastError).as("%s logs in", name).isNull();
            received.put(name, new CopyOnWriteArrayList<>());
            warnings.put(name, new CopyOnWriteArrayList<>());
            start(name);
        }
    }

    private void start(String name) throws IOException {
        Actor actor = world.actor(name);
        chats.put(name, DirectChat.start(actor.client(), actor.user, actor.endpoint, world.files("data-" + name),
                new DirectMessages.Listener() {
                    @Override
                    public void onDirectMessage(String from, String text) {
                        received.get(name).add(from + ": " + text);
                    }

                    @Override
                    public void onKeyChanged(String user, KeyBook.Seen.Changed change) {
                        warnings.get(name).add(user);
                    }
                }, SETTINGS));
    }

    @When("{word} sends {word} the direct message {string}")
    public void send(String sender, String recipient, String text) {
        Actor actor = world.actor(sender);
        actor.lastError = null;
        try {
            lastSend.put(sender, chats.get(sender).send(world.actor(recipient).user, text));
        } catch (ChatException e) {
            actor.lastError = e;
        }
    }

    @When("{word}'s client starts again with a new identity key")
    public void newIdentity(String name) throws IOException {
        chats.remove(name).close();
        Files.delete(world.files("data-" + name).resolve(IdentityKeys.FILE_NAME));
        start(name);
    }

    @Then("{word} is told the direct message was delivered")
    public void delivered(String sender) {
        assertThat(lastSend.get(sender)).as("%s's send", sender).succeedsWithin(Recorder.WAIT);
    }

    @Then("{word} receives the direct message {string} from {word} once")
    public void receivesOnce(String recipient, String text, String sender) {
        String expected = world.actor(sender).user + ": " + text;
        await().atMost(Recorder.WAIT).until(() -> received.get(recipient).contains(expected));
        assertThat(received.get(recipient)).filteredOn(expected::equals).hasSize(1);
    }

    @Then("{word} is warned that {word}'s identity key changed")
    public void warned(String name, String other) {
        assertThat(warnings.get(name)).containsExactly(world.actor(other).user);
    }

    @Then("{word} receives no direct message")
    public void receivesNone(String name) {
        assertThat(received.get(name)).isEmpty();
    }

    @After
    public void close() {
        chats.values().forEach(DirectChat::close);
    }
}

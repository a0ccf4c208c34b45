package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.DirectChat;
import chatlab.e2e.IdentityKeys;
import chatlab.e2e.KeyBook;
import chatlab.p2p.direct.DirectMessages;
import chatlab.store.RelayStore;
import chatlab.testing.Recorder;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Direct messages between actors' clients over UDP, sealed end to end, and relayed for actors who are offline. */
public final class DirectSteps {
    private static final DirectMessages.Settings SETTINGS = new DirectMessages.Settings(Duration.ofMillis(100), 6)
            .withSweep(Duration.ofMillis(100));

    private final World world;
    /** Per actor: its settings, its direct messages, what it received ("from: text"), and what it was told later. */
    private final Map<String, DirectMessages.Settings> settings = new HashMap<>();
    private final Map<String, DirectChat> chats = new HashMap<>();
    private final Map<String, List<String>> received = new HashMap<>();
    private final Map<String, List<String>> warnings = new HashMap<>();
    private final Map<String, List<String>> deliveredLater = new HashMap<>();
    private final Map<String, List<String>> expired = new HashMap<>();

    public DirectSteps(World world) {
        this.world = world;
    }

    @Given("{names} are logged in with UDP ports and identity keys")
    @Given("{names} is logged in with a UDP port and identity key")
    public void loggedIn(List<String> names) throws IOException {
        for (String name : names) {
            Actor actor = world.actor(name);
            AccountSteps.signUp(world, actor);
            logsIn(name);
        }
    }

    @When("{word} logs in with direct messages")
    public void logsIn(String name) throws IOException {
        Actor actor = world.actor(name);
        actor.openEndpoint();
        actor.logIn();
        assertThat(actor.lastError).as("%s logs in", name).isNull();
        start(name);
    }

    @When("{word} logs out with direct messages")
    public void logsOut(String name) {
        chats.remove(name).close();
        Actor actor = world.actor(name);
        actor.must(() -> actor.client().logout());
    }

    @Given("{word} has logged in once with direct messages and logged out")
    public void wasHereOnce(String name) throws IOException {
        loggedIn(List.of(name));
        logsOut(name);
    }

    private void start(String name) throws IOException {
        Actor actor = world.actor(name);
        received.putIfAbsent(name, new CopyOnWriteArrayList<>());
        warnings.putIfAbsent(name, new CopyOnWriteArrayList<>());
        deliveredLater.putIfAbsent(name, new CopyOnWriteArrayList<>());
        expired.putIfAbsent(name, new CopyOnWriteArrayList<>());
        chats.put(name, DirectChat.start(actor.client(), actor.user, actor.endpoint, folder(name),
                new DirectMessages.Listener() {
                    @Override
                    public void onDirectMessage(String from, String text) {
                        received.get(name).add(from + ": " + text);
                    }

                    @Override
                    public void onKeyChanged(String user, KeyBook.Seen.Changed change) {
                        warnings.get(name).add(user);
                    }

                    @Override
                    public void onDeliveredLater(String to, long messageId) {
                        deliveredLater.get(name).add(to);
                    }

                    @Override
                    public void onExpired(String to, long messageId) {
                        expired.get(name).add(to);
                    }
                }, settings.getOrDefault(name, SETTINGS)));
    }

    private Path folder(String name) {
        return world.files("data-" + name);
    }

    /** Starts {@code name}'s direct messages again with changed settings. */
    private void restart(String name, DirectMessages.Settings changed) throws IOException {
        settings.put(name, changed);
        chats.remove(name).close();
        start(name);
    }

    @Given("{word} hands direct messages to {int} relay(s)")
    public void relays(String name, int relays) throws IOException {
        restart(name, settings.getOrDefault(name, SETTINGS).withRelays(relays));
    }

    @Given("{word} asks relays to hold direct messages for {int} second(s)")
    public void hold(String name, int seconds) throws IOException {
        restart(name, settings.getOrDefault(name, SETTINGS).withHold(Duration.ofSeconds(seconds)));
    }

    @Given("{word} holds at most {int} message(s) from one sender")
    public void limit(String name, int messages) throws IOException {
        RelayStore.Limits limits = RelayStore.Limits.DEFAULT;
        restart(name, settings.getOrDefault(name, SETTINGS).withLimits(new RelayStore.Limits(messages,
                limits.perSenderBytes(), limits.totalCount(), limits.totalBytes(), limits.longest())));
    }

    @When("{word} sends {word} the direct message {string}")
    public void send(String sender, String recipient, String text) {
        Actor actor = world.actor(sender);
        actor.attempt(() -> chats.get(sender).send(world.actor(recipient).user, text));
    }

    @When("{word}'s client starts again with a new identity key")
    public void newIdentity(String name) throws IOException {
        chats.remove(name).close();
        Files.delete(folder(name).resolve(IdentityKeys.FILE_NAME));
        start(name);
    }

    private DirectMessages.Outcome outcome(String sender) {
        Actor actor = world.actor(sender);
        assertThat(actor.lastError).as("%s's send", sender).isNull();
        return (DirectMessages.Outcome) actor.lastResult;
    }

    @Then("{word} is told the direct message was delivered")
    public void delivered(String sender) {
        assertThat(outcome(sender)).isInstanceOf(DirectMessages.Delivered.class);
    }

    @Then("{word} is told the direct message is held for {word} by {int} relay(s)")
    public void held(String sender, String recipient, int relays) {
        assertThat(outcome(sender)).isInstanceOfSatisfying(DirectMessages.Held.class, held -> {
            assertThat(held.to()).isEqualTo(world.actor(recipient).user);
            assertThat(held.relays()).hasSize(relays);
        });
    }

    @Then("{word} is told the direct message was not held, {word} refusing with {string}")
    public void notHeld(String sender, String relay, String code) {
        assertThat(outcome(sender)).isInstanceOfSatisfying(DirectMessages.NotHeld.class,
                notHeld -> assertThat(notHeld.reasons().get(world.actor(relay).user)).startsWith(code + ": "));
    }

    @Then("{word} is told the direct message to {word} was delivered later")
    public void deliveredLater(String sender, String recipient) {
        await().atMost(Recorder.WAIT).until(() -> !deliveredLater.get(sender).isEmpty());
        assertThat(deliveredLater.get(sender)).containsExactly(world.actor(recipient).user);
    }

    @Then("{word} is told the direct message to {word} expired undelivered")
    public void expired(String sender, String recipient) {
        await().atMost(Recorder.WAIT).until(() -> !expired.get(sender).isEmpty());
        assertThat(expired.get(sender)).containsExactly(world.actor(recipient).user);
        assertThat(deliveredLater.get(sender)).isEmpty();
    }

    @Then("{names} hold(s) nothing for {word} or {word}")
    public void holdNothing(List<String> relays, String recipient, String sender) {
        holdNothing(relays, List.of(recipient, sender));
    }

    @Then("{names} hold(s) nothing for {word}")
    public void holdNothing(List<String> relays, String user) {
        holdNothing(relays, List.of(user));
    }

    private void holdNothing(List<String> relays, List<String> users) {
        await().atMost(Recorder.WAIT).untilAsserted(() -> {
            for (String relay : relays) {
                for (String user : users) {
                    try (RelayStore store = RelayStore.open(folder(relay), RelayStore.Limits.DEFAULT)) {
                        assertThat(store.heldFor(world.actor(user).user, System.currentTimeMillis()))
                                .as("%s holds for %s", relay, user).isEmpty();
                    }
                }
            }
        });
    }

    @Then("{names} cannot read {string} in what they hold")
    public void cannotRead(List<String> relays, String text) throws IOException {
        for (String relay : relays) {
            try (Stream<Path> files = Files.list(folder(relay))) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(RelayStore.FILE)).toList()) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as("%s's %s", relay, f)
                            .doesNotContain(text);
                }
            }
        }
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

package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Unicast, multicast, broadcast and blockcast; order, offline delivery and blocks. */
public final class MessagingSteps {
    private final World world;
    private String bulkText;

    public MessagingSteps(World world) {
        this.world = world;
    }

    private List<String> users(List<String> names) {
        return names.stream().map(n -> world.actor(n).user).toList();
    }

    private void send(String sender, Audience mode, List<String> names, String text) {
        Actor actor = world.actor(sender);
        ServerMessage.Sent sent = actor.attempt(() -> actor.client().send(mode, users(names), text, null));
        if (sent != null) {
            actor.acknowledged.add(text);
        }
    }

    @When("{word} sends {string} to {names}")
    public void sendTo(String sender, String text, List<String> names) {
        send(sender, names.size() == 1 ? Audience.UNICAST : Audience.MULTICAST, names, text);
    }

    @When("{word} broadcasts {string}")
    public void broadcast(String sender, String text) {
        send(sender, Audience.BROADCAST, List.of(), text);
    }

    @When("{word} sends {string} to everyone except {names}")
    public void blockcast(String sender, String text, List<String> names) {
        send(sender, Audience.BLOCKCAST, names, text);
    }

    @When("{word} sends {int} numbered messages to {word}")
    @When("{word} sends {int} more numbered messages to {word}")
    public void sendNumbered(String sender, int count, String recipient) {
        Actor actor = world.actor(sender);
        for (int i = 0; i < count; i++) {
            String text = sender + " " + (++actor.numbered);
            actor.must(() -> actor.client().unicast(world.actor(recipient).user, text));
            actor.acknowledged.add(text);
        }
    }

    /** Sends until a send fails, as a user would keep typing until told the connection is gone. */
    @When("{word} keeps trying to send numbered messages to {word}")
    public void keepsSending(String sender, String recipient) {
        Actor actor = world.actor(sender);
        String to = world.actor(recipient).user;
        for (int i = 0; i < 1_000 && actor.recorder.losses.isEmpty(); i++) {
            String text = sender + " " + (++actor.numbered);
            if (actor.attempt(() -> actor.client().unicast(to, text)) == null) {
                return;
            }
            actor.acknowledged.add(text);
        }
    }

    /** Keeps traffic flowing towards a receiver whose connection is being cut, until it notices. */
    @When("{word} keeps sending numbered messages to {word} until {word} is cut off")
    public void sendsUntilCutOff(String sender, String recipient, String cutOff) {
        Actor actor = world.actor(sender);
        Actor watched = world.actor(cutOff);
        String to = world.actor(recipient).user;
        long deadline = System.nanoTime() + chatlab.testing.Recorder.WAIT.toNanos();
        for (int i = 0; i < 5_000 && watched.recorder.losses.isEmpty() && System.nanoTime() < deadline; i++) {
            String text = sender + " " + (++actor.numbered);
            // a rate_limited refusal never reaches here: the client waits as told and sends again
            if (actor.attempt(() -> actor.client().unicast(to, text)) != null) {
                actor.acknowledged.add(text);
            } else {
                throw new AssertionError(sender + "'s send failed: " + actor.lastError, actor.lastError);
            }
        }
    }

    @When("{word} sends {int} numbered messages to {word} without waiting")
    public void sendNumberedPipelined(String sender, int count, String recipient) {
        Actor actor = world.actor(sender);
        String to = world.actor(recipient).user;
        for (int i = 0; i < count; i++) {
            String text = sender + " " + (++actor.numbered);
            CompletableFuture<ServerMessage.Sent> send = actor.client().send(Audience.UNICAST, List.of(to), text,
                    "k-" + actor.numbered);
            // Answers arrive in the order of the requests, so this keeps the order of acknowledgement.
            actor.inFlight.add(send.thenRun(() -> actor.acknowledged.add(text)));
        }
    }

    @When("{word} and {word} each send {int} numbered messages to {word} at the same time")
    public void sendConcurrently(String first, String second, int count, String recipient) {
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> sendNumbered(first, count, recipient), threads);
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> sendNumbered(second, count, recipient), threads);
            CompletableFuture.allOf(a, b).join();
        }
    }

    @When("{word} sends a message of {int} characters to {word}")
    public void sendLong(String sender, int length, String recipient) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append(i % 10);
        }
        bulkText = text.substring(0, length);
        send(sender, Audience.UNICAST, List.of(recipient), bulkText);
    }

    @When("{word} blocks {word}")
    public void blocks(String blocker, String blocked) {
        Actor actor = world.actor(blocker);
        actor.must(() -> actor.client().block(world.actor(blocked).user));
    }

    @When("{word} unblocks {word}")
    public void unblocks(String blocker, String blocked) {
        Actor actor = world.actor(blocker);
        actor.must(() -> actor.client().unblock(world.actor(blocked).user));
    }

    private List<String> textsFrom(Actor recipient, Actor sender) {
        return recipient.recorder.chats.stream().filter(c -> c.from().equals(sender.user))
                .map(ServerMessage.Chat::text).toList();
    }

    @Then("{word} receives {string} from {word}")
    public void receives(String recipient, String text, String sender) {
        Actor to = world.actor(recipient);
        Actor from = world.actor(sender);
        await().atMost(Recorder.WAIT).untilAsserted(() -> assertThat(textsFrom(to, from)).contains(text));
    }

    @Then("{word} receives {string} and then {string} from {word}")
    public void receivesInOrder(String recipient, String first, String second, String sender) {
        Actor to = world.actor(recipient);
        Actor from = world.actor(sender);
        await().atMost(Recorder.WAIT).untilAsserted(
                () -> assertThat(textsFrom(to, from)).containsSubsequence(first, second));
    }

    @Then("{word} receives that message intact")
    public void receivesBulk(String recipient) {
        Actor to = world.actor(recipient);
        await().atMost(Recorder.WAIT).untilAsserted(() -> assertThat(to.recorder.texts()).contains(bulkText));
    }

    /**
     * Nothing from {@code sender} reached {@code recipient}: a probe message sent now must arrive,
     * and the server delivers in the order it stored, so anything earlier would be there first.
     */
    @Then("{word} receives nothing from {word}")
    public void receivesNothing(String recipient, String sender) {
        Actor to = world.actor(recipient);
        Actor probe = world.actor("probe");
        if (!probe.connected()) {
            AccountSteps.signUp(world, probe);
            probe.logIn();
        }
        String marker = "probe " + (++probe.numbered);
        probe.must(() -> probe.client().unicast(to.user, marker));
        await().atMost(Recorder.WAIT).untilAsserted(() -> assertThat(to.recorder.texts()).contains(marker));
        assertThat(textsFrom(to, world.actor(sender))).isEmpty();
    }

    @Then("{word} receives {word}'s {int} messages once each, in order")
    public void receivesAllInOrder(String recipient, String sender, int count) {
        Actor to = world.actor(recipient);
        Actor from = world.actor(sender);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            expected.add(sender + " " + i);
        }
        await().atMost(Recorder.WAIT).until(() -> textsFrom(to, from).size() >= count);
        assertThat(textsFrom(to, from)).containsExactlyElementsOf(expected);
    }

    @Then("{word} receives every message {word} had acknowledged, once each, in order")
    public void receivesEveryAcknowledged(String recipient, String sender) {
        Actor to = world.actor(recipient);
        Actor from = world.actor(sender);
        for (CompletableFuture<?> send : List.copyOf(from.inFlight)) {
            try {
                ChatClient.await(send);
            } catch (ChatException e) {
                // not acknowledged: it may or may not arrive, but never twice
            }
        }
        List<String> acknowledged = List.copyOf(from.acknowledged);
        assertThat(acknowledged).isNotEmpty();
        await().atMost(Recorder.WAIT).untilAsserted(() -> assertThat(textsFrom(to, from)).containsAll(acknowledged));
        List<String> received = textsFrom(to, from);
        assertThat(received).doesNotHaveDuplicates();
        assertThat(received).containsSubsequence(acknowledged);
    }

    @Then("{word} is told {word} is offline")
    public void toldOffline(String sender, String recipient) {
        Actor actor = world.actor(sender);
        if (actor.lastError != null) {
            assertThat(actor.lastError.getMessage()).isEqualTo(world.actor(recipient).user + " is offline");
            return;
        }
        assertThat(actor.lastResult).isInstanceOfSatisfying(ServerMessage.Sent.class, sent -> {
            assertThat(sent.offline()).isEqualTo(1);
            assertThat(sent.message()).isEqualTo(world.actor(recipient).user
                    + " is offline; the message will be delivered at their next login.");
        });
    }

    @Then("{word} is told {word} blocks her")
    @Then("{word} is told {word} blocks him")
    public void toldBlockedBy(String sender, String blocker) {
        Actor actor = world.actor(sender);
        assertThat(actor.lastResult).isInstanceOfSatisfying(ServerMessage.Sent.class,
                sent -> assertThat(sent.blockedBy()).contains(world.actor(blocker).user));
    }

    @Then("{word} is told {int} messages are waiting")
    public void toldWaiting(String recipient, int count) {
        assertThat(world.actor(recipient).lastResult).isInstanceOfSatisfying(ServerMessage.LoggedIn.class,
                loggedIn -> assertThat(loggedIn.pending()).isEqualTo(count));
    }
}

package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.client.FileTransfers;
import chatlab.p2p.transfer.TransferSettings;
import chatlab.protocol.Audience;
import chatlab.testing.Recorder;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/** Files between actors: each has a UDP endpoint and a download folder. */
public final class FileSteps {
    private final World world;

    public FileSteps(World world) {
        this.world = world;
    }

    @Given("{names} are logged in with UDP ports")
    public void loggedInWithUdp(List<String> names) throws IOException {
        for (String name : names) {
            Actor actor = world.actor(name);
            actor.files = new FileTransfers(actor.client(), actor.openEndpoint(), world.files("downloads-" + name),
                    TransferSettings.DEFAULT.withIdleTimeout(Duration.ofSeconds(5)), new FileTransfers.Listener() { });
            actor.recorder.onIncomingFile(file -> actor.files.accept(file).thenAccept(r -> actor.saved.add(r.file())));
            AccountSteps.signUp(world, actor);
            actor.logIn();
            assertThat(actor.lastError).as("%s logs in", name).isNull();
        }
    }

    private Path original(String fileName, int size) {
        Path file = world.files("originals").resolve(fileName);
        byte[] bytes = new byte[size];
        new Random(fileName.hashCode()).nextBytes(bytes);
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(String sender, String fileName, int size, Audience mode, List<String> names) {
        Actor actor = world.actor(sender);
        Path file = original(fileName, size);
        List<String> users = names.stream().map(n -> world.actor(n).user).toList();
        FileTransfers.Sent sent = actor.attempt(() -> actor.files.send(file, mode, users));
        if (sent != null) {
            assertThat(sent.outcomes()).allSatisfy(o -> assertThat(o.ok()).as("sent to %s: %s", o.user(), o.error()).isTrue());
        }
    }

    @When("{word} sends a file {string} of {int} bytes to {names}")
    public void sendTo(String sender, String fileName, int size, List<String> names) {
        send(sender, fileName, size, names.size() == 1 ? Audience.UNICAST : Audience.MULTICAST, names);
    }

    @When("{word} sends a file {string} of {int} bytes to everyone")
    public void sendToEveryone(String sender, String fileName, int size) {
        send(sender, fileName, size, Audience.BROADCAST, List.of());
    }

    @When("{word} sends a file {string} of {int} bytes to everyone except {names}")
    public void sendToEveryoneExcept(String sender, String fileName, int size, List<String> names) {
        send(sender, fileName, size, Audience.BLOCKCAST, names);
    }

    @Then("{word} saves {word}'s {string} intact")
    public void savesIntact(String receiver, String sender, String fileName) throws IOException {
        Actor actor = world.actor(receiver);
        Path expected = world.files("downloads-" + receiver).resolve(world.actor(sender).user + "_" + fileName);
        await().atMost(Recorder.WAIT).until(() -> actor.saved.contains(expected));
        assertThat(Files.readAllBytes(expected)).isEqualTo(Files.readAllBytes(world.files("originals").resolve(fileName)));
    }

    @Then("{word} saves nothing")
    public void savesNothing(String receiver) throws IOException {
        assertThat(world.actor(receiver).saved).isEmpty();
        try (var files = Files.list(world.files("downloads-" + receiver))) {
            assertThat(files).isEmpty();
        }
    }

}

package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.TracingClient;
import chatlab.p2p.beacon.Beacon;
import chatlab.protocol.BlueTraceTimes;
import chatlab.protocol.ChatException;
import chatlab.protocol.Contact;
import chatlab.protocol.ContactEntry;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** BlueTrace: temporary IDs, beacons over real UDP between actors, and contact-log uploads. */
public final class TracingSteps {
    private static final String NEVER_ISSUED = "01234567890123456789";
    private final World world;
    private final List<String> issuedTo = new ArrayList<>();
    private ServerMessage.ContactTrace lastTrace;

    public TracingSteps(World world) {
        this.world = world;
    }

    private ServerMessage.TempId download(String name) {
        Actor actor = world.actor(name);
        actor.tempId = actor.tracing().downloadTempId();
        return actor.tempId;
    }

    private ServerMessage.TempId idOf(String name) {
        Actor actor = world.actor(name);
        return actor.tempId != null ? actor.tempId : download(name);
    }

    private static BlueTraceTimes times(Actor actor) {
        return actor.tracing().times();
    }

    @When("{word} downloads a temporary ID")
    @Given("{word} has a temporary ID")
    public void downloads(String name) {
        download(name);
    }

    @Given("{names} have temporary IDs")
    public void haveIds(List<String> names) {
        names.forEach(this::download);
    }

    @Then("{word}'s temporary ID has {int} digits and is valid for {int} minutes")
    public void idShape(String name, int digits, int minutes) {
        Actor actor = world.actor(name);
        ServerMessage.TempId id = actor.tempId;
        assertThat(id.tempId()).matches("[0-9]{" + digits + "}");
        // the window includes both ends, so it ends a second before start + ttl, as in the seed's tempIDs.txt
        assertThat(Duration.between(times(actor).parse(id.start()), times(actor).parse(id.expiry())))
                .isEqualTo(Duration.ofMinutes(minutes).minusSeconds(1));
    }

    @When("{word} beacons {word}")
    public void beacons(String sender, String receiver) {
        idOf(sender);
        Actor listening = world.actor(receiver);
        listening.tracing(); // a phone listens for beacons from the moment its tracing starts
        world.actor(sender).tracing().beacon(listening.udpAddress());
    }

    private TracingClient.Heard awaitHeard(Actor actor) {
        actor.tracing();
        await().atMost(Recorder.WAIT).until(() -> !actor.heard.isEmpty());
        return actor.heard.getLast();
    }

    @Then("{word} reports a valid beacon")
    public void reportsValid(String name) {
        TracingClient.Heard heard = awaitHeard(world.actor(name));
        assertThat(heard.valid()).as(String.join(" ", heard.lines())).isTrue();
        assertThat(heard.lines()).last().isEqualTo("The beacon is valid.");
    }

    @Then("{word} reports an invalid beacon")
    public void reportsInvalid(String name) {
        TracingClient.Heard heard = awaitHeard(world.actor(name));
        assertThat(heard.beacon()).as("a beacon, decoded").isNotNull();
        assertThat(heard.valid()).isFalse();
        assertThat(heard.lines()).last().isEqualTo("The beacon is invalid.");
    }

    @Then("{word}'s contact log holds {word}'s temporary ID")
    public void logHolds(String holder, String owner) {
        ServerMessage.TempId id = world.actor(owner).tempId;
        world.actor(holder).tracing().housekeeping();
        assertThat(world.actor(holder).tracing().log().contacts())
                .contains(new ContactEntry(id.tempId(), id.start(), id.expiry()));
    }

    @Then("{word}'s contact log is empty")
    public void logEmpty(String name) {
        TracingClient tracing = world.actor(name).tracing();
        // entries leave on the client's own once-a-second tick, without any command
        await().atMost(Recorder.WAIT).until(() -> tracing.log().contacts().isEmpty());
    }

    @When("{int} minute(s) pass")
    @When("{int} more minute(s) pass(es)")
    public void minutesPass(int minutes) {
        world.advance(Duration.ofMinutes(minutes));
    }

    private void deliver(byte[] datagram, String receiver) {
        Actor actor = world.actor(receiver);
        actor.tracing();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(datagram, datagram.length, actor.udpAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] beaconOf(String name) {
        ServerMessage.TempId id = idOf(name);
        return new Beacon(id.tempId(), id.start(), id.expiry()).encode();
    }

    @When("{word}'s old beacon reaches {word}")
    public void oldBeacon(String sender, String receiver) {
        deliver(beaconOf(sender), receiver);
    }

    @When("a datagram of {int} bytes reaches {word}")
    public void garbage(int bytes, String receiver) {
        deliver(new byte[bytes], receiver);
    }

    @When("{word}'s beacon marked version {int} reaches {word}")
    public void wrongVersion(String sender, int version, String receiver) {
        byte[] beacon = beaconOf(sender);
        beacon[Beacon.LENGTH - 1] = (byte) ('0' + version);
        deliver(beacon, receiver);
    }

    @When("{word}'s beacon with letters in the ID reaches {word}")
    public void lettersInId(String sender, String receiver) {
        byte[] beacon = beaconOf(sender);
        beacon[5] = 'x';
        deliver(beacon, receiver);
    }

    @Then("{word} rejects it as {}")
    public void rejects(String name, String reason) {
        TracingClient.Heard heard = awaitHeard(world.actor(name));
        assertThat(heard.beacon()).isNull();
        assertThat(heard.rejection()).startsWith(reason);
        assertThat(heard.lines()).singleElement().asString().contains("that is not a beacon: " + reason);
    }

    @Given("{word} has logged a beacon from {word}")
    public void hasLogged(String receiver, String sender) {
        beacons(sender, receiver);
        reportsValid(receiver);
    }

    @Given("{word} has beaconed {word}")
    public void hasBeaconed(String sender, String receiver) {
        world.actor(receiver).heard.clear();
        hasLogged(receiver, sender);
    }

    @Given("{names} have beaconed {word}")
    public void haveBeaconed(List<String> senders, String receiver) {
        senders.forEach(sender -> hasBeaconed(sender, receiver));
    }

    @Given("{word} has logged a beacon with an ID the server never issued")
    public void loggedUnknown(String name) {
        Actor actor = world.actor(name);
        BlueTraceTimes times = times(actor);
        String start = times.format(world.clock().instant());
        String expiry = times.format(world.clock().instant().plus(Duration.ofMinutes(15)).minusSeconds(1));
        deliver(new Beacon(NEVER_ISSUED, start, expiry).encode(), name);
        reportsValid(name);
    }

    @Given("{word} has beaconed {word} with {int} different temporary IDs")
    public void manyIds(String sender, String receiver, int count) {
        Actor receiving = world.actor(receiver);
        receiving.tracing();
        for (int i = 0; i < count; i++) {
            download(sender);
            issuedTo.add(world.actor(sender).tempId.tempId());
            world.actor(sender).tracing().beacon(receiving.udpAddress());
        }
        await().atMost(Recorder.WAIT).until(() -> receiving.tracing().log().contacts().size() >= count);
    }

    @When("{word} uploads the contact log")
    public void uploads(String name) {
        lastTrace = world.actor(name).tracing().upload();
    }

    @When("{word} uploads the contact log twice")
    public void uploadsTwice(String name) {
        uploads(name);
        uploads(name);
    }

    @When("{word} uploads the first {int} entries of the contact log")
    public void uploadsPart(String name, int entries) {
        Actor actor = world.actor(name);
        List<ContactEntry> first = actor.tracing().log().contacts().subList(0, entries);
        ServerMessage.ContactsStored stored = actor.must(() -> actor.client().uploadContacts(UUID.randomUUID().toString(),
                List.copyOf(first)));
        assertThat(stored.stored()).isEqualTo(entries);
    }

    @When("{word} tries to upload the contact log")
    public void triesToUpload(String name) {
        Actor actor = world.actor(name);
        try {
            lastTrace = actor.tracing().upload();
        } catch (ChatException e) {
            actor.lastError = e;
        }
        assertThat(actor.lastError).as("%s's upload through a cut connection fails", name).isNotNull();
    }

    private Contact contactOf(String name) {
        Actor actor = world.actor(name);
        return new Contact(actor.user, actor.tempId.start(), actor.tempId.tempId());
    }

    private ServerMessage.ContactTrace lastTrace() {
        assertThat(lastTrace).as("the server's answer to an upload").isNotNull();
        return lastTrace;
    }

    @Then("the server names exactly {names} as contacts, with their times")
    public void namesExactly(List<String> names) {
        assertThat(lastTrace().contacts()).containsExactlyInAnyOrderElementsOf(names.stream().map(this::contactOf).toList());
        assertThat(lastTrace().unmatched()).isEmpty();
    }

    @Then("the server names {word} once")
    public void namesOnce(String name) {
        assertThat(lastTrace().contacts()).containsExactly(contactOf(name));
    }

    @Then("the server names no contacts")
    public void namesNone() {
        assertThat(lastTrace().contacts()).isEmpty();
    }

    @Then("the server reports the ID as unmatched, because it is unknown")
    public void unmatchedUnknown() {
        assertThat(lastTrace().unmatched()).singleElement().satisfies(u -> {
            assertThat(u.tempId()).isEqualTo(NEVER_ISSUED);
            assertThat(u.reason()).isEqualTo("unknown tempID");
        });
    }

    @Then("the server names {word} for all {int} IDs, once each")
    public void namesForAll(String name, int count) {
        List<Contact> contacts = lastTrace().contacts();
        assertThat(contacts).hasSize(count).extracting(Contact::tempId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(issuedTo);
        assertThat(contacts).extracting(Contact::user).containsOnly(world.actor(name).user);
    }
}

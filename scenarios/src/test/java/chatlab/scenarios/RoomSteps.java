package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;

/** The CSC573 room: its password, and kicking a user out by vote. */
public final class RoomSteps {
    private final World world;

    public RoomSteps(World world) {
        this.world = world;
    }

    @Given("the room's password is {string}")
    public void roomPassword(String password) {
        world.configureRoomPassword(password);
    }

    @Given("the server bans a kicked user for {int} minutes")
    public void kickBan(int minutes) {
        world.configureKickBan(Duration.ofMinutes(minutes));
    }

    @Given("{word} connects without giving the room password")
    public void connectsWithoutRoomPassword(String name) {
        Actor actor = world.actor(name);
        actor.givesRoomPasswordItself = true;
        actor.client();
    }

    @When("{word} gives the room password {string}")
    public void givesRoomPassword(String name, String password) {
        Actor actor = world.actor(name);
        actor.attempt(() -> actor.client().enterRoom(password));
    }

    @When("{word} gives the room password {string} {int} more times")
    public void givesRoomPasswordTimes(String name, String password, int times) {
        for (int i = 0; i < times; i++) {
            givesRoomPassword(name, password);
        }
    }

    @When("{word} votes to kick {word}")
    public void votesToKick(String voter, String target) {
        Actor actor = world.actor(voter);
        actor.attempt(() -> actor.client().kick(world.actor(target).user));
    }

    @Then("{word}'s vote counts {int} of the votes needed")
    public void voteCounts(String voter, int votes) {
        Actor actor = world.actor(voter);
        assertThat(actor.lastError).isNull();
        assertThat(actor.lastResult).isInstanceOfSatisfying(ServerMessage.KickVote.class, vote -> {
            assertThat(vote.votes()).isEqualTo(votes);
            assertThat(vote.needed()).isEqualTo(world.kickVotes());
            assertThat(vote.kicked()).isFalse();
        });
    }

    @Then("{word} is still in the room")
    public void stillInTheRoom(String name) {
        Actor actor = world.actor(name);
        assertThat(actor.recorder.disconnects).isEmpty();
        ChatClient.await(actor.client().ping());
    }

    @Then("{word} is kicked out by the votes of {names}")
    public void kickedOutBy(String name, List<String> voters) {
        Actor actor = world.actor(name);
        await().atMost(Recorder.WAIT).until(() -> !actor.recorder.disconnects.isEmpty());
        ServerMessage.Disconnect told = actor.recorder.disconnects.getFirst();
        assertThat(told.code()).isEqualTo(ErrorCode.KICKED);
        assertThat(told.reason()).contains("the votes of " + String.join(", ", users(voters)));
        await().atMost(Recorder.WAIT).until(() -> !actor.recorder.losses.isEmpty());
    }

    @Then("{names} see(s) that {word} was kicked out")
    public void seeKicked(List<String> watchers, String name) {
        String user = world.actor(name).user;
        for (String watcher : watchers) {
            Recorder recorder = world.actor(watcher).recorder;
            await().atMost(Recorder.WAIT).until(() -> recorder.kicks.stream().anyMatch(k -> k.user().equals(user)));
        }
    }

    private List<String> users(List<String> names) {
        return names.stream().map(n -> world.actor(n).user).toList();
    }
}

package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.protocol.BoardEntry;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.ServerMessage;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;

/**
 * Toom's board. Steps name messages by their text, and find their number and timestamp on the
 * board as a user would, so they also run against a server whose board is not empty.
 */
public final class BoardSteps {
    private final World world;

    public BoardSteps(World world) {
        this.world = world;
    }

    private List<BoardEntry> board(Actor reader) {
        return reader.must(() -> reader.client().messageLog());
    }

    private Optional<BoardEntry> find(Actor reader, String text) {
        String posted = world.text(text);
        List<BoardEntry> matches = board(reader).stream().filter(e -> e.text().equals(posted)).toList();
        assertThat(matches).as("board messages reading \"%s\"", text).hasSizeLessThanOrEqualTo(1);
        return matches.stream().findFirst();
    }

    private BoardEntry entry(Actor reader, String text) {
        return find(reader, text).orElseThrow(() -> new AssertionError("no board message reads \"" + text + "\""));
    }

    @Given("{word} has posted {string}")
    public void hasPosted(String name, String text) {
        Actor actor = world.actor(name);
        actor.must(() -> actor.client().post(world.text(text)));
    }

    @When("{word} posts {string}")
    public void posts(String name, String text) {
        Actor actor = world.actor(name);
        actor.attempt(() -> actor.client().post(world.text(text)));
    }

    @When("{word} edits {string} to {string}")
    public void edits(String name, String text, String newText) {
        Actor actor = world.actor(name);
        BoardEntry e = entry(actor, text);
        actor.attempt(() -> actor.client().edit(e.number(), e.timestamp(), world.text(newText)));
    }

    @When("{word} edits {string} naming the timestamp {string}")
    public void editsWithTimestamp(String name, String text, String timestamp) {
        Actor actor = world.actor(name);
        BoardEntry e = entry(actor, text);
        actor.attempt(() -> actor.client().edit(e.number(), timestamp, text + " (edited)"));
    }

    @When("{word} deletes {string}")
    public void deletes(String name, String text) {
        Actor actor = world.actor(name);
        BoardEntry e = entry(actor, text);
        actor.attempt(() -> actor.client().delete(e.number(), e.timestamp()));
    }

    @Given("a second passes")
    public void aSecondPasses() {
        world.secondPasses();
    }

    @When("{word} reads the board since {string} was posted")
    public void readsSince(String name, String text) {
        Actor actor = world.actor(name);
        String since = entry(actor, text).timestamp();
        actor.attempt(() -> actor.client().request(id -> new ClientMessage.Read(id, since, null),
                ServerMessage.BoardMessages.class));
    }

    @Then("{word} reads {string} but not {string}")
    public void readsButNot(String name, String wanted, String unwanted) {
        assertThat(world.actor(name).lastResult).isInstanceOfSatisfying(ServerMessage.BoardMessages.class, read -> {
            List<String> texts = read.messages().stream().map(BoardEntry::text).toList();
            assertThat(texts).contains(world.text(wanted)).doesNotContain(world.text(unwanted));
        });
    }

    @Then("{word} is told the message was posted with its number and time")
    public void toldPosted(String name) {
        assertThat(world.actor(name).lastResult).isInstanceOfSatisfying(ServerMessage.BoardAck.class,
                ack -> assertThat(ack.message()).isEqualTo("Message #" + ack.number() + " posted at " + ack.timestamp() + "."));
    }

    @Then("{string} is numbered one after {string}")
    public void numberedAfter(String later, String earlier) {
        Actor reader = anyReader();
        assertThat(entry(reader, later).number()).isEqualTo(entry(reader, earlier).number() + 1);
    }

    @Then("the board shows {string} by {word}, not edited")
    public void showsNotEdited(String text, String name) {
        shows(text, name, false);
    }

    @Then("the board shows {string} by {word}, edited")
    public void showsEdited(String text, String name) {
        shows(text, name, true);
    }

    private void shows(String text, String name, boolean edited) {
        BoardEntry e = entry(anyReader(), text);
        assertThat(e.user()).isEqualTo(world.actor(name).user);
        assertThat(e.edited()).isEqualTo(edited);
    }

    @Then("the board does not show {string}")
    public void doesNotShow(String text) {
        assertThat(find(anyReader(), text)).isEmpty();
    }

    /** Someone logged in to look at the board with. */
    private Actor anyReader() {
        Actor reader = world.actor("reader");
        if (!reader.connected()) {
            AccountSteps.signUp(world, reader);
            reader.logIn();
        }
        return reader;
    }
}

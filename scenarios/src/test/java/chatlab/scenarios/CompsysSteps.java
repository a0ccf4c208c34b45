package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.protocol.ActiveUser;
import chatlab.protocol.Audience;
import chatlab.protocol.GroupMember;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.StoredMessage;
import chatlab.protocol.UserProfile;
import chatlab.protocol.UserStatus;
import chatlab.testing.Recorder;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Base64;
import java.util.List;

/**
 * Compsys 302's web chat on the wire: named groups, profiles, statuses and search. Group names
 * carry the scenario's suffix, like user names, so scenarios never meet on a shared server.
 */
public final class CompsysSteps {
    /** The smallest PNG: a 1×1 transparent pixel. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private final World world;

    public CompsysSteps(World world) {
        this.world = world;
    }

    private String group(String name) {
        return world.text(name);
    }

    // ---- groups

    @When("{word} creates the group {string}")
    public void createsGroup(String name, String group) {
        Actor actor = world.actor(name);
        actor.attempt(() -> actor.client().createGroup(group(group), null, false));
    }

    @When("{word} creates the open group {string}")
    public void createsOpenGroup(String name, String group) {
        Actor actor = world.actor(name);
        actor.attempt(() -> actor.client().createGroup(group(group), null, true));
    }

    @When("{word} invites {word} to the group {string}")
    public void invites(String name, String invitee, String group) {
        Actor actor = world.actor(name);
        actor.must(() -> actor.client().invite(group(group), world.actor(invitee).user));
    }

    @When("{word} joins the group {string}")
    public void joins(String name, String group) {
        Actor actor = world.actor(name);
        actor.attempt(() -> actor.client().join(group(group)));
    }

    @When("{word} leaves the group {string}")
    public void leaves(String name, String group) {
        Actor actor = world.actor(name);
        actor.must(() -> actor.client().leave(group(group)));
    }

    @When("{word} sends {string} to the group {string}")
    public void sendsToGroup(String name, String text, String group) {
        Actor actor = world.actor(name);
        if (actor.attempt(() -> actor.client().sendToGroup(group(group), text, null, null)) != null) {
            actor.acknowledged.add(text);
        }
    }

    @Then("{word} is told {word} invited her/him/them to the group {string}")
    public void toldInvited(String name, String by, String group) {
        awaitGroupChange(name, group, world.actor(name).user, "invited", world.actor(by).user);
    }

    @Then("{word} is told {word} joined the group {string}")
    public void toldJoined(String name, String who, String group) {
        awaitGroupChange(name, group, world.actor(who).user, "joined", null);
    }

    @Then("{word} is told {word} left the group {string}")
    public void toldLeft(String name, String who, String group) {
        awaitGroupChange(name, group, world.actor(who).user, "left", null);
    }

    private void awaitGroupChange(String name, String group, String user, String change, String by) {
        Recorder recorder = world.actor(name).recorder;
        await().atMost(Recorder.WAIT).untilAsserted(() -> assertThat(recorder.groups).anySatisfy(g -> {
            assertThat(g.group()).isEqualTo(group(group));
            assertThat(g.user()).isEqualTo(user);
            assertThat(g.change()).isEqualTo(change);
            if (by != null) {
                assertThat(g.by()).isEqualTo(by);
            }
        }));
    }

    @Then("{word} receives {string} from {word} in the group {string}")
    public void receivesInGroup(String name, String text, String sender, String group) {
        Recorder recorder = world.actor(name).recorder;
        String from = world.actor(sender).user;
        await().atMost(Recorder.WAIT).untilAsserted(() -> assertThat(recorder.chats).anySatisfy(c -> {
            assertThat(c.text()).isEqualTo(text);
            assertThat(c.from()).isEqualTo(from);
            assertThat(c.mode()).isEqualTo(Audience.GROUP);
            assertThat(c.group()).isEqualTo(group(group));
        }));
        assertThat(recorder.chats).filteredOn(c -> c.text().equals(text) && c.from().equals(from))
                .as("%s's copies of \"%s\"", name, text).hasSize(1);
    }

    @Then("the members of the group {string} are {names}")
    public void members(String group, List<String> names) {
        Actor first = world.actor(names.getFirst());
        List<String> members = first.must(() -> first.client().members(group(group))).stream()
                .map(GroupMember::user).toList();
        assertThat(members).containsExactlyInAnyOrderElementsOf(names.stream().map(n -> world.actor(n).user).toList());
    }

    @Then("{word} reads {string} in the history of the group {string}")
    public void readsHistory(String name, String text, String group) {
        Actor actor = world.actor(name);
        ServerMessage.Messages history = actor.must(() -> actor.client().history(group(group), null));
        assertThat(history.messages()).extracting(StoredMessage::text).contains(text);
    }

    // ---- profiles and statuses

    @When("{word} sets her/his/their display name to {string} and her/his/their about text to {string}")
    public void setsProfile(String name, String displayName, String about) {
        Actor actor = world.actor(name);
        actor.must(() -> actor.client().setProfile(displayName, about));
    }

    @Then("{word} is told {word} changed her/his/their profile")
    public void toldProfileChanged(String name, String who) {
        Recorder recorder = world.actor(name).recorder;
        String user = world.actor(who).user;
        await().atMost(Recorder.WAIT).until(() -> recorder.profiles.stream().anyMatch(p -> p.user().equals(user)));
    }

    @Then("{word} sees that {word}'s display name is {string} and her/his/their about text {string}")
    public void seesProfile(String name, String who, String displayName, String about) {
        Actor actor = world.actor(name);
        UserProfile profile = actor.must(() -> actor.client().profile(world.actor(who).user));
        assertThat(profile.displayName()).isEqualTo(displayName);
        assertThat(profile.about()).isEqualTo(about);
    }

    @When("{word} sets a PNG image as her/his/their avatar")
    public void setsPngAvatar(String name) {
        Actor actor = world.actor(name);
        actor.must(() -> actor.client().setAvatar(PNG));
    }

    @When("{word} sets a text file as her/his/their avatar")
    public void setsTextAvatar(String name) {
        Actor actor = world.actor(name);
        actor.attempt(() -> actor.client().setAvatar("<svg onload=alert(1)></svg>".getBytes()));
    }

    @Then("{word} sees {word}'s avatar as a PNG image")
    public void seesAvatar(String name, String who) {
        Actor actor = world.actor(name);
        ServerMessage.Avatar avatar = actor.must(() -> actor.client().avatar(world.actor(who).user));
        assertThat(avatar.mediaType()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(avatar.data())).isEqualTo(PNG);
    }

    @When("{word} sets her/his/their status to {string} with the note {string}")
    public void setsStatusWithNote(String name, String status, String note) {
        Actor actor = world.actor(name);
        actor.must(() -> actor.client().setStatus(UserStatus.parse(status), note));
    }

    @When("{word} sets her/his/their status to {string}")
    public void setsStatus(String name, String status) {
        Actor actor = world.actor(name);
        actor.must(() -> actor.client().setStatus(UserStatus.parse(status), null));
    }

    @Then("{word} is told {word} is {string}")
    public void toldStatus(String name, String who, String status) {
        Recorder recorder = world.actor(name).recorder;
        String user = world.actor(who).user;
        UserStatus wanted = UserStatus.parse(status);
        await().atMost(Recorder.WAIT).until(() -> recorder.statuses.stream()
                .anyMatch(s -> s.user().equals(user) && s.status() == wanted));
    }

    @Then("{word} sees {word} among the active users as {string}")
    public void seesStatusInWho(String name, String who, String status) {
        Actor actor = world.actor(name);
        String user = world.actor(who).user;
        assertThat(actor.must(() -> actor.client().who())).filteredOn(u -> u.user().equals(user))
                .extracting(ActiveUser::status).containsExactly(UserStatus.parse(status));
    }

    @Then("{word} receives {string} from {word} without a notification")
    public void receivesSilently(String name, String text, String sender) {
        Recorder recorder = world.actor(name).recorder;
        String from = world.actor(sender).user;
        await().atMost(Recorder.WAIT).untilAsserted(() -> assertThat(recorder.chats)
                .filteredOn(c -> c.text().equals(text) && c.from().equals(from))
                .singleElement().satisfies(c -> assertThat(c.quiet()).as("silent").isTrue()));
    }

    // ---- search

    @Then("{word}'s search for {string} finds {string} and the board's {string}")
    public void searchFindsWithBoard(String name, String query, String text, String post) {
        List<StoredMessage> found = search(name, query);
        assertThat(found).extracting(StoredMessage::text).contains(text, world.text(post));
        assertThat(found).filteredOn(m -> m.text().equals(world.text(post)))
                .allSatisfy(m -> assertThat(m.mode()).isEqualTo("board"));
    }

    @Then("{word}'s search for {string} finds {string}")
    public void searchFinds(String name, String query, String text) {
        assertThat(search(name, query)).extracting(StoredMessage::text).contains(text);
    }

    @Then("{word}'s search for {string} finds nothing")
    public void searchFindsNothing(String name, String query) {
        // on a shared server the board may hold others' posts: nothing of this scenario's users is found
        assertThat(search(name, query)).filteredOn(m -> !m.mode().equals("board")).isEmpty();
    }

    @Then("{word}'s search for users matching {string} finds {word}")
    public void searchUsers(String name, String query, String who) {
        Actor actor = world.actor(name);
        ServerMessage.Users users = actor.must(() -> actor.client().searchUsers(query, null));
        assertThat(users.users()).extracting(UserProfile::user).contains(world.actor(who).user);
    }

    private List<StoredMessage> search(String name, String query) {
        Actor actor = world.actor(name);
        return actor.must(() -> actor.client().searchMessages(query, null)).messages();
    }
}

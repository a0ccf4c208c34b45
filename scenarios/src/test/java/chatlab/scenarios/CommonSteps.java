package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import io.cucumber.java.en.Then;

/** What any actor is told: a refusal with its code, or a message for a person. */
public final class CommonSteps {
    private final World world;

    public CommonSteps(World world) {
        this.world = world;
    }

    @Then("{word} is refused because {refusal}")
    public void isRefused(String name, ErrorCode code) {
        Actor actor = world.actor(name);
        assertThat(actor.lastError).as("%s's last request should have been refused", name).isNotNull();
        assertThat(actor.lastError.code()).isEqualTo(code);
    }

    @Then("{word} is told {string}")
    public void isTold(String name, String message) {
        assertThat(messageOf(world.actor(name))).isEqualTo(message);
    }

    /** The human message of the actor's last answer, whether a refusal or a success. */
    static String messageOf(Actor actor) {
        if (actor.lastError != null) {
            return actor.lastError.getMessage();
        }
        return switch (actor.lastResult) {
            case ServerMessage.Ok ok -> ok.message();
            case ServerMessage.LoggedIn loggedIn -> loggedIn.message();
            case ServerMessage.Sent sent -> sent.message();
            case ServerMessage.BoardAck ack -> ack.message();
            case ServerMessage.BoardMessages board -> board.message();
            case ServerMessage.ActiveUsers users -> users.message();
            case ServerMessage.RecentUsers users -> users.message();
            case ServerMessage.KickVote vote -> vote.message();
            case null, default -> throw new AssertionError(actor.name + " was told nothing: " + actor.lastResult);
        };
    }
}

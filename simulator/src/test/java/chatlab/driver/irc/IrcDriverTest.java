package chatlab.driver.irc;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.workload.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the IRC driver refuses of a scenario before anything starts. */
class IrcDriverTest {
    @Test
    void aMessageTooLongForAnIrcLineIsRefusedAndChatCoreIsNot() throws Exception {
        IrcDriver irc = new IrcDriver();
        assertThat(irc.refusals(ScenarioLoader.load(Path.of("scenarios/chat-core.yaml"), List.of()))).isEmpty();
        assertThat(irc.refusals(ScenarioLoader.load(Path.of("scenarios/chat-core.yaml"),
                List.of("groups.talk.messageSize=400"))))
                .containsExactly("group talk: messageSize 400 does not fit in an IRC line (at most 300)");
    }

    @Test
    void theCountOfUsersIsReadFromTheWordsOfRfc2812AndOfNgircd() {
        assertThat(IrcConnection.users("There are 12 users and 3 invisible on 1 servers")).isEqualTo(15);
        assertThat(IrcConnection.users("There are 200 users and 0 services on 1 servers")).isEqualTo(200);
        assertThat(IrcConnection.users("There is 1 user and 0 services on 1 server")).isEqualTo(1);
        assertThat(IrcConnection.users("Welcome")).isNull();
    }

    @Test
    void statusesAndWhoAreExpressedAndTheBoardIsNot() throws Exception {
        IrcDriver irc = new IrcDriver();
        assertThat(irc.refusals(ScenarioLoader.load(Path.of("scenarios/chat-core.yaml"),
                List.of("groups.talk.mix={unicast: 45, leave: 5, status: 25, who: 25}")))).isEmpty();
        assertThat(irc.refusals(ScenarioLoader.load(Path.of("scenarios/chat-core.yaml"),
                List.of("groups.talk.mix={unicast: 45, leave: 5, post: 50}")))).singleElement().asString().contains("post");
    }
}

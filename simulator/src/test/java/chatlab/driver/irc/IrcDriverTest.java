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
}

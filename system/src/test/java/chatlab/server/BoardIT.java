package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.protocol.BoardEntry;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardIT {
    @TempDir
    Path dir;

    @Test
    void renumbersAfterADeleteAcrossClients() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            server.signup("Yoda", "pw");
            server.signup("Obi-wan", "pw");
            ChatClient yoda = server.login("Yoda", "pw", new Recorder());
            ChatClient obi = server.login("Obi-wan", "pw", new Recorder());
            ServerMessage.BoardAck one = ChatClient.await(yoda.post("one"));
            server.clock.advance(Duration.ofSeconds(1));
            ServerMessage.BoardAck two = ChatClient.await(obi.post("two"));
            server.clock.advance(Duration.ofSeconds(1));
            ChatClient.await(yoda.post("three"));
            try {
                ChatClient.await(obi.delete(1, one.timestamp()));
                throw new AssertionError("deleting another's message must fail");
            } catch (ChatException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_OWNER);
            }
            ChatClient.await(obi.delete(2, two.timestamp()));
            assertThat(ChatClient.await(yoda.messageLog())).extracting(BoardEntry::number, BoardEntry::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "one"),
                            org.assertj.core.groups.Tuple.tuple(2, "three"));
            ServerMessage.BoardAck edited = ChatClient.await(yoda.edit(2, "23 Feb 2021 15:00:02", "three, edited"));
            assertThat(edited.message()).isEqualTo("Message #2 edited at 23 Feb 2021 15:00:02.");
            assertThat(ChatClient.await(obi.read("23 Feb 2021 15:00:01")))
                    .containsExactly(new BoardEntry(2, "Yoda", "three, edited", "23 Feb 2021 15:00:02", true));
        }
    }

    @Test
    void pagesAreJoinedByTheClient() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            server.signup("Yoda", "pw");
            ChatClient yoda = server.login("Yoda", "pw", new Recorder());
            for (int i = 0; i < 40; i++) {
                ChatClient.await(yoda.post(i + " " + "é".repeat(4000)));
            }
            assertThat(ChatClient.await(yoda.messageLog())).hasSize(40).extracting(BoardEntry::number)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
        }
    }
}

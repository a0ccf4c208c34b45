package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.client.ClientOptions;
import chatlab.protocol.BoardEntry;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import chatlab.testing.ServerProcesses;
import chatlab.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged data survives a restart and a killed process. */
class PersistenceIT {
    @TempDir
    Path dir;

    @Test
    void offlineMessagesSurviveARestart() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            server.signup("alice", "pw");
            server.signup("bob", "pw");
            ChatClient alice = server.login("alice", "pw", new Recorder());
            ChatClient.await(alice.unicast("bob", "before restart 1"));
            ChatClient.await(alice.unicast("bob", "before restart 2"));
            ChatClient.await(alice.block("bob"));
            server.restart();
            Recorder bob = new Recorder();
            ChatClient bobClient = server.login("bob", "pw", bob);
            assertThat(bob.awaitChats(2)).extracting(ServerMessage.Chat::text)
                    .containsExactly("before restart 1", "before restart 2");
            ServerMessage.Sent blocked = ChatClient.await(bobClient.broadcast("still blocked?"));
            assertThat(blocked.blockedBy()).containsExactly("alice");
        }
    }

    @Test
    void acknowledgedDataSurvivesKillMinus9() throws Exception {
        Path db = dir.resolve("killed.db");
        int sent = 200;
        try (ServerProcess server = ServerProcesses.start(db)) {
            try (ChatClient setup = ChatClient.connect("127.0.0.1", server.port(), ServerProcesses.clientOptions(server))) {
                ChatClient.await(setup.signup("alice", "pw"));
                ChatClient.await(setup.signup("bob", "pw"));
            }
            ChatClient alice = ChatClient.connect("127.0.0.1", server.port(), ServerProcesses.clientOptions(server));
            ChatClient.await(alice.login("alice", "pw", null));
            List<CompletableFuture<ServerMessage.Sent>> acks = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                acks.add(alice.unicast("bob", "m" + i));
            }
            acks.forEach(ChatClient::await);
            ChatClient.await(alice.post("on the board"));
            assertThat(server.kill()).isNotZero();
            alice.close();
        }
        assertThat(Files.exists(db)).isTrue();
        try (ServerProcess server = ServerProcesses.start(db)) {
            Recorder bob = new Recorder();
            ChatClient client = ChatClient.connect("127.0.0.1", server.port(), ServerProcesses.clientOptions(server).withListener(bob));
            ServerMessage.LoggedIn loggedIn = ChatClient.await(client.login("bob", "pw", null));
            assertThat(loggedIn.pending()).isEqualTo(sent);
            assertThat(bob.awaitChats(sent)).extracting(ServerMessage.Chat::text)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, sent).mapToObj(i -> "m" + i).toList());
            assertThat(ChatClient.await(client.messageLog())).extracting(BoardEntry::text).containsExactly("on the board");
            client.close();
        }
    }
}

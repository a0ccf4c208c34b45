package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.protocol.Profile;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Toom's userlog.txt and messagelog.txt: in step with every change (each is rewritten before
 * the change is answered), never half written, and empty at each start of a Toom server, whose
 * board starts empty as Toom's did.
 */
class SeedFilesIT {
    @TempDir
    Path dir;

    private List<String> lines(String name) throws Exception {
        return Files.readAllLines(dir.resolve("logs").resolve(name), StandardCharsets.UTF_8);
    }

    private TestServer toom() throws Exception {
        return TestServer.start(dir, b -> b.profile(Profile.TOOM).logs(dir.resolve("logs")).freshBoard(true));
    }

    @Test
    void theLogsFollowEveryLoginLogoutPostEditAndDelete() throws Exception {
        try (TestServer server = toom()) {
            assertThat(lines("userlog.txt")).isEmpty();
            assertThat(lines("messagelog.txt")).isEmpty();
            server.signup("Yoda", "pw");
            server.signup("Hans", "pw");
            ChatClient yoda = server.connect(new Recorder());
            ChatClient.await(yoda.login("Yoda", "pw", 6001));
            assertThat(lines("userlog.txt")).containsExactly("1; 23 Feb 2021 15:00:00; Yoda; 127.0.0.1; 6001");
            ChatClient hans = server.connect(new Recorder());
            ChatClient.await(hans.login("Hans", "pw", 6002));
            assertThat(lines("userlog.txt")).containsExactly("1; 23 Feb 2021 15:00:00; Yoda; 127.0.0.1; 6001",
                    "2; 23 Feb 2021 15:00:00; Hans; 127.0.0.1; 6002");

            ServerMessage.BoardAck first = ChatClient.await(yoda.post("do or do not"));
            ChatClient.await(hans.post("there is no try"));
            assertThat(lines("messagelog.txt")).containsExactly("1; 23 Feb 2021 15:00:00; Yoda; do or do not; no",
                    "2; 23 Feb 2021 15:00:00; Hans; there is no try; no");
            server.clock.advance(java.time.Duration.ofSeconds(5));
            ChatClient.await(yoda.edit(1, first.timestamp(), "do, or do not"));
            assertThat(lines("messagelog.txt")).first().isEqualTo("1; 23 Feb 2021 15:00:05; Yoda; do, or do not; yes");
            ChatClient.await(yoda.delete(1, "23 Feb 2021 15:00:05"));
            assertThat(lines("messagelog.txt")).containsExactly("1; 23 Feb 2021 15:00:00; Hans; there is no try; no");

            ChatClient.await(yoda.logout());
            assertThat(lines("userlog.txt")).as("renumbered after Yoda left")
                    .containsExactly("1; 23 Feb 2021 15:00:00; Hans; 127.0.0.1; 6002");
            try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("nothing half written is left behind").containsExactlyInAnyOrder("userlog.txt", "messagelog.txt");
            }
        }
    }

    @Test
    void aToomServerStartsWithAnEmptyBoardAndEmptyLogsAsToomsDid() throws Exception {
        try (TestServer plain = TestServer.start(dir)) {
            plain.signup("Yoda", "pw");
            ChatClient yoda = plain.login("Yoda", "pw", new Recorder());
            ChatClient.await(yoda.post("from an earlier run"));
        }
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs").resolve("messagelog.txt"), "1; 01 Jan 2021 00:00:00; Old; stale; no\n");
        try (TestServer server = toom()) {
            assertThat(lines("messagelog.txt")).isEmpty();
            ChatClient yoda = server.login("Yoda", "pw", new Recorder());
            assertThat(ChatClient.await(yoda.messageLog())).isEmpty();
            assertThat(ChatClient.await(yoda.post("a new start")).number()).isEqualTo(1);
        }
    }

    @Test
    void theHandshakeNamesTheProfile() throws Exception {
        try (TestServer server = toom()) {
            ChatClient client = server.connect(new Recorder());
            assertThat(client.welcome().serverProfile()).isEqualTo(Profile.TOOM);
            assertThat(client.welcome().profile()).isEqualTo("toom");
        }
        try (TestServer server = TestServer.start(dir.resolve("plain"))) {
            assertThat(server.connect(new Recorder()).welcome().serverProfile()).isEqualTo(Profile.CHATLAB);
        }
    }
}

package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Outcomes;
import chatlab.testing.RawClient;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSC573 room over real connections: its password, the kick vote, the ban and the operator's console. */
class RoomIT {
    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, b -> b.roomPassword("lokipass").lockout(new LockoutPolicy(3,
                Duration.ofSeconds(30)))).roomPassword("lokipass");
        for (String user : java.util.List.of("loki", "aish", "unith")) {
            server.signup(user, "pass-" + user);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theWelcomeSaysSoAndNoSignupOrLoginComesBeforeTheRoomPassword() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.send("{\"type\":\"hello\",\"id\":1,\"version\":1}");
            assertThat(raw.awaitResponse(1)).isInstanceOfSatisfying(ServerMessage.Welcome.class,
                    w -> assertThat(w.room()).isTrue());
            raw.send("{\"type\":\"login\",\"id\":2,\"user\":\"loki\",\"password\":\"pass-loki\"}");
            assertThat(raw.awaitResponse(2)).isInstanceOfSatisfying(ServerMessage.Error.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ROOM_PASSWORD_REQUIRED));
            raw.send("{\"type\":\"signup\",\"id\":3,\"user\":\"newbie\",\"password\":\"pw\"}");
            assertThat(raw.awaitResponse(3)).isInstanceOfSatisfying(ServerMessage.Error.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ROOM_PASSWORD_REQUIRED));
            raw.send("{\"type\":\"room\",\"id\":4,\"password\":\"wrong\"}");
            assertThat(raw.awaitResponse(4)).isInstanceOfSatisfying(ServerMessage.Error.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.WRONG_ROOM_PASSWORD);
                assertThat(e.attemptsLeft()).isEqualTo(2);
            });
            raw.send("{\"type\":\"room\",\"id\":5,\"password\":\"lokipass\"}");
            assertThat(raw.awaitResponse(5)).isEqualTo(new ServerMessage.Ok(5, RoomService.WELCOME));
            raw.send("{\"type\":\"login\",\"id\":6,\"user\":\"loki\",\"password\":\"pass-loki\"}");
            assertThat(raw.awaitResponse(6)).isInstanceOf(ServerMessage.LoggedIn.class);
        }
    }

    @Test
    void theRoomPasswordComesAfterTheHandshakeAndMustNotBeEmpty() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.send("{\"type\":\"room\",\"id\":1,\"password\":\"lokipass\"}");
            assertThat(raw.awaitResponse(1)).isInstanceOfSatisfying(ServerMessage.Error.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.HANDSHAKE_REQUIRED));
            raw.send("{\"type\":\"hello\",\"id\":2,\"version\":1}");
            raw.send("{\"type\":\"room\",\"id\":3,\"password\":\"\"}");
            assertThat(raw.awaitResponse(3)).isInstanceOfSatisfying(ServerMessage.Error.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
            raw.send("{\"type\":\"kick\",\"id\":4,\"user\":\"aish\"}");
            assertThat(raw.awaitResponse(4)).isInstanceOfSatisfying(ServerMessage.Error.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_LOGGED_IN));
        }
    }

    @Test
    void repeatedWrongRoomPasswordsBlockTheAddressForAWhile() {
        try (ChatClient client = ChatClient.connect("127.0.0.1", server.port(), server.clientOptions())) {
            assertThat(Outcomes.codeOf(client.enterRoom("a"))).isEqualTo(ErrorCode.WRONG_ROOM_PASSWORD);
            assertThat(Outcomes.codeOf(client.enterRoom("b"))).isEqualTo(ErrorCode.WRONG_ROOM_PASSWORD);
            assertThat(Outcomes.codeOf(client.enterRoom("c"))).isEqualTo(ErrorCode.ROOM_BLOCKED);
            assertThat(Outcomes.codeOf(client.enterRoom("lokipass"))).isEqualTo(ErrorCode.ROOM_BLOCKED);
            server.clock.advance(Duration.ofSeconds(30));
            assertThat(ChatClient.await(client.enterRoom("lokipass")).message()).isEqualTo(RoomService.WELCOME);
        }
    }

    @Test
    void twoVotesKickAUserWhoIsToldWhyAndCannotComeBackUntilTheBanEnds() {
        Recorder lokiSide = new Recorder();
        Recorder unithSide = new Recorder();
        ChatClient loki = server.login("loki", "pass-loki", lokiSide);
        ChatClient aish = server.login("aish", "pass-aish", new Recorder());
        server.login("unith", "pass-unith", unithSide);
        ServerMessage.KickVote first = ChatClient.await(loki.kick("unith"));
        assertThat(first).isEqualTo(new ServerMessage.KickVote(first.id(), "unith", 1, 2, false,
                "Your vote to kick unith is counted: 1 of the 2 votes needed within 5m."));
        assertThat(ChatClient.await(loki.kick("unith")).votes()).isEqualTo(1);
        assertThat(ChatClient.await(aish.kick("unith")).kicked()).isTrue();
        await().atMost(Recorder.WAIT).until(() -> !unithSide.disconnects.isEmpty() && !unithSide.losses.isEmpty());
        assertThat(unithSide.disconnects.getFirst().code()).isEqualTo(ErrorCode.KICKED);
        await().atMost(Recorder.WAIT).until(() -> !lokiSide.kicks.isEmpty());
        assertThat(lokiSide.kicks.getFirst().by()).containsExactly("loki", "aish");
        assertThat(server.server().activeUsers()).containsExactly("loki", "aish");

        try (ChatClient again = server.connect(new Recorder())) {
            assertThat(Outcomes.codeOf(again.login("unith", "pass-unith", null))).isEqualTo(ErrorCode.BANNED);
            server.clock.advance(Duration.ofMinutes(10));
            assertThat(ChatClient.await(again.login("unith", "pass-unith", null)).user()).isEqualTo("unith");
        }
    }

    @Test
    void aReconnectGivesTheRoomPasswordAgain() throws Exception {
        ChatClient loki = server.login("loki", "pass-loki", new Recorder());
        server.restart();
        assertThat(loki.reconnect().user()).isEqualTo("loki");
    }

    @Test
    void theConsoleListsKicksAndAnnounces() {
        Recorder lokiSide = new Recorder();
        Recorder unithSide = new Recorder();
        ChatClient loki = server.login("loki", "pass-loki", lokiSide);
        server.login("unith", "pass-unith", unithSide);
        ChatClient.await(loki.kick("unith"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] stopped = new boolean[1];
        ServerConsole console = new ServerConsole(server.server().room(), new PrintStream(bytes, true,
                StandardCharsets.UTF_8), () -> stopped[0] = true);
        assertThat(console.execute("who")).isTrue();
        assertThat(console.execute("say The room closes at ten")).isTrue();
        await().atMost(Recorder.WAIT).until(() -> !unithSide.notices.isEmpty());
        assertThat(unithSide.notices.getFirst().text()).isEqualTo("The room closes at ten");
        assertThat(console.execute("kick")).isTrue();
        assertThat(console.execute("kick unith")).isTrue();
        await().atMost(Recorder.WAIT).until(() -> !unithSide.disconnects.isEmpty());
        assertThat(unithSide.disconnects.getFirst().code()).isEqualTo(ErrorCode.KICKED);
        assertThat(console.execute("kick unith")).isTrue();
        assertThat(console.execute("dance")).isTrue();
        assertThat(stopped[0]).isFalse();
        assertThat(console.execute("stop")).isFalse();
        assertThat(stopped[0]).isTrue();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsSubsequence(
                "2 in the room:",
                "  loki (127.0.0.1, since 23 Feb 2021 15:00:00)",
                "  unith (127.0.0.1, since 23 Feb 2021 15:00:00)",
                "  kick votes against unith: 1",
                "Announced to 2 sessions.",
                "Usage: kick USER",
                "unith was kicked out of the room by the server's operator.",
                "Error: unith is not in the room",
                "Unknown command 'dance'. " + ServerConsole.HELP,
                "Stopping the server.");
    }
}

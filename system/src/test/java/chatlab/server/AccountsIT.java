package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.client.ChatClient;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import static chatlab.testing.Outcomes.codeOf;
import chatlab.protocol.ServerMessage;
import chatlab.testing.RawClient;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsIT {
    @TempDir
    Path dir;


    @Test
    void signsUpLogsInAndOut() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            server.signup("+61410666666", "kara1234");
            ChatClient client = server.connect(new Recorder());
            ServerMessage.LoggedIn loggedIn = ChatClient.await(client.login("+61410666666", "kara1234", 6000));
            assertThat(loggedIn.message()).isEqualTo("Welcome to TOOM!");
            assertThat(loggedIn.since()).isEqualTo("23 Feb 2021 15:00:00");
            assertThat(codeOf(client.login("+61410666666", "kara1234", 6000))).isEqualTo(ErrorCode.ALREADY_LOGGED_IN);
            assertThat(ChatClient.await(client.logout()).message()).isEqualTo("Bye, +61410666666!");
            assertThat(codeOf(client.post("after logout"))).isEqualTo(ErrorCode.NOT_LOGGED_IN);
            assertThat(codeOf(client.signup("+61410666666", "again"))).isEqualTo(ErrorCode.USERNAME_TAKEN);
        }
    }

    @Test
    void importsASeedCredentialsFile() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials.txt"), "Yoda wise@!man\nHans falcon*solo\n");
        try (TestServer server = TestServer.start(dir, b -> b.credentials(credentials))) {
            assertThat(ChatClient.await(server.connect(new Recorder()).login("Hans", "falcon*solo", null)).user())
                    .isEqualTo("Hans");
            assertThat(codeOf(server.connect(new Recorder()).login("hans", "falcon*solo", null)))
                    .isEqualTo(ErrorCode.UNKNOWN_USER);
        }
    }

    @Test
    void refusesToStartWithABadCredentialsFile() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials.txt"), "Yoda wise@!man\nbroken\n");
        assertThatThrownBy(() -> TestServer.start(dir, b -> b.credentials(credentials)))
                .isInstanceOf(CredentialsFile.InvalidException.class)
                .hasMessageContaining("line 2:");
    }

    @Test
    void refusesASecondSessionUnlessAllowed() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("one"))) {
            server.signup("Yoda", "pw");
            server.login("Yoda", "pw", new Recorder());
            assertThat(codeOf(server.connect(new Recorder()).login("Yoda", "pw", null)))
                    .isEqualTo(ErrorCode.DUPLICATE_SESSION);
        }
        try (TestServer server = TestServer.start(dir.resolve("many"), b -> b.allowMultipleSessions(true))) {
            server.signup("Yoda", "pw");
            server.signup("Hans", "pw");
            Recorder first = new Recorder();
            Recorder second = new Recorder();
            server.login("Yoda", "pw", first);
            server.login("Yoda", "pw", second);
            ChatClient.await(server.login("Hans", "pw", new Recorder()).unicast("Yoda", "both sessions"));
            assertThat(first.awaitChats(1)).extracting(ServerMessage.Chat::text).containsExactly("both sessions");
            assertThat(second.awaitChats(1)).extracting(ServerMessage.Chat::text).containsExactly("both sessions");
        }
    }

    @Test
    void fiftyConcurrentWrongAttemptsOverTheNetworkBlockAfterExactlyN() throws Exception {
        int n = 4;
        try (TestServer server = TestServer.start(dir,
                b -> b.lockout(new LockoutPolicy(n, Duration.ofSeconds(10))))) {
            server.signup("Yoda", "right");
            List<ChatClient> clients = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                clients.add(server.connect(new Recorder()));
            }
            List<CompletableFuture<ServerMessage.LoggedIn>> attempts = clients.stream()
                    .map(c -> c.login("Yoda", "wrong", null)).toList();
            Map<ErrorCode, Long> counts = attempts.stream().map(chatlab.testing.Outcomes::codeOf)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts).containsOnlyKeys(ErrorCode.WRONG_PASSWORD, ErrorCode.ACCOUNT_BLOCKED);
            assertThat(counts.get(ErrorCode.WRONG_PASSWORD)).isEqualTo(n - 1);
            assertThat(codeOf(server.connect(new Recorder()).login("Yoda", "right", null)))
                    .isEqualTo(ErrorCode.ACCOUNT_BLOCKED);
        }
    }

    @Test
    void aBlockHoldsFromAnotherAddressAndLiftsAfterItsDuration() throws Exception {
        try (TestServer server = TestServer.start(dir,
                b -> b.lockout(new LockoutPolicy(2, Duration.ofSeconds(10))))) {
            server.signup("Yoda", "right");
            try (RawClient here = server.raw();
                    RawClient elsewhere = server.raw(InetAddress.getByName("127.0.0.2"))) {
                here.send("{\"type\":\"hello\",\"id\":1,\"version\":1}");
                here.send("{\"type\":\"login\",\"id\":2,\"user\":\"Yoda\",\"password\":\"bad\"}");
                assertThat(here.awaitResponse(2)).isInstanceOfSatisfying(ServerMessage.Error.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSWORD);
                    assertThat(e.attemptsLeft()).isEqualTo(1);
                });
                here.send("{\"type\":\"login\",\"id\":3,\"user\":\"Yoda\",\"password\":\"bad\"}");
                assertThat(here.awaitResponse(3)).isInstanceOfSatisfying(ServerMessage.Error.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_BLOCKED);
                    assertThat(e.message()).isEqualTo("Invalid Password. Your account has been blocked. Please try again later");
                });
                elsewhere.send("{\"type\":\"hello\",\"id\":1,\"version\":1}");
                elsewhere.send("{\"type\":\"login\",\"id\":2,\"user\":\"Yoda\",\"password\":\"right\"}");
                assertThat(elsewhere.awaitResponse(2)).isInstanceOfSatisfying(ServerMessage.Error.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_BLOCKED);
                    assertThat(e.message()).isEqualTo("Your account is blocked due to multiple login failures. Please try again later");
                    assertThat(e.retryAfterSeconds()).isEqualTo(10);
                });
                server.clock.advance(Duration.ofSeconds(10));
                elsewhere.send("{\"type\":\"login\",\"id\":3,\"user\":\"Yoda\",\"password\":\"right\"}");
                assertThat(elsewhere.awaitResponse(3)).isInstanceOf(ServerMessage.LoggedIn.class);
            }
        }
    }
}

package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.protocol.ActiveUser;
import chatlab.protocol.PresenceState;
import chatlab.protocol.RecentUser;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceIT {
    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        for (String user : List.of("Yoda", "Hans", "Obi-wan")) {
            server.signup(user, "pw");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatClient login(String user, int udpPort, Recorder recorder) {
        ChatClient client = server.connect(recorder);
        ChatClient.await(client.login(user, "pw", udpPort));
        return client;
    }

    @Test
    void listsTheOtherActiveUsersWithAddressAndUdpPort() {
        ChatClient yoda = login("Yoda", 6000, new Recorder());
        assertThat(ChatClient.await(yoda.who())).isEmpty();
        assertThat(ChatClient.await(yoda.request(id -> new chatlab.protocol.ClientMessage.Who(id, null),
                ServerMessage.ActiveUsers.class)).message()).isEqualTo("no other active user");
        server.clock.advance(Duration.ofSeconds(5));
        login("Hans", 6001, new Recorder());
        List<ActiveUser> others = ChatClient.await(yoda.who());
        assertThat(others).containsExactly(new ActiveUser(2, "Hans", "23 Feb 2021 15:00:05", "127.0.0.1", 6001,
                chatlab.protocol.UserStatus.ONLINE));
    }

    @Test
    void theUserLogIsRenumberedWhenSomeoneLeaves() {
        ChatClient yoda = login("Yoda", 6000, new Recorder());
        ChatClient hans = login("Hans", 6001, new Recorder());
        login("Obi-wan", 6002, new Recorder());
        assertThat(ChatClient.await(yoda.userLog())).extracting(ActiveUser::seq, ActiveUser::user).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "Yoda"), org.assertj.core.groups.Tuple.tuple(2, "Hans"),
                org.assertj.core.groups.Tuple.tuple(3, "Obi-wan"));
        ChatClient.await(hans.logout());
        assertThat(ChatClient.await(yoda.userLog())).extracting(ActiveUser::seq, ActiveUser::user).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "Yoda"), org.assertj.core.groups.Tuple.tuple(2, "Obi-wan"));
    }

    @Test
    void aDroppedConnectionLeavesTheActiveLogToo() {
        ChatClient yoda = login("Yoda", 6000, new Recorder());
        login("Hans", 6001, new Recorder()).close();
        await().atMost(Recorder.WAIT).until(() -> ChatClient.await(yoda.who()).isEmpty());
    }

    @Test
    void whoElseSinceIncludesRecentUsersWhoLeft() {
        ChatClient yoda = login("Yoda", 6000, new Recorder());
        ChatClient.await(login("Hans", 6001, new Recorder()).logout());
        server.clock.advance(Duration.ofMinutes(30));
        login("Obi-wan", 6002, new Recorder());
        assertThat(ChatClient.await(yoda.whoElseSince(Duration.ofHours(1)))).containsExactly(
                new RecentUser("Hans", "23 Feb 2021 15:00:00", false),
                new RecentUser("Obi-wan", "23 Feb 2021 15:30:00", true));
        assertThat(ChatClient.await(yoda.whoElseSince(Duration.ofMinutes(10))))
                .extracting(RecentUser::user).containsExactly("Obi-wan");
    }

    @Test
    void announcesUsersComingAndGoingExceptToThoseWhoBlockThem() {
        Recorder yodaEvents = new Recorder();
        Recorder obiEvents = new Recorder();
        login("Yoda", 6000, yodaEvents);
        ChatClient obi = login("Obi-wan", 6002, obiEvents);
        ChatClient.await(obi.block("Hans"));
        ChatClient hans = login("Hans", 6001, new Recorder());
        ChatClient.await(hans.logout());
        await().atMost(Recorder.WAIT).until(() -> yodaEvents.presence.stream().anyMatch(
                p -> p.user().equals("Hans") && p.state() == PresenceState.OFFLINE));
        assertThat(yodaEvents.presence).extracting(ServerMessage.Presence::user, ServerMessage.Presence::state)
                .containsSubsequence(org.assertj.core.groups.Tuple.tuple("Obi-wan", PresenceState.ONLINE),
                        org.assertj.core.groups.Tuple.tuple("Hans", PresenceState.ONLINE),
                        org.assertj.core.groups.Tuple.tuple("Hans", PresenceState.OFFLINE));
        assertThat(obiEvents.presence).noneMatch(p -> p.user().equals("Hans"));
    }
}

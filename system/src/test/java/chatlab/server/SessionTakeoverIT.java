package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.client.ClientOptions;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Outcomes;
import chatlab.testing.RawClient;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that proves its password takes over its own stale session: the same instance id
 * replaces the old connection, which is told why and closed; any other instance is still refused.
 */
class SessionTakeoverIT {
    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        server.signup("Yoda", "pw");
        server.signup("Hans", "pw");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatClient client(String instance, Recorder recorder) {
        return ChatClient.connect("127.0.0.1", server.port(), server.clientOptions().withListener(recorder)
                .withInstance(instance));
    }

    @Test
    void theSameInstanceReplacesItsStaleSessionWhichIsToldAndClosed() {
        Recorder oldSide = new Recorder();
        ChatClient old = client("phone-1", oldSide);
        assertThat(ChatClient.await(old.login("Yoda", "pw", null)).replaced()).isNull();
        Recorder newSide = new Recorder();
        ChatClient fresh = client("phone-1", newSide);
        ServerMessage.LoggedIn loggedIn = ChatClient.await(fresh.login("Yoda", "pw", 6001));
        assertThat(loggedIn.replaced()).isTrue();
        await().atMost(Recorder.WAIT).until(() -> !oldSide.disconnects.isEmpty() && !oldSide.losses.isEmpty());
        assertThat(oldSide.disconnects.getFirst().code()).isEqualTo(ErrorCode.SESSION_REPLACED);
        assertThat(server.server().activeUsers()).containsExactly("Yoda");
        ChatClient hans = server.login("Hans", "pw", new Recorder());
        assertThat(ChatClient.await(hans.who())).singleElement().satisfies(u -> assertThat(u.udpPort()).isEqualTo(6001));
        ChatClient.await(hans.unicast("Yoda", "to the new one"));
        assertThat(newSide.awaitChats(1)).extracting(ServerMessage.Chat::text).containsExactly("to the new one");
        assertThat(oldSide.chats).isEmpty();
    }

    @Test
    void whatTheStaleSessionNeverAcknowledgedComesToTheNewOne() throws Exception {
        // a raw connection logs in with an instance and never acknowledges anything, as a dead link would
        RawClient stale = server.raw();
        stale.send("{\"type\":\"hello\",\"id\":1,\"version\":1}");
        stale.send("{\"type\":\"login\",\"id\":2,\"user\":\"Yoda\",\"password\":\"pw\",\"instance\":\"laptop\"}");
        assertThat(stale.awaitResponse(2)).isInstanceOf(ServerMessage.LoggedIn.class);
        ChatClient hans = server.login("Hans", "pw", new Recorder());
        ChatClient.await(hans.unicast("Yoda", "one"));
        ChatClient.await(hans.unicast("Yoda", "two"));
        Recorder recorder = new Recorder();
        ChatClient fresh = client("laptop", recorder);
        assertThat(ChatClient.await(fresh.login("Yoda", "pw", null)).pending()).isEqualTo(2);
        assertThat(recorder.awaitChats(2)).extracting(ServerMessage.Chat::text).containsExactly("one", "two");
        stale.awaitClosedByServer();
        assertThat(stale.received()).anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(ServerMessage.Disconnect.class,
                d -> assertThat(d.code()).isEqualTo(ErrorCode.SESSION_REPLACED)));
        stale.close();
    }

    @Test
    void anotherInstanceIsStillRefusedAndTheSessionStays() {
        Recorder first = new Recorder();
        ChatClient yoda = client("phone-1", first);
        ChatClient.await(yoda.login("Yoda", "pw", null));
        ChatClient other = client("phone-2", new Recorder());
        assertThat(Outcomes.codeOf(other.login("Yoda", "pw", null))).isEqualTo(ErrorCode.DUPLICATE_SESSION);
        ChatClient anonymous = ChatClient.connect("127.0.0.1", server.port(), server.clientOptions());
        assertThat(Outcomes.codeOf(anonymous.login("Yoda", "pw", null))).isEqualTo(ErrorCode.DUPLICATE_SESSION);
        assertThat(ChatClient.await(yoda.ping()).message()).isEqualTo("pong");
        assertThat(first.disconnects).isEmpty();
    }

    @Test
    void aWrongPasswordTakesNothingOver() {
        Recorder first = new Recorder();
        ChatClient yoda = client("phone-1", first);
        ChatClient.await(yoda.login("Yoda", "pw", null));
        ChatClient thief = client("phone-1", new Recorder());
        assertThat(Outcomes.codeOf(thief.login("Yoda", "wrong", null))).isEqualTo(ErrorCode.WRONG_PASSWORD);
        assertThat(ChatClient.await(yoda.ping()).message()).isEqualTo("pong");
        assertThat(first.disconnects).isEmpty();
    }

    @Test
    void reconnectAfterALossTheServerHasNotNoticedLogsInAtOnce() throws Exception {
        Recorder recorder = new Recorder();
        ChatClient yoda = client("desk", recorder);
        ChatClient.await(yoda.login("Yoda", "pw", null));
        // whether or not the server has seen the old connection close, the same instance gets back in
        for (int i = 0; i < 20; i++) {
            assertThat(yoda.reconnect().user()).isEqualTo("Yoda");
        }
        assertThat(server.server().activeUsers()).containsExactly("Yoda");
        assertThat(recorder.disconnects).allSatisfy(d -> assertThat(d.code()).isEqualTo(ErrorCode.SESSION_REPLACED));
    }

    @Test
    void aMalformedInstanceIsRefusedWithItsCode() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.send("{\"type\":\"hello\",\"id\":1,\"version\":1}");
            raw.send("{\"type\":\"login\",\"id\":2,\"user\":\"Yoda\",\"password\":\"pw\",\"instance\":\"a b\"}");
            assertThat(raw.awaitResponse(2)).isInstanceOfSatisfying(ServerMessage.Error.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
    }
}

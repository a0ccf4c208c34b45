package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.client.ClientOptions;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.RawClient;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dead connections are found from both ends: the server closes a silent client, a client gives up a silent server. */
class IdleTimeoutIT {
    private static final Duration IDLE = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void theServerClosesAConnectionThatSendsNothingAndEndsItsSession() throws Exception {
        try (TestServer server = TestServer.start(dir, b -> b.idleTimeout(IDLE))) {
            server.signup("Yoda", "pw");
            try (RawClient raw = server.raw()) {
                raw.login("Yoda", "pw");
                assertThat(raw.awaitResponse(1)).isInstanceOfSatisfying(ServerMessage.Welcome.class,
                        w -> assertThat(w.idleTimeout()).isEqualTo(3));
                assertThat(server.server().activeUsers()).containsExactly("Yoda");
                raw.awaitClosedByServer();
                assertThat(raw.received()).last().isInstanceOfSatisfying(ServerMessage.Disconnect.class,
                        d -> assertThat(d.code()).isEqualTo(ErrorCode.IDLE_TIMEOUT));
                await().atMost(Recorder.WAIT).until(() -> server.server().sessionCount() == 0);
            }
        }
    }

    @Test
    void aClientThatHasNothingToSayPingsAndStaysConnected() throws Exception {
        try (TestServer server = TestServer.start(dir, b -> b.idleTimeout(IDLE))) {
            server.signup("Yoda", "pw");
            Recorder recorder = new Recorder();
            ChatClient yoda = server.login("Yoda", "pw", recorder);
            await().during(IDLE.multipliedBy(3)).atMost(IDLE.multipliedBy(4))
                    .until(() -> yoda.isConnected() && recorder.disconnects.isEmpty());
            assertThat(server.server().activeUsers()).containsExactly("Yoda");
        }
    }

    @Test
    void noIdleTimeoutIsAnnouncedWhenItIsOff() throws Exception {
        try (TestServer server = TestServer.start(dir, b -> b.idleTimeout(Duration.ZERO));
                ChatClient client = ChatClient.connect("127.0.0.1", server.port(), server.clientOptions())) {
            assertThat(client.welcome().idleTimeout()).isNull();
        }
    }

    @Test
    void aClientGivesUpAServerThatWentSilent() throws Exception {
        // a server that answers the handshake, then says nothing more, as a paused or cut-off one would
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().read(new byte[256]); // the hello
                    OutputStream out = s.getOutputStream();
                    out.write(("{\"type\":\"welcome\",\"id\":1,\"version\":1,\"server\":\"mute\",\"maxFrameBytes\":65536,"
                            + "\"zone\":\"UTC\",\"idleTimeout\":3}\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    s.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the client went away
                }
            });
            Recorder recorder = new Recorder();
            long start = System.nanoTime();
            try (ChatClient client = ChatClient.connect("127.0.0.1", silent.getLocalPort(),
                    ClientOptions.defaults().withSecurity(new chatlab.tls.ChannelSecurity.Plaintext()).withListener(recorder))) {
                recorder.awaitLoss();
                assertThat(recorder.losses.getFirst().code()).isEqualTo(ErrorCode.CONNECTION_LOST);
                assertThat(recorder.losses.getFirst().getMessage()).contains("looks dead");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(IDLE);
                assertThat(client.isConnected()).isFalse();
            }
        }
    }
}

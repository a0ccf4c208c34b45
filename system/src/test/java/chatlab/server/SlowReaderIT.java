package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Frame;
import chatlab.protocol.FrameReader;
import chatlab.protocol.MessageCodec;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that stops reading is cut off with a reason; nobody else waits for it. */
class SlowReaderIT {
    /** 6 MB of messages: more than the kernel's socket buffers hold for a client that reads nothing. */
    private static final int MESSAGES = 1_500;

    @TempDir
    Path dir;

    @Test
    void aClientThatDoesNotReadIsDisconnectedAndOthersCarryOn() throws Exception {
        try (TestServer server = TestServer.start(dir, b -> b.outboundQueue(256))) {
            for (String user : List.of("alice", "slow", "fast")) {
                server.signup(user, "pw");
            }
            Socket plain = new Socket();
            plain.setReceiveBufferSize(4096);
            plain.connect(new InetSocketAddress("127.0.0.1", server.port()));
            try (Socket slow = server.security().secure(plain, "127.0.0.1", server.port(), java.time.Duration.ofSeconds(5))) {
                OutputStream out = slow.getOutputStream();
                out.write(("{\"type\":\"hello\",\"id\":1,\"version\":1}\n"
                        + "{\"type\":\"login\",\"id\":2,\"user\":\"slow\",\"password\":\"pw\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                Recorder fast = new Recorder();
                server.login("fast", "pw", fast);
                ChatClient alice = server.login("alice", "pw", new Recorder());
                String bulk = "x".repeat(4000);
                for (int i = 0; i < MESSAGES; i++) {
                    ChatClient.await(alice.multicast(List.of("slow", "fast"), i + bulk));
                }
                assertThat(fast.awaitChats(MESSAGES)).hasSize(MESSAGES);

                List<ServerMessage> seen = readUntilClosed(slow.getInputStream());
                assertThat(seen.getLast()).isInstanceOfSatisfying(ServerMessage.Disconnect.class,
                        d -> assertThat(d.code()).isEqualTo(ErrorCode.QUEUE_OVERFLOW));
                long delivered = seen.stream().filter(m -> m instanceof ServerMessage.Chat).count();
                assertThat(delivered).isLessThan(MESSAGES);
            }
            Recorder slowAgain = new Recorder();
            ChatClient back = server.login("slow", "pw", slowAgain);
            assertThat(back.user()).isEqualTo("slow");
            assertThat(slowAgain.awaitChats(MESSAGES)).hasSize(MESSAGES);
        }
    }

    private static List<ServerMessage> readUntilClosed(InputStream in) throws java.io.IOException {
        FrameReader reader = new FrameReader(in);
        List<ServerMessage> frames = new ArrayList<>();
        Frame frame;
        for (int i = 0; i < 10_000 && (frame = reader.next()) != null; i++) {
            if (frame instanceof Frame.Line line) {
                frames.add(MessageCodec.instance().decodeServer(line.text()));
            }
        }
        return frames;
    }
}

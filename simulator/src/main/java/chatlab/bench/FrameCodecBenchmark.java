package chatlab.bench;

import chatlab.protocol.Audience;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.Frame;
import chatlab.protocol.FrameReader;
import chatlab.protocol.Frames;
import chatlab.protocol.MessageCodec;
import chatlab.protocol.ServerMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Frame encode and decode: the work the server does for every frame in and out. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrameCodecBenchmark {
    private static final int FRAMES_PER_STREAM = 100;

    /** Characters of chat text: a short chat line, and a long one. */
    @Param({"32", "1024"})
    public int textLength;

    private final MessageCodec codec = MessageCodec.instance();
    private ServerMessage.Chat chat;
    private String sendJson;
    private byte[] stream;

    @Setup
    public void setUp() throws IOException {
        String text = "chatlab ".repeat(textLength / 8 + 1).substring(0, textLength);
        chat = new ServerMessage.Chat(123_456, 98_765, "alice", Audience.UNICAST, text, "23 Feb 2021 15:00:01");
        sendJson = codec.encode(new ClientMessage.Send(42, Audience.MULTICAST, List.of("bob", "carol"), List.of(), text,
                "key-42"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < FRAMES_PER_STREAM; i++) {
            out.write(Frames.encode(sendJson));
        }
        stream = out.toByteArray();
    }

    /** A chat event to bytes on the wire, as the server does for each recipient. */
    @Benchmark
    public byte[] encodeChatEvent() {
        return Frames.encode(codec.encode(chat));
    }

    /** A send request's text to a typed record, as the server does for each request. */
    @Benchmark
    public ClientMessage decodeSendRequest() {
        return codec.decodeClient(sendJson);
    }

    /** Splitting a byte stream into frames and decoding each, per frame. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_STREAM)
    public void readAndDecodeStream(Blackhole hole) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));
        Frame frame;
        while ((frame = reader.next()) != null) {
            hole.consume(codec.decodeClient(((Frame.Line) frame).text()));
        }
    }
}

package chatlab.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The server's whole decode path for bytes from the network: the frame reader, then the message
 * codec, for requests (what a server reads) and for server frames (what a client reads). Every
 * input must come out as frames, and every frame as a message or a documented protocol error;
 * a message that decodes must encode and decode to itself again.
 */
class FrameDecodingFuzzTest {
    /** Small, so that the fuzzer reaches oversized frames with inputs of a few hundred bytes. */
    private static final int MAX_FRAME_BYTES = 512;
    private static final MessageCodec CODEC = MessageCodec.instance();

    @FuzzTest(maxDuration = "20s")
    void bytesFromTheNetworkBecomeMessagesOrProtocolErrors(byte[] bytes) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), MAX_FRAME_BYTES);
        // every frame but the last consumes its newline, so there are at most as many as bytes + 1
        for (int frames = 0; frames <= bytes.length + 1; frames++) {
            Frame frame = reader.next();
            if (frame == null) {
                return;
            }
            switch (frame) {
                case Frame.Line line -> {
                    assertThat(line.text()).doesNotContain("\n");
                    assertThat(line.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                            .isLessThanOrEqualTo(MAX_FRAME_BYTES);
                    asRequest(line.text());
                    asServerFrame(line.text());
                }
                case Frame.Oversized big -> assertThat(big.bytes()).isGreaterThan(MAX_FRAME_BYTES);
                case Frame.InvalidUtf8 bad -> assertThat(bad.bytes()).isPositive();
            }
        }
        throw new AssertionError("the reader returned more frames than the input could hold");
    }

    private static void asRequest(String text) {
        ClientMessage request;
        try {
            request = CODEC.decodeClient(text);
        } catch (MessageCodec.DecodeException e) {
            documented(e);
            return;
        }
        assertThat(request.id()).isPositive();
        assertThat(CODEC.decodeClient(CODEC.encode(request))).isEqualTo(request);
    }

    private static void asServerFrame(String text) {
        ServerMessage message;
        try {
            message = CODEC.decodeServer(text);
        } catch (MessageCodec.DecodeException e) {
            documented(e);
            return;
        }
        assertThat(CODEC.decodeServer(CODEC.encode(message))).isEqualTo(message);
    }

    /** A refusal the protocol documents: a decoding error code, with a message for people. */
    private static void documented(MessageCodec.DecodeException e) {
        assertThat(e.code()).isIn(ErrorCode.MALFORMED_FRAME, ErrorCode.UNKNOWN_TYPE, ErrorCode.INVALID_ARGUMENT,
                ErrorCode.TEXT_TOO_LONG, ErrorCode.INVALID_USERNAME, ErrorCode.INVALID_PASSWORD);
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.requestId()).isNotNegative();
    }
}

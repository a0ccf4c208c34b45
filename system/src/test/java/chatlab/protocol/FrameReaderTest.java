package chatlab.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private static List<Frame> readAll(InputStream in, int max) throws IOException {
        FrameReader reader = new FrameReader(in, max);
        List<Frame> frames = new ArrayList<>();
        Frame frame;
        while ((frame = reader.next()) != null) {
            frames.add(frame);
        }
        return frames;
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns at most {@code chunk} bytes per read, as a stream cut up in transit would. */
    private static InputStream chopped(byte[] data, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void splitsLinesAndDropsTheNewline() throws IOException {
        assertThat(readAll(bytes("{\"a\":1}\n{\"b\":2}\n"), 100))
                .containsExactly(new Frame.Line("{\"a\":1}"), new Frame.Line("{\"b\":2}"));
    }

    @Test
    void survivesAnySplitOfTheStream() throws IOException {
        String text = "{\"type\":\"ping\",\"id\":1}\n{\"text\":\"héllo ✓ 😀\"}\r\n\n{\"z\":0}\n";
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        List<Frame> whole = readAll(new ByteArrayInputStream(data), 1_000);
        for (int chunk = 1; chunk <= data.length; chunk++) {
            assertThat(readAll(chopped(data, chunk), 1_000)).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
        assertThat(whole).containsExactly(new Frame.Line("{\"type\":\"ping\",\"id\":1}"),
                new Frame.Line("{\"text\":\"héllo ✓ 😀\"}"), new Frame.Line("{\"z\":0}"));
    }

    @Test
    void acceptsCrlfAndSkipsBlankLines() throws IOException {
        assertThat(readAll(bytes("a\r\n\r\n   \n\tb\n"), 100)).containsExactly(new Frame.Line("a"), new Frame.Line("\tb"));
    }

    @Test
    void acceptsAFrameOfExactlyTheLimit() throws IOException {
        String max = "x".repeat(64);
        assertThat(readAll(bytes(max + "\n" + max + "\r\n"), 64)).containsExactly(new Frame.Line(max), new Frame.Line(max));
    }

    @Test
    void reportsAnOversizedFrameAndRecoversAtTheNextNewline() throws IOException {
        String big = "y".repeat(65);
        assertThat(readAll(chopped((big + "\nok\n").getBytes(StandardCharsets.UTF_8), 7), 64))
                .containsExactly(new Frame.Oversized(65), new Frame.Line("ok"));
    }

    @Test
    void discardsAHugeFrameWithoutHoldingIt() throws IOException {
        byte[] huge = new byte[5_000_000];
        java.util.Arrays.fill(huge, (byte) 'z');
        byte[] data = new byte[huge.length + 4];
        System.arraycopy(huge, 0, data, 0, huge.length);
        System.arraycopy("\nok\n".getBytes(StandardCharsets.US_ASCII), 0, data, huge.length, 4);
        assertThat(readAll(new ByteArrayInputStream(data), 1_024))
                .containsExactly(new Frame.Oversized(5_000_000), new Frame.Line("ok"));
    }

    @Test
    void reportsInvalidUtf8AndRecovers() throws IOException {
        byte[] data = {'{', (byte) 0xC3, (byte) 0x28, '}', '\n', 'o', 'k', '\n'};
        assertThat(readAll(new ByteArrayInputStream(data), 100))
                .containsExactly(new Frame.InvalidUtf8(4), new Frame.Line("ok"));
    }

    @Test
    void rejectsOverlongAndSurrogateEncodings() throws IOException {
        byte[] overlong = {(byte) 0xC0, (byte) 0xAF, '\n'};
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};
        assertThat(readAll(new ByteArrayInputStream(overlong), 100)).containsExactly(new Frame.InvalidUtf8(2));
        assertThat(readAll(new ByteArrayInputStream(surrogate), 100)).containsExactly(new Frame.InvalidUtf8(3));
    }

    @Test
    void dropsAPartialLineAtTheEndOfTheStream() throws IOException {
        assertThat(readAll(bytes("done\npartial"), 100)).containsExactly(new Frame.Line("done"));
    }

    @Test
    void encodesWithANewlineAndRefusesOversizedFrames() {
        assertThat(Frames.encode("{}")).containsExactly('{', '}', '\n');
        String big = "x".repeat(Protocol.MAX_FRAME_BYTES + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Frames.encode(big))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE));
    }

    @Test
    void tellsHowMuchOfAFrameStillArrivingHasCome() throws Exception {
        java.io.PipedOutputStream writer = new java.io.PipedOutputStream();
        FrameReader reader = new FrameReader(new java.io.PipedInputStream(writer, 1 << 16));
        writer.write("{\"a\":1}\n{\"long\":\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        writer.flush();
        assertThat(reader.next()).isEqualTo(new Frame.Line("{\"a\":1}"));
        Thread pending = Thread.ofVirtual().start(() -> {
            try {
                reader.next();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> reader.partialBytes() == 9);
        writer.write("xyz\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        writer.flush();
        assertThat(pending.join(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(reader.partialBytes()).as("nothing is arriving once the frame is whole").isZero();
        writer.close();
    }
}

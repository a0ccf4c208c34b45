package chatlab.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into newline-terminated frames, whatever way the stream was cut up in
 * transit. A line over the limit is skipped to its newline and reported, so framing always
 * recovers; memory stays bounded by the limit. Blank lines are skipped. Not thread-safe.
 *
 * <p>The line buffer grows for a long frame and is let go once that frame is read, so that a
 * connection which once received a long page (a board read, a who) does not keep up to 64 KiB
 * while it waits for small frames.
 */
public final class FrameReader {
    private static final int CHUNK = 8 * 1024;
    private static final int LINE = 256;
    /** A line buffer larger than this is dropped after its frame, back to {@link #LINE} bytes. */
    private static final int KEEP_LINE = 4 * 1024;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int pos;
    private int limit;
    private byte[] line = new byte[LINE];
    private int lineLength;
    /** The bytes of the frame being read, for other threads to watch (as {@link #partialBytes}). */
    private volatile long partial;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public FrameReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    public FrameReader(InputStream in) {
        this(in, Protocol.MAX_FRAME_BYTES);
    }

    /** Returns the next frame, or null at the end of the stream (a partial last line is dropped). */
    public Frame next() throws IOException {
        lineLength = 0;
        partial = 0;
        long oversizedBytes = -1;
        while (true) {
            if (pos == limit && !fill()) {
                return null;
            }
            int start = pos;
            while (pos < limit && chunk[pos] != '\n') {
                pos++;
            }
            int count = pos - start;
            partial += count;
            if (oversizedBytes >= 0) {
                oversizedBytes += count;
            } else if (lineLength + count > maxBytes + 1) { // +1 leaves room for a CR before the LF
                oversizedBytes = (long) lineLength + count;
                lineLength = 0;
            } else {
                append(start, count);
            }
            if (pos == limit) {
                continue;
            }
            pos++; // the newline
            partial = 0;
            if (oversizedBytes >= 0) {
                shrink();
                return new Frame.Oversized(oversizedBytes);
            }
            Frame frame = complete();
            if (frame != null) {
                shrink();
                return frame;
            }
            lineLength = 0; // a blank line: skip it
        }
    }

    /**
     * How many bytes of a frame not yet complete have arrived: a long frame on a slow link is
     * still arriving while this grows. Safe to call from any thread.
     */
    public long partialBytes() {
        return partial;
    }

    private Frame complete() {
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (length > maxBytes) {
            return new Frame.Oversized(length);
        }
        if (isBlank(length)) {
            return null;
        }
        try {
            return new Frame.Line(utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return new Frame.InvalidUtf8(length);
        }
    }

    private void shrink() {
        if (line.length > KEEP_LINE) {
            line = new byte[LINE];
        }
    }

    private boolean isBlank(int length) {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private void append(int start, int count) {
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength + count, Math.min(line.length * 2, maxBytes + 1)));
        }
        System.arraycopy(chunk, start, line, lineLength, count);
        lineLength += count;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}

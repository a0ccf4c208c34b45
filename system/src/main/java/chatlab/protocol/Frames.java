package chatlab.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns a frame's text into the bytes that go on the wire: UTF-8 and a newline. */
public final class Frames {
    private Frames() {
    }

    /** Encodes one frame, or throws {@link ChatException} with {@link ErrorCode#FRAME_TOO_LARGE}. */
    public static byte[] encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > Protocol.MAX_FRAME_BYTES) {
            throw new ChatException(ErrorCode.FRAME_TOO_LARGE,
                    "frame of " + utf8.length + " bytes exceeds the limit of " + Protocol.MAX_FRAME_BYTES);
        }
        for (byte b : utf8) {
            if (b == '\n') {
                throw new IllegalArgumentException("a frame must not contain a raw newline");
            }
        }
        byte[] framed = Arrays.copyOf(utf8, utf8.length + 1);
        framed[utf8.length] = '\n';
        return framed;
    }
}

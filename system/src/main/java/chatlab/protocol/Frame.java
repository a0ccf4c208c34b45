package chatlab.protocol;

/** What {@link FrameReader} read: a line of text, or a reason the bytes are not one. */
public sealed interface Frame {

    /** A complete line, without its newline, decoded as UTF-8. */
    record Line(String text) implements Frame {
    }

    /** A line longer than the frame limit; its bytes were discarded up to the newline. */
    record Oversized(long bytes) implements Frame {
    }

    /** A line that is not valid UTF-8; its bytes were discarded. */
    record InvalidUtf8(int bytes) implements Frame {
    }
}

package chatlab.protocol;

/** How a message's text is meant to be read: as it is, or as markdown source that clients render. */
public enum TextFormat {
    PLAIN, MARKDOWN;

    /** The format of a frame's optional {@code format} field: plain when absent. */
    public static TextFormat of(TextFormat format) {
        return format == null ? PLAIN : format;
    }

    /** The field as sent: absent for plain, so plain frames stay as they were. */
    public TextFormat orNull() {
        return this == PLAIN ? null : this;
    }
}

package chatlab.protocol;

/** How a message's text is meant to be read: as it is, or as markdown source that clients render. */
public enum TextFormat {
    PLAIN, MARKDOWN;

    /** The format of a frame's optional {@code format} field: plain when absent. */
    public static TextFormat of(TextFormat format) {
        return format == null ? PLAIN : format;
    }

    /** The format as a store keeps it: null for plain, else the lowercase name. */
    public static String stored(TextFormat format) {
        return format == null || format == PLAIN ? null : format.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The format a store kept ({@link #stored}), as a frame's optional field: null for plain. */
    public static TextFormat fromStored(String stored) {
        return stored == null ? null : valueOf(stored.toUpperCase(java.util.Locale.ROOT)).orNull();
    }

    /** The field as sent: absent for plain, so plain frames stay as they were. */
    public TextFormat orNull() {
        return this == PLAIN ? null : this;
    }
}

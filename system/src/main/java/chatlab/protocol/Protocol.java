package chatlab.protocol;

/** Constants of the chatlab wire protocol, version 1 (docs/PROTOCOL.md). */
public final class Protocol {
    /** The protocol version this build speaks. */
    public static final int VERSION = 1;
    /** The largest frame in either direction, in bytes, excluding the terminating newline. */
    public static final int MAX_FRAME_BYTES = 65_536;
    /** The longest chat or board text, in characters (UTF-16 code units). */
    public static final int MAX_TEXT_CHARS = 4_096;
    /** The longest password, in characters. */
    public static final int MAX_PASSWORD_CHARS = 256;
    /** The port a chatlab server listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 4242;
    /** The longest idempotency key, in characters. */
    public static final int MAX_KEY_CHARS = 64;
    /** The most contact-log entries one upload request may carry. */
    public static final int MAX_CONTACTS_PER_UPLOAD = 200;
    /** The most names one request may list (multicast or blockcast). */
    public static final int MAX_NAMES = 1_000;
    /** The largest avatar image, in bytes (before base64). */
    public static final int MAX_AVATAR_BYTES = 32 * 1024;
    /** The longest display name, in characters. */
    public static final int MAX_DISPLAY_NAME_CHARS = 64;
    /** The longest profile "about" text, group description or status note, in characters. */
    public static final int MAX_ABOUT_CHARS = 1_024;
    /** The longest search query, in characters. */
    public static final int MAX_QUERY_CHARS = 256;
    /** A client instance id, which lets a client take over its own stale session at login. */
    public static final java.util.regex.Pattern INSTANCE = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Protocol() {
    }
}

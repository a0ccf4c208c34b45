package chatlab.protocol;

/**
 * Stable error codes. On the wire they are written in lowercase ({@code wrong_password}).
 * Codes marked client-side are raised by the client library and never sent by a server.
 */
public enum ErrorCode {
    // framing and decoding
    MALFORMED_FRAME,
    INVALID_UTF8,
    FRAME_TOO_LARGE,
    UNKNOWN_TYPE,
    INVALID_ARGUMENT,
    // session state
    HANDSHAKE_REQUIRED,
    UNSUPPORTED_VERSION,
    NOT_LOGGED_IN,
    ALREADY_LOGGED_IN,
    DUPLICATE_SESSION,
    // accounts
    UNKNOWN_USER,
    WRONG_PASSWORD,
    ACCOUNT_BLOCKED,
    USERNAME_TAKEN,
    INVALID_USERNAME,
    INVALID_PASSWORD,
    SIGNUP_DISABLED,
    // the room (CSC573): its password, and kicking by vote
    ROOM_PASSWORD_REQUIRED,
    WRONG_ROOM_PASSWORD,
    ROOM_BLOCKED,
    KICKED,
    BANNED,
    // messaging and files
    TEXT_TOO_LONG,
    RECIPIENT_BLOCKED,
    USER_OFFLINE,
    NO_UDP_PORT,
    // board
    NO_SUCH_MESSAGE,
    NOT_OWNER,
    TIMESTAMP_MISMATCH,
    INVALID_TIMESTAMP,
    // profiles and groups
    AVATAR_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    NO_AVATAR,
    NO_SUCH_GROUP,
    GROUP_EXISTS,
    NOT_A_MEMBER,
    NOT_INVITED,
    // the key directory
    NO_KEY,
    // server conditions
    RATE_LIMITED,
    QUEUE_OVERFLOW,
    SERVER_SHUTDOWN,
    SESSION_REPLACED,
    IDLE_TIMEOUT,
    INTERNAL,
    // client-side only
    CONNECTION_LOST,
    SERVER_UNREACHABLE,
    UNTRUSTED_SERVER,
    TIMEOUT,
    UNEXPECTED_RESPONSE;

    /** The code as written on the wire. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

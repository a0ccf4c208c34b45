package chatlab.protocol;

/**
 * A failure with a stable {@link ErrorCode}: thrown by server services and turned into an
 * {@code error} frame, and raised by the client library when a request fails.
 */
public class ChatException extends RuntimeException {
    private final ErrorCode code;
    private final Integer attemptsLeft;
    private final Long retryAfterSeconds;

    public ChatException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    public ChatException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, null, cause);
    }

    public ChatException(ErrorCode code, String message, Integer attemptsLeft, Long retryAfterSeconds,
            Throwable cause) {
        super(message, cause);
        this.code = code;
        this.attemptsLeft = attemptsLeft;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ErrorCode code() {
        return code;
    }

    /** Attempts left before a lockout, for {@link ErrorCode#WRONG_PASSWORD}; otherwise null. */
    public Integer attemptsLeft() {
        return attemptsLeft;
    }

    /** Seconds until a block lifts, for {@link ErrorCode#ACCOUNT_BLOCKED}; otherwise null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String toString() {
        return code.wire() + ": " + getMessage();
    }
}

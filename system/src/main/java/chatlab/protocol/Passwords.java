package chatlab.protocol;

/**
 * The rules for account passwords: 1 to {@value Protocol#MAX_PASSWORD_CHARS} characters, no
 * control characters. Case and spaces count, as in the seeds' credentials files.
 */
public final class Passwords {
    public static final String RULE = "1 to " + Protocol.MAX_PASSWORD_CHARS + " characters, no control characters";

    private Passwords() {
    }

    /** Returns the password, or throws {@link ChatException} with {@link ErrorCode#INVALID_PASSWORD}. */
    public static String require(String password) {
        if (password == null || password.isEmpty() || password.length() > Protocol.MAX_PASSWORD_CHARS) {
            throw new ChatException(ErrorCode.INVALID_PASSWORD,
                    "A password has 1 to " + Protocol.MAX_PASSWORD_CHARS + " characters");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw new ChatException(ErrorCode.INVALID_PASSWORD, "A password must not contain control characters");
        }
        return password;
    }
}

package chatlab.protocol;

import java.util.regex.Pattern;

/**
 * The rules for usernames: 1 to 32 characters from letters, digits and {@code _ . + -},
 * starting with a letter, a digit or {@code +}. Names are case-sensitive, so phone numbers such
 * as {@code +61410666666} and names such as {@code Yoda} both work.
 */
public final class Usernames {
    public static final int MAX_LENGTH = 32;
    public static final String RULE =
            "1 to 32 characters from letters, digits and _ . + -, starting with a letter, a digit or +";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9+][A-Za-z0-9_.+-]{0,31}");

    private Usernames() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Returns the name, or throws {@link ChatException} with {@link ErrorCode#INVALID_USERNAME}. */
    public static String require(String name) {
        if (!isValid(name)) {
            throw new ChatException(ErrorCode.INVALID_USERNAME,
                    "Invalid username '" + name + "': use " + RULE);
        }
        return name;
    }
}

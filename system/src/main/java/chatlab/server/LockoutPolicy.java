package chatlab.server;

import java.time.Duration;

/** After {@code maxAttempts} consecutive failed logins an account is blocked for {@code blockDuration}. */
public record LockoutPolicy(int maxAttempts, Duration blockDuration) {
    public static final int MIN_ATTEMPTS = 1;
    public static final int MAX_ATTEMPTS = 5;
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(3, Duration.ofSeconds(10));

    public LockoutPolicy {
        if (maxAttempts < MIN_ATTEMPTS || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException(invalidAttempts(Integer.toString(maxAttempts)));
        }
        if (blockDuration.isNegative() || blockDuration.isZero()) {
            throw new IllegalArgumentException("the block duration must be positive, not " + blockDuration);
        }
    }

    /** Parses the number of attempts as Toom's server does, with Toom's error message. */
    public static int parseMaxAttempts(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= MIN_ATTEMPTS && value <= MAX_ATTEMPTS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the same message as an out-of-range number
        }
        throw new IllegalArgumentException(invalidAttempts(text));
    }

    private static String invalidAttempts(String text) {
        return "Invalid number of allowed failed consecutive attempt: " + text
                + ". The valid value of argument number is an integer between 1 and 5";
    }
}

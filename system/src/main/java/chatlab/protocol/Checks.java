package chatlab.protocol;

import java.util.List;

/** Argument checks used by the compact constructors of the message records. */
final class Checks {
    private Checks() {
    }

    static long requestId(long id) {
        if (id < 1) {
            throw new IllegalArgumentException("id is required: a positive integer chosen by the client");
        }
        return id;
    }

    static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String nonBlank(String value, String field, int maxChars) {
        required(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        if (value.length() > maxChars) {
            throw new IllegalArgumentException(field + " is longer than " + maxChars + " characters");
        }
        return value;
    }

    /** Chat and board text; too long a text has its own error code. */
    static String text(String value) {
        required(value, "text");
        if (value.isBlank()) {
            throw new IllegalArgumentException("text must not be empty");
        }
        if (value.length() > Protocol.MAX_TEXT_CHARS) {
            throw new ChatException(ErrorCode.TEXT_TOO_LONG,
                    "text has " + value.length() + " characters; the limit is " + Protocol.MAX_TEXT_CHARS);
        }
        return value;
    }

    static int positive(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be a positive integer");
        }
        return value;
    }

    static List<String> names(List<String> names, String field) {
        if (names == null) {
            return List.of();
        }
        if (names.size() > Protocol.MAX_NAMES) {
            throw new IllegalArgumentException(field + " lists more than " + Protocol.MAX_NAMES + " names");
        }
        for (String name : names) {
            nonBlank(name, field + " entry", Usernames.MAX_LENGTH);
        }
        return List.copyOf(names);
    }

    /** A group's name: the same rule as a username's. */
    static String groupName(String value, String field) {
        required(value, field);
        if (!Usernames.isValid(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a group name: use " + Usernames.RULE);
        }
        return value;
    }

    /** A text that may be empty (to clear it) but not longer than {@code maxChars}, nor hold control characters but newlines. */
    static String optionalText(String value, String field, int maxChars) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxChars) {
            throw new IllegalArgumentException(field + " is longer than " + maxChars + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException(field + " must not hold control characters");
        }
        return value;
    }

    static String optional(String value, String field, int maxChars) {
        return value == null ? null : nonBlank(value, field, maxChars);
    }
}

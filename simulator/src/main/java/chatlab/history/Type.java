package chatlab.history;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an event says of an operation: it began ({@code invoke}), or ended in success
 * ({@code ok}), in a refusal the system is sure of ({@code fail}), or in doubt ({@code info}:
 * a timeout or a lost connection, after which it may or may not have happened). Deliveries and
 * faults are {@code event}s of their own.
 */
public enum Type {
    INVOKE, OK, FAIL, INFO, EVENT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Type of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** Whether this ends an operation. */
    public boolean completion() {
        return this == OK || this == FAIL || this == INFO;
    }
}

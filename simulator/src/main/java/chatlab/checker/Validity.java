package chatlab.checker;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A checker's answer: the history keeps the promise, breaks it, or cannot tell. */
public enum Validity {
    VALID, INVALID, UNKNOWN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Validity of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** The worse of two: invalid over unknown over valid. */
    public Validity and(Validity other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}

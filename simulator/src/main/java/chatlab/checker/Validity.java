package chatlab.checker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A checker's answer: the history keeps the promise, breaks it, or cannot tell. */
public enum Validity {
    // declared from best to worst: and() keeps the later one
    VALID, UNKNOWN, INVALID;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Validity of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** The worse of two: invalid over unknown over valid. */
    public Validity and(Validity other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** Every verdict combined: valid only if all are, invalid if any is, else unknown; valid for none. */
    public static Validity of(Iterable<Verdict> verdicts) {
        Validity all = VALID;
        for (Verdict v : verdicts) {
            all = all.and(v.validity());
        }
        return all;
    }
}

package chatlab.driver;

/**
 * What a protocol, as a driver uses it and the lab's server keeps it, promises of each
 * acknowledged message to each of its recipients: that it arrives exactly once, at least once,
 * or at most once; whether one sender's messages arrive in the order sent; and whether the
 * promise survives a crash of the server ({@code durable}: it held the message on disk before
 * it acknowledged it); and whether it holds nothing for a recipient who is not online ({@code
 * onlineOnly}: a message reaches those online when it is sent, while they stay). The delivery
 * checker judges a run by its driver's promise: a duplicate is counted, not a violation, only
 * where the promise is at least once, and a loss is always one, unless the server
 * crashed after acknowledging the message and its promise is not durable (then it is counted as
 * lost in the crash), or the promise is online only and the recipient was not online when it
 * was sent or left before it arrived (then it is counted as missed while away).
 */
public record Promise(Delivery delivery, boolean orderedPerSender, boolean durable, boolean onlineOnly) {
    public enum Delivery {
        EXACTLY_ONCE("exactly once"), AT_LEAST_ONCE("at least once"), AT_MOST_ONCE("at most once");

        private final String text;

        Delivery(String text) {
            this.text = text;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String text() {
            return text;
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Delivery of(String text) {
            for (Delivery d : values()) {
                if (d.text.equals(text)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown delivery promise '" + text + "'");
        }
    }

    /** chatlab's: every acknowledged message exactly once, each sender's in order (also what runs recorded before drivers). */
    public static final Promise EXACTLY_ONCE_IN_ORDER = new Promise(Delivery.EXACTLY_ONCE, true, true, false);

    /** A promise that holds messages for recipients who are offline (what runs recorded before {@code onlineOnly} made). */
    public Promise(Delivery delivery, boolean orderedPerSender, boolean durable) {
        this(delivery, orderedPerSender, durable, false);
    }

    /** Only at least once allows a second copy; at most once and exactly once do not. */
    public boolean allowsDuplicates() {
        return delivery == Delivery.AT_LEAST_ONCE;
    }

    /** As the reports say it, e.g. "at least once, in order per sender, not across a crash". */
    public String describe() {
        return delivery.text() + (orderedPerSender ? ", in order per sender" : ", in any order")
                + (durable ? "" : ", not across a crash") + (onlineOnly ? ", only to users online" : "");
    }
}

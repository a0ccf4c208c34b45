package chatlab.driver;

import chatlab.protocol.Audience;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a protocol, as a driver uses it and the lab's server keeps it, promises of each
 * acknowledged message to each of its recipients: that it arrives exactly once, at least once,
 * or at most once; whether one sender's messages arrive in the order sent; and whether the
 * promise survives a crash of the server ({@code durable}: it held the message on disk before
 * it acknowledged it); and the ways of sending for which it holds nothing for a recipient who is
 * not online ({@code onlineOnly}: such a message reaches those online when it is sent, while they
 * stay; XMPP keeps a chat message for a user who is offline, but not a room's); and whether a
 * message to several recipients reaches all of them or none ({@code allOrNothing}: chatlab stores
 * it in one transaction; a driver that sends one copy to each recipient cannot promise it, and a
 * send left in doubt may then have reached some); and whether one sender's order holds between
 * the routes its messages take ({@code orderAcrossRoutes}: XMPP's chat messages and each room's
 * messages reach a recipient by different ways, each in order; MQTT orders each topic alone). The delivery
 * checker judges a run by its driver's promise: a duplicate is counted, not a violation, only
 * where the promise is at least once, and a loss is always one, unless the server
 * crashed after acknowledging the message and its promise is not durable (then it is counted as
 * lost in the crash), or the promise is online only and the recipient was not online when it
 * was sent or left before it arrived (then it is counted as missed while away).
 */
public record Promise(Delivery delivery, boolean orderedPerSender, boolean durable, Set<Audience> onlineOnly,
        boolean allOrNothing, boolean orderAcrossRoutes) {
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

    /** All or nothing, and online only for the ways of sending in {@code onlineOnly}. */
    public Promise(Delivery delivery, boolean orderedPerSender, boolean durable, Set<Audience> onlineOnly) {
        this(delivery, orderedPerSender, durable, onlineOnly, true);
    }

    /** A sender's order kept across routes (as one sender's messages go to one recipient, whatever their way). */
    public Promise(Delivery delivery, boolean orderedPerSender, boolean durable, Set<Audience> onlineOnly,
            boolean allOrNothing) {
        this(delivery, orderedPerSender, durable, onlineOnly, allOrNothing, true);
    }

    public Promise {
        // in the enum's order, so that a run's record of it is the same every time
        onlineOnly = onlineOnly.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(onlineOnly));
    }

    /** A promise that holds messages for recipients who are offline (what runs recorded before {@code onlineOnly} made). */
    public Promise(Delivery delivery, boolean orderedPerSender, boolean durable) {
        this(delivery, orderedPerSender, durable, false);
    }

    /** {@code onlineOnly}: for every way of sending, or for none. */
    public Promise(Delivery delivery, boolean orderedPerSender, boolean durable, boolean onlineOnly) {
        this(delivery, orderedPerSender, durable, onlineOnly ? EnumSet.allOf(Audience.class) : Set.of());
    }

    /**
     * Reads a run's promise: {@code onlineOnly} as the list of ways of sending, or as the
     * true or false that runs recorded before it was given per way.
     */
    @JsonCreator
    static Promise read(@JsonProperty("delivery") Delivery delivery, @JsonProperty("orderedPerSender") boolean ordered,
            @JsonProperty("durable") boolean durable, @JsonProperty("onlineOnly") JsonNode onlineOnly,
            @JsonProperty("allOrNothing") Boolean allOrNothing, @JsonProperty("orderAcrossRoutes") Boolean acrossRoutes) {
        Set<Audience> modes = EnumSet.noneOf(Audience.class);
        if (onlineOnly != null && onlineOnly.isBoolean() && onlineOnly.booleanValue()) {
            modes = EnumSet.allOf(Audience.class);
        } else if (onlineOnly != null && onlineOnly.isArray()) {
            for (JsonNode mode : onlineOnly) {
                modes.add(Audience.valueOf(mode.asText().toUpperCase(Locale.ROOT)));
            }
        }
        return new Promise(delivery, ordered, durable, modes, allOrNothing == null || allOrNothing,
                acrossRoutes == null || acrossRoutes);
    }

    /** This promise for a message to several sent as a copy to each: a send in doubt may have reached some of them. */
    public Promise piecemeal() {
        return new Promise(delivery, orderedPerSender, durable, onlineOnly, false, orderAcrossRoutes);
    }

    /**
     * This promise with a sender's order kept on each route alone: a protocol whose messages to a
     * recipient take different ways through the server (XMPP: a chat message straight to the
     * recipient, a room's through the room; MQTT: a topic each) keeps one sender's order on each
     * way, not between them.
     */
    public Promise perRoute() {
        return new Promise(delivery, orderedPerSender, durable, onlineOnly, allOrNothing, false);
    }

    /**
     * The route a message of {@code mode} (as a history records it) takes, for a promise of order
     * per route: one for messages straight to their recipients, one for everyone's, one per group.
     */
    public String route(String mode, String group) {
        if (orderAcrossRoutes || mode == null) {
            return "";
        }
        return switch (mode) {
            case "unicast", "multicast" -> "direct";
            case "group" -> "group " + group;
            default -> mode;
        };
    }

    private java.util.List<String> onlineOnlyNames() {
        return onlineOnly.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether a message sent this way ({@code mode} as a history records it, "unicast") is owed only to those online. */
    public boolean onlineOnly(String mode) {
        return mode != null && onlineOnly.contains(Audience.valueOf(mode.toUpperCase(Locale.ROOT)));
    }

    /** Whether any way of sending is online only. */
    public boolean anyOnlineOnly() {
        return !onlineOnly.isEmpty();
    }

    /** Only at least once allows a second copy; at most once and exactly once do not. */
    public boolean allowsDuplicates() {
        return delivery == Delivery.AT_LEAST_ONCE;
    }

    /** As the reports say it, e.g. "at least once, in order per sender, not across a crash, each of several recipients on its own". */
    public String describe() {
        return delivery.text() + (!orderedPerSender ? ", in any order"
                        : orderAcrossRoutes ? ", in order per sender" : ", in order per sender on each route")
                + (durable ? "" : ", not across a crash") + onlineOnlyText()
                + (allOrNothing ? "" : ", each of several recipients on its own");
    }

    private String onlineOnlyText() {
        if (onlineOnly.isEmpty()) {
            return "";
        }
        if (onlineOnly.size() == Audience.values().length) {
            return ", only to users online";
        }
        return ", " + String.join(" and ", onlineOnlyNames()) + " only to users online";
    }
}

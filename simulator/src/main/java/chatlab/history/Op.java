package chatlab.history;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a line of the history is about: an operation a simulated process invoked and completed
 * (a request), or an event it saw or the lab recorded. The history names each by {@link #wire()},
 * as histories always have; the checkers and measurements switch on the type, so an operation a
 * checker does not know cannot hide behind a misspelt string.
 */
public enum Op {
    // requests: an invocation, then exactly one completion
    /** A chatting user's login, or (with {@code right} set) an attacker's attempt on a victim. */
    LOGIN("login", true, "login"),
    /** A client's own login again after its connection was lost. */
    RECONNECT("reconnect", true, null),
    LOGOUT("logout", true, null),
    /** Set-up creating an account. */
    SIGNUP("signup", true, null),
    /** Set-up making one user block another. */
    BLOCK("block", true, null),
    STATUS("status", true, null),
    WHO("who", true, "who"),
    /** A chat message: unicast, multicast, broadcast, blockcast or to a group. */
    SEND("send", true, "send"),
    POST("post", true, "board"),
    EDIT("edit", true, "board"),
    DELETE("delete", true, "board"),
    READ("read", true, "board"),
    TEMPID("tempid", true, null),
    BEACON("beacon", true, null),
    UPLOAD("upload", true, null),
    /** A file sent peer to peer, from asking for the route to the receiver's verdict. */
    FILE("file", true, "file"),
    /** A direct message, from sending it to its receipt or the relays' answers. */
    DM("dm", true, "dm"),

    // events
    /** A chat message arriving. */
    DELIVER("deliver", false, null),
    /** A client's connection lost. */
    LOST("lost", false, null),
    /** The load's end. */
    END("end", false, null),
    /** Deliveries still missing when the drain's bound passed. */
    PENDING("pending", false, null),
    /** A fault starting, ending, or failing to. */
    FAULT("fault", false, null),
    /** An open session due to arrive. */
    ARRIVAL("arrival", false, null),
    /** A beacon heard by a tracing phone. */
    HEARD("heard", false, null),
    FILE_RECEIVED("file-received", false, null),
    FILE_FAILED("file-failed", false, null),
    /** A user who relays for others going away (churn) or coming back. */
    DM_OFF("dm-off", false, null),
    /** A direct message shown to its recipient. */
    DM_DELIVER("dm-deliver", false, null),
    /** A sender told a held direct message was delivered later. */
    DM_LATER("dm-later", false, null),
    /** A sender told a held direct message expired undelivered. */
    DM_EXPIRED("dm-expired", false, null);

    private static final Map<String, Op> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Op::wire, Function.identity()));

    private final String wire;
    private final boolean request;
    private final String metric;

    Op(String wire, boolean request, String metric) {
        this.wire = wire;
        this.request = request;
        this.metric = metric;
    }

    /** Its name in the history and the reports. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Whether it is invoked and completed, rather than seen. */
    public boolean request() {
        return request;
    }

    /** The latency it is measured under (as thresholds name them), or null when it has none of its own. */
    public String metric() {
        return metric;
    }

    /** The operation a history names; an unknown name is refused, naming it. */
    @JsonCreator
    public static Op of(String wire) {
        Op op = BY_WIRE.get(wire);
        if (op == null) {
            throw new IllegalArgumentException("unknown operation '" + wire + "' in the history; known: "
                    + Arrays.stream(values()).map(Op::wire).collect(Collectors.joining(", ")));
        }
        return op;
    }

    @Override
    public String toString() {
        return wire;
    }
}

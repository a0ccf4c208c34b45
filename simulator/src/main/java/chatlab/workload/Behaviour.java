package chatlab.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a simulated user can do, named as in a scenario's {@code mix}. */
public enum Behaviour {
    UNICAST("unicast"),
    MULTICAST("multicast"),
    BROADCAST("broadcast"),
    BLOCKCAST("blockcast"),
    POST("post"),
    EDIT("edit"),
    DELETE("delete"),
    READ("read"),
    WHO("who"),
    RELOGIN("relogin"),
    WRONG_PASSWORD("wrongPassword"),
    RIGHT_PASSWORD("rightPassword"),
    BEACON("beacon"),
    UPLOAD("upload"),
    SEND_FILE("sendFile"),
    /** A message to the user's named group: every chatting user of the same load group is a member. */
    GROUP("group"),
    /** A status change (online, away, idle or do not disturb), seen by others as an event. */
    STATUS("status"),
    /** A direct message to another user of the group, peer to peer, sealed end to end; relayed by peers if they are offline. */
    DM("dm"),
    /** Churn: the user logs out, stays away for the group's {@code p2p.away}, and logs in again. */
    LEAVE("leave");

    private final String key;

    Behaviour(String key) {
        this.key = key;
    }

    /** The name in scenario files. */
    public String key() {
        return key;
    }

    /** A chat message of some audience. */
    public boolean chat() {
        return this == UNICAST || this == MULTICAST || this == BROADCAST || this == BLOCKCAST || this == GROUP;
    }

    /** A login attempt on a victim's account, by a user who is not logged in. */
    public boolean attack() {
        return this == WRONG_PASSWORD || this == RIGHT_PASSWORD;
    }

    /** Peer to peer over the user's UDP port: a beacon, a contact-log upload, a file, a direct message. */
    public boolean p2p() {
        return this == BEACON || this == UPLOAD || this == SEND_FILE || this == DM;
    }

    static Behaviour parse(String key, ConfigNode at) {
        for (Behaviour b : values()) {
            if (b.key.equalsIgnoreCase(key)) {
                return b;
            }
        }
        throw at.error("unknown behaviour; the behaviours are " + String.join(", ", keys()));
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(Behaviour::key).toList();
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT);
    }
}

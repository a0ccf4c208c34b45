package chatlab.protocol;

/** Who a chat message goes to. */
public enum Audience {
    /** One named user. */
    UNICAST,
    /** A list of named users. */
    MULTICAST,
    /** Every other registered user. */
    BROADCAST,
    /** Every other registered user except a list. */
    BLOCKCAST,
    /** Every other member of a named group. */
    GROUP
}

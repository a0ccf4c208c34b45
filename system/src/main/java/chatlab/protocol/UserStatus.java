package chatlab.protocol;

/**
 * What a user tells others about being reachable (Compsys 302's statuses). Set by the user;
 * {@code idle} is set by the client after a spell without input. {@code dnd}, do not disturb,
 * holds notifications back while messages are still stored and delivered. {@code offline}
 * appears offline: others no longer find the user in {@code who}.
 */
public enum UserStatus {
    ONLINE, AWAY, IDLE, DND, OFFLINE;

    /** The status as written on the wire. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status with the given wire name, or an {@code IllegalArgumentException} naming the choices. */
    public static UserStatus parse(String text) {
        for (UserStatus status : values()) {
            if (status.wire().equals(text) || (status == DND && "do-not-disturb".equals(text))) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "': choose online, away, idle, dnd or offline");
    }
}

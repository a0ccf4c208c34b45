package chatlab.protocol;

/** Whether a user came online or went offline. */
public enum PresenceState {
    ONLINE, OFFLINE
}

package chatlab.protocol;

/**
 * One line of a contact log: a temporary ID heard in a beacon, with the window the beacon
 * carried. Times are BlueTrace timestamps, {@code dd/MM/yyyy HH:mm:ss}.
 */
public record ContactEntry(String tempId, String start, String expiry) {
}

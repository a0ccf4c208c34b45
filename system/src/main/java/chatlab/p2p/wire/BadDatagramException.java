package chatlab.p2p.wire;

/** A datagram that is not a valid chatlab transfer datagram; it is dropped, and this says why. */
public final class BadDatagramException extends Exception {
    /** Why a datagram was dropped, for counters and tests. */
    public enum Reason { TOO_SHORT, BAD_MAGIC, BAD_VERSION, UNKNOWN_KIND, BAD_LENGTH, BAD_CHECKSUM, BAD_AUTH, BAD_BODY }

    private final Reason reason;

    public BadDatagramException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package chatlab.p2p.beacon;

/** A datagram that is not a valid beacon, and why: it is rejected and nothing is stored. */
public final class BeaconException extends Exception {
    /** Why a beacon was rejected. */
    public enum Reason { TRUNCATED, OVERSIZED, WRONG_VERSION, MALFORMED }

    private final Reason reason;

    BeaconException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

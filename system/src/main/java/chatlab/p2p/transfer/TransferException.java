package chatlab.p2p.transfer;

/** A transfer that failed, with a reason a program can act on and a message a person can read. */
public final class TransferException extends Exception {
    /** Why a transfer failed. */
    public enum Reason {
        /** The peer never answered the opening handshake. */
        PEER_UNREACHABLE,
        /** The peer stopped answering mid-transfer. */
        PEER_VANISHED,
        /** The peer gave up and said why. */
        ABORTED_BY_PEER,
        /** The whole file arrived, but its SHA-256 did not match. */
        HASH_MISMATCH,
        /** The file could not be read or written. */
        IO_FAILED,
        /** The transfer ran longer than allowed. */
        TIMED_OUT
    }

    private final Reason reason;

    public TransferException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TransferException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

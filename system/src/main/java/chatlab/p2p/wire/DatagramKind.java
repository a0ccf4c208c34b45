package chatlab.p2p.wire;

/**
 * The kinds of transfer datagram, named for what reads headers without decoding them (traces):
 * their codes on the wire are {@link DatagramCodec}'s (docs/PROTOCOL.md, "Datagram format").
 * Codes below 17 are the sender's, from 17 on the receiver's.
 */
public enum DatagramKind {
    SYN(DatagramCodec.SYN),
    DATA(DatagramCodec.DATA),
    FIN(DatagramCodec.FIN),
    SENDER_ABORT(DatagramCodec.ABORT_FROM_SENDER),
    SYN_ACK(DatagramCodec.SYN_ACK),
    ACK(DatagramCodec.ACK),
    FIN_ACK(DatagramCodec.FIN_ACK),
    RECEIVER_ABORT(DatagramCodec.ABORT_FROM_RECEIVER);

    private static final DatagramKind[] BY_CODE = new DatagramKind[32];

    static {
        for (DatagramKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final byte code;

    DatagramKind(byte code) {
        this.code = code;
    }

    /** Whether the transfer's sender (rather than its receiver) sends this kind. */
    public boolean fromSender() {
        return code < DatagramCodec.SYN_ACK;
    }

    /** The name a trace gives it: the two aborts are both ABORT, told apart by who sent them. */
    public String label() {
        return this == SENDER_ABORT || this == RECEIVER_ABORT ? "ABORT" : name();
    }

    /** The kind with this wire code, or null if there is none. */
    static DatagramKind ofCode(byte code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

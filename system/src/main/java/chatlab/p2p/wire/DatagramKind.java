package chatlab.p2p.wire;

/**
 * The kinds of transfer datagram and their codes on the wire (docs/PROTOCOL.md, "Datagram
 * format"). Codes below 17 are the sender's, from 17 on the receiver's.
 */
public enum DatagramKind {
    SYN(1),
    DATA(2),
    FIN(3),
    SENDER_ABORT(4),
    SYN_ACK(17),
    ACK(18),
    FIN_ACK(19),
    RECEIVER_ABORT(20);

    /** The first code of a datagram from the receiver. */
    static final byte FIRST_RECEIVER_CODE = 17;
    private static final DatagramKind[] BY_CODE = new DatagramKind[32];

    static {
        for (DatagramKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    final byte code;

    DatagramKind(int code) {
        this.code = (byte) code;
    }

    /** Whether the transfer's sender (rather than its receiver) sends this kind. */
    public boolean fromSender() {
        return code < FIRST_RECEIVER_CODE;
    }

    /** The name a trace gives it: the two aborts are both ABORT, told apart by who sent them. */
    public String label() {
        return this == SENDER_ABORT || this == RECEIVER_ABORT ? "ABORT" : name();
    }

    public static DatagramKind of(Datagram datagram) {
        return switch (datagram) {
            case Datagram.Syn x -> SYN;
            case Datagram.Data x -> DATA;
            case Datagram.Fin x -> FIN;
            case Datagram.SynAck x -> SYN_ACK;
            case Datagram.Ack x -> ACK;
            case Datagram.FinAck x -> FIN_ACK;
            case Datagram.Abort abort -> abort.fromSender() ? SENDER_ABORT : RECEIVER_ABORT;
        };
    }

    /** The kind with this wire code, or null if there is none. */
    static DatagramKind ofCode(byte code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

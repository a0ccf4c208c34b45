package chatlab.p2p.wire;

import chatlab.p2p.arq.Strategy;
import java.util.Arrays;

/**
 * Every datagram of a file transfer (docs/PROTOCOL.md, "Peer-to-peer datagrams"). Sequence
 * numbers here are the 32-bit numbers on the wire. The sender's datagrams are Syn, Data, Fin
 * and its Abort; the receiver's are SynAck, Ack, FinAck and its Abort.
 */
public sealed interface Datagram {
    long transferId();

    /** Whether the transfer's sender (rather than its receiver) sends this kind of datagram. */
    boolean fromSender();

    /** Opens a transfer: its first sequence number, strategy, window, chunk size and length. */
    record Syn(long transferId, long isn, Strategy strategy, int window, int chunkSize, long segments, long fileSize)
            implements Datagram {
        @Override
        public boolean fromSender() {
            return true;
        }
    }

    /** The receiver is ready. */
    record SynAck(long transferId) implements Datagram {
        @Override
        public boolean fromSender() {
            return false;
        }
    }

    /** One chunk of the file. */
    record Data(long transferId, long seq, byte[] chunk) implements Datagram {
        @Override
        public boolean fromSender() {
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && d.transferId == transferId && d.seq == seq && Arrays.equals(d.chunk, chunk);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(transferId) * 31 + Long.hashCode(seq);
        }

        @Override
        public String toString() {
            return "Data[transferId=" + transferId + ", seq=" + seq + ", " + chunk.length + " bytes]";
        }
    }

    /**
     * Every segment before {@code cumulative} arrived; {@code selective}, when not -1, names one
     * more that arrived (Selective Repeat). {@code echo} is the packet number of the data
     * datagram that prompted this acknowledgement, or -1 if none did (a keepalive), so that the
     * sender knows which transmission it answers and can time every one, retransmissions too.
     */
    record Ack(long transferId, long cumulative, long selective, long echo) implements Datagram {
        /** An acknowledgement that answers no datagram in particular. */
        public Ack(long transferId, long cumulative, long selective) {
            this(transferId, cumulative, selective, -1);
        }

        @Override
        public boolean fromSender() {
            return false;
        }
    }

    /** Every segment has been acknowledged: the receiver should check the file. */
    record Fin(long transferId, long seq) implements Datagram {
        @Override
        public boolean fromSender() {
            return true;
        }
    }

    /** The receiver's verdict on the whole file. */
    record FinAck(long transferId, FinStatus status) implements Datagram {
        @Override
        public boolean fromSender() {
            return false;
        }
    }

    /** Gives up on the transfer, and says why. */
    record Abort(long transferId, boolean fromSender, String reason) implements Datagram {
    }

    /** What the receiver made of the file. */
    enum FinStatus {
        /** Complete, and its SHA-256 matched: saved under its final name. */
        SAVED,
        /** Complete, but its SHA-256 did not match: discarded. */
        HASH_MISMATCH,
        /** It could not be written: discarded. */
        WRITE_FAILED
    }
}

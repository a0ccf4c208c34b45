package chatlab.p2p.trace;

import chatlab.p2p.arq.ArqEvents;
import chatlab.p2p.impair.FateObserver;
import chatlab.p2p.wire.Datagram;
import java.nio.ByteBuffer;

/**
 * Where a transfer tells what happens to it, for a trace: every datagram sent and received,
 * what the impairer did to it, and what the sender's timers and window did. {@link #OFF}, the
 * default, does nothing: the transfer code asks {@link #on()} before it prepares anything to
 * tell, so a transfer without a trace pays one branch per datagram.
 *
 * <p>A datagram is known by its packet number, which each side numbers 0, 1, 2… and never
 * repeats within a transfer. The sides tell what they send and receive with the encoded bytes,
 * whose clear header names the kind, packet number and sequence number; the impairer, which does
 * not read what it carries, hands over the same bytes, so its fates join the sends by packet
 * number too. One trace may serve both sides of a transfer (the lab's) or one (a client's).
 */
public interface TransferTrace extends ArqEvents, FateObserver, AutoCloseable {
    TransferTrace OFF = new TransferTrace() {
    };

    /** Whether anything is recorded; false for {@link #OFF}. */
    default boolean on() {
        return false;
    }

    /** {@code side} sent {@code datagram}, encoded from {@code decoded}, for the {@code transmission}-th time. */
    default void sent(Side side, byte[] datagram, Datagram decoded, int transmission) {
    }

    /** {@code side} received {@code datagram}; {@code decoded} is null when it failed its checks and was dropped. */
    default void received(Side side, ByteBuffer datagram, Datagram decoded) {
    }

    /** The receiver threw a DATA segment away: one it had already, out of order for Go-Back-N, or outside its window. */
    default void discarded(long segment) {
    }

    /** The sender's window is now [{@code base}, {@code next}) and its timeout {@code rtoNanos}. */
    default void window(long base, long next, long rtoNanos) {
    }

    @Override
    default void fate(byte[] datagram, Outcome outcome) {
    }

    /** Ends the trace; what is told afterwards is not recorded. */
    @Override
    default void close() {
    }
}

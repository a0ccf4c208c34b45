package chatlab.p2p.impair;

/**
 * Told what an impairer did to a datagram, for a trace. The impairer does not read what it
 * carries, so it hands over the datagram it was offered (not a corrupted copy), valid only
 * during the call; whoever listens reads from it what it needs to know which datagram it was.
 * Called on the thread that offered the datagram; delivered datagrams are not told.
 */
@FunctionalInterface
public interface FateObserver {
    /** What became of a datagram. */
    enum Outcome {
        /** Lost in transit, after its place in the queue and its link time. */
        LOST,
        /** Dropped before the link because the queue was full (a copy of a duplicated datagram, too). */
        QUEUE_DROP,
        /** Delivered twice. */
        DUPLICATED,
        /** Delivered with one bit flipped. */
        CORRUPTED
    }

    void fate(byte[] datagram, Outcome outcome);
}

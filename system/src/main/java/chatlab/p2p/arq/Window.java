package chatlab.p2p.arq;

/**
 * Per-segment bookkeeping for the segments in flight, in rings indexed by segment modulo the
 * window: when each was last sent, how often, and whether it was acknowledged on its own.
 */
final class Window {
    final int size;
    private final long[] sentAt;
    private final int[] transmissions;
    private final long[] deadline;
    private final boolean[] acked;

    Window(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a window holds at least one segment, not " + size);
        }
        this.size = size;
        sentAt = new long[size];
        transmissions = new int[size];
        deadline = new long[size];
        acked = new boolean[size];
    }

    private int slot(long index) {
        return (int) (index % size);
    }

    void sent(long index, long now, long timeout, SenderStats stats) {
        int slot = slot(index);
        sentAt[slot] = now;
        deadline[slot] = now + timeout;
        stats.transmissions++;
        if (transmissions[slot]++ > 0) {
            stats.retransmissions++;
        }
    }

    void fresh(long index) {
        int slot = slot(index);
        transmissions[slot] = 0;
        acked[slot] = false;
    }

    /** The round-trip time of a segment sent exactly once, or -1 (Karn's rule). */
    long rttIfSentOnce(long index, long now) {
        int slot = slot(index);
        return transmissions[slot] == 1 ? now - sentAt[slot] : -1;
    }

    /** How many times the segment has been sent. */
    int transmissions(long index) {
        return transmissions[slot(index)];
    }

    long deadline(long index) {
        return deadline[slot(index)];
    }

    boolean acked(long index) {
        return acked[slot(index)];
    }

    void ack(long index) {
        acked[slot(index)] = true;
    }
}

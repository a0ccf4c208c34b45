package chatlab.p2p.arq;

/**
 * Per-segment bookkeeping for the segments in flight, in rings indexed by segment modulo the
 * window: when each was last sent and in which order, how often, when its own timer expires (if
 * the sender keeps one per segment), and whether it was acknowledged on its own.
 */
final class Window {
    final int size;
    private final long[] sentAt;
    private final long[] order;
    private final int[] transmissions;
    private final long[] deadline;
    private final boolean[] acked;
    private long sends;

    Window(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a window holds at least one segment, not " + size);
        }
        this.size = size;
        sentAt = new long[size];
        order = new long[size];
        transmissions = new int[size];
        deadline = new long[size];
        acked = new boolean[size];
    }

    private int slot(long index) {
        return (int) (index % size);
    }

    /** The segment goes out now, and takes the next place in sending order. */
    void sent(long index, long now, SenderStats stats) {
        int slot = slot(index);
        sentAt[slot] = now;
        order[slot] = sends++;
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

    /** The place of the segment's latest transmission in the order of all transmissions, from 0. */
    long order(long index) {
        return order[slot(index)];
    }

    /** When the segment's own timer expires. */
    long deadline(long index) {
        return deadline[slot(index)];
    }

    /** (Re)starts the segment's own timer, to expire at {@code at}. */
    void arm(long index, long at) {
        deadline[slot(index)] = at;
    }

    boolean acked(long index) {
        return acked[slot(index)];
    }

    void ack(long index) {
        acked[slot(index)] = true;
    }
}

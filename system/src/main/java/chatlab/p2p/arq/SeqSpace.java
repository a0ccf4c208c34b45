package chatlab.p2p.arq;

/**
 * 32-bit sequence numbers on the wire. A transfer starts at a random initial sequence number
 * (ISN), so its numbers may wrap past 2^32 - 1 to 0. The state machines count segments with
 * absolute 64-bit indexes; these helpers convert at the wire boundary.
 */
public final class SeqSpace {
    /** The number of distinct sequence numbers. */
    public static final long MODULUS = 1L << 32;
    private static final long MASK = MODULUS - 1;

    private SeqSpace() {
    }

    /** The wire sequence number of absolute segment {@code index} in a transfer starting at {@code isn}. */
    public static long wrap(long isn, long index) {
        return (isn + index) & MASK;
    }

    /**
     * The absolute index whose wire number is {@code seq}, taking the one nearest to {@code near}
     * (an index the receiver expects), so that numbers that wrapped past zero land after the wrap.
     */
    public static long unwrap(long isn, long seq, long near) {
        long delta = (seq - wrap(isn, near)) & MASK;
        if (delta >= MODULUS / 2) {
            delta -= MODULUS;
        }
        return near + delta;
    }
}

package chatlab.p2p.impair;

import java.util.SplittableRandom;

/**
 * Deals the fate of each datagram from one seed: the n-th datagram through a source always gets
 * the same fate for the same seed. Draws happen in a fixed order per datagram, whatever the
 * outcome, so one datagram's fate never shifts another's. Pure, no I/O.
 */
public final class FateSource {
    private final Impairment impairment;
    private final SplittableRandom random;
    private final LossModel loss;
    private final long reorderHold;

    public FateSource(Impairment impairment, long seed) {
        this.impairment = impairment;
        this.random = new SplittableRandom(seed);
        this.loss = impairment.lossModel();
        // A reordered datagram waits long enough to be overtaken by the next few.
        this.reorderHold = Math.max(2_000_000, Math.max(impairment.delay().toNanos() / 2, 2 * impairment.jitter().toNanos()));
    }

    /** The fate of the next datagram, {@code lengthBytes} long. */
    public synchronized Fate next(int lengthBytes) {
        boolean lost = loss.lose(random);
        boolean duplicated = random.nextDouble() < impairment.duplicate();
        boolean reordered = random.nextDouble() < impairment.reorder();
        boolean corrupted = random.nextDouble() < impairment.corrupt();
        int bit = random.nextInt(Math.max(1, lengthBytes * 8));
        long jitter = impairment.jitter().toNanos();
        long first = jitter == 0 ? 0 : random.nextLong(2 * jitter + 1) - jitter;
        long second = jitter == 0 ? 0 : random.nextLong(2 * jitter + 1) - jitter;
        if (lost) {
            return new Fate(true, new long[0], -1);
        }
        long hold = reordered ? reorderHold : 0;
        long[] delays = duplicated ? new long[] {first + hold, second + hold} : new long[] {first + hold};
        return new Fate(false, delays, corrupted && lengthBytes > 0 ? bit : -1);
    }
}

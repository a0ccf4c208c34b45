package chatlab.p2p.impair;

/**
 * What happens to one datagram: lost, or delivered once or twice, each copy held back by its
 * own extra delay, and perhaps with one bit flipped.
 */
public record Fate(boolean lost, long[] extraDelayNanos, int corruptBit) {
    static final Fate CLEAN = new Fate(false, new long[] {0}, -1);

    public int copies() {
        return lost ? 0 : extraDelayNanos.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fate f && f.lost == lost && f.corruptBit == corruptBit
                && java.util.Arrays.equals(f.extraDelayNanos, extraDelayNanos);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(extraDelayNanos) * 31 + corruptBit + (lost ? 1 : 0);
    }
}

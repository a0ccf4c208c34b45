package chatlab.lab;

/** Derives independent seeds from one: the same inputs always give the same seed (SplitMix64). */
public final class Seeds {
    private Seeds() {
    }

    public static long derive(long base, long... parts) {
        long z = base;
        for (long part : parts) {
            z = mix(z + 0x9E3779B97F4A7C15L * (part + 1));
        }
        return z;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

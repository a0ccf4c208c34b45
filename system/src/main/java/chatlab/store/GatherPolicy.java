package chatlab.store;

/**
 * Whether a gathered transaction's caller should let others go first ({@link
 * Database#gatheredTransaction}): yes while gathered transactions arrive, on average, closer
 * together than {@link #WITHIN_COMMITS} commits last, since then others are likely on their way.
 * Both are moving averages (a new value weighs one eighth), in nanoseconds of the caller's clock.
 * Updated without a lock: a lost update only blurs them.
 */
final class GatherPolicy {
    /** How many commits' length apart gathered transactions may arrive, on average, and still wait for each other. */
    static final int WITHIN_COMMITS = 4;
    /** The weight of a new value in the moving averages: one eighth. */
    private static final int AVERAGE_SHIFT = 3;
    /** The longest gap counted, so that a quiet hour does not take long to forget. */
    private static final long LONGEST_GAP = 1_000_000_000L;

    private volatile long lastArrival;
    private volatile long arrivalGap;
    private volatile long commitLength;

    GatherPolicy(long now) {
        this.lastArrival = now;
    }

    /** Counts a gathered transaction's arrival at {@code now}; whether it should wait for others. */
    boolean arrived(long now) {
        long gap = Math.min(now - lastArrival, LONGEST_GAP);
        lastArrival = now;
        long average = arrivalGap + ((gap - arrivalGap) >> AVERAGE_SHIFT);
        arrivalGap = average;
        return average < WITHIN_COMMITS * commitLength;
    }

    /** Counts a commit that lasted {@code length} nanoseconds. */
    void committed(long length) {
        long average = commitLength;
        commitLength = average == 0 ? length : average + ((length - average) >> AVERAGE_SHIFT);
    }
}

package chatlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a gathered transaction's caller waits for others, on a clock the test sets. */
class GatherPolicyTest {
    private static final long MICROS = 1_000L;

    private long now = 1_000_000_000L;
    private final GatherPolicy policy = new GatherPolicy(now);

    /** Counts {@code count} arrivals {@code gap} apart; whether the last one waited. */
    private boolean arrivals(int count, long gap) {
        boolean waits = false;
        for (int i = 0; i < count; i++) {
            now += gap;
            waits = policy.arrived(now);
        }
        return waits;
    }

    private void commits(int count, long length) {
        for (int i = 0; i < count; i++) {
            policy.committed(length);
        }
    }

    @Test
    void beforeAnyCommitNoArrivalWaits() {
        assertThat(arrivals(32, 1 * MICROS)).isFalse();
    }

    @Test
    void arrivalsCloserThanFourCommitsWaitAndSparseOnesDoNot() {
        commits(8, 50 * MICROS);
        assertThat(arrivals(1, 10 * MICROS)).as("the first of a burst").isTrue();
        assertThat(arrivals(32, 10 * MICROS)).as("a burst, 10 µs apart").isTrue();
        assertThat(arrivals(32, 1_000 * MICROS)).as("1 ms apart").isFalse();
        assertThat(arrivals(32, 10 * MICROS)).as("a burst again").isTrue();
        assertThat(arrivals(32, 250 * MICROS)).as("just over four commits apart").isFalse();
        assertThat(arrivals(64, 150 * MICROS)).as("just under four commits apart").isTrue();
    }

    @Test
    void longerCommitsWidenWhatCountsAsClose() {
        commits(8, 50 * MICROS);
        assertThat(arrivals(32, 400 * MICROS)).isFalse();
        commits(64, 200 * MICROS);
        assertThat(arrivals(32, 400 * MICROS)).isTrue();
    }

    @Test
    void aQuietHourCountsAsOneSecondSoABurstAfterItSoonWaitsAgain() {
        commits(8, 50 * MICROS);
        arrivals(32, 10 * MICROS);
        now += 3_600_000_000_000L;
        assertThat(policy.arrived(now)).as("the first after an hour").isFalse();
        assertThat(arrivals(64, 10 * MICROS)).as("a burst of 64 after it").isTrue();
    }
}

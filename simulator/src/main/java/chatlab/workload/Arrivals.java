package chatlab.workload;

import chatlab.lab.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When the sessions of an open group arrive: a Poisson process at the group's rate, seeded from
 * the run's seed and the group, so the same seed gives the same arrival times.
 */
public final class Arrivals {
    /** Streams above this number are sessions, below it closed users; they never meet. */
    public static final long SESSION_STREAMS = 1L << 32;

    private Arrivals() {
    }

    /** Arrival offsets from the start of the load, in nanoseconds, up to {@code durationNanos}. */
    public static List<Long> schedule(long seed, int groupIndex, LoadModel.Open model, long durationNanos) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, groupIndex, -1));
        double meanGap = 1e9 / model.rate();
        List<Long> times = new ArrayList<>();
        double t = 0;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) * meanGap;
            if (t >= durationNanos || times.size() >= 50_000_000) {
                return times;
            }
            times.add((long) t);
        }
    }
}

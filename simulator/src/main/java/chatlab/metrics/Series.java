package chatlab.metrics;

import java.util.List;
import java.util.Map;

/**
 * A run second by second from the start of the load: operations by outcome, deliveries, users
 * online, latency percentiles by metric (ms, NaN where nothing ended), and the faults in force.
 * The first {@code warmUpSeconds} were warm-up, left out of the whole run's figures.
 * {@code faultErrors} are the faults the nemesis could not start or end, with the reason.
 */
public record Series(int seconds, long[] ok, long[] failed, long[] inDoubt, long[] deliveries, long[] online,
        Map<String, double[]> p50, Map<String, double[]> p99, Map<String, double[]> max, List<FaultSpan> faults,
        double loadEndSecond, double warmUpSeconds, List<String> faultErrors) {

    public Series {
        faultErrors = faultErrors == null ? List.of() : List.copyOf(faultErrors);
    }

    /** The most any fault took effect after the moment scheduled for it, in seconds (0 with no faults). */
    public double faultsLate() {
        return faults.stream().mapToDouble(FaultSpan::lateSeconds).max().orElse(0);
    }

    /**
     * A fault in force from {@code start} to {@code end}, in seconds since the load began;
     * {@code lateSeconds}, the most its start or end came after the moment scheduled for it.
     */
    public record FaultSpan(int id, String kind, String description, double start, double end, double lateSeconds) {
        public FaultSpan(int id, String kind, String description, double start, double end) {
            this(id, kind, description, start, end, 0);
        }
    }
}

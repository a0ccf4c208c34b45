package chatlab.metrics;

import java.util.List;
import java.util.Map;

/**
 * A run second by second from the start of the load: operations by outcome, deliveries, users
 * online, latency percentiles by metric (ms, NaN where nothing ended), and the faults in force.
 * The first {@code warmUpSeconds} were warm-up, left out of the whole run's figures.
 */
public record Series(int seconds, long[] ok, long[] failed, long[] inDoubt, long[] deliveries, long[] online,
        Map<String, double[]> p50, Map<String, double[]> p99, Map<String, double[]> max, List<FaultSpan> faults,
        double loadEndSecond, double warmUpSeconds) {

    /** A fault in force from {@code start} to {@code end}, in seconds since the load began. */
    public record FaultSpan(int id, String kind, String description, double start, double end) {
    }
}

package chatlab.metrics;

import chatlab.checker.Validity;
import chatlab.checker.Verdict;
import java.util.List;
import java.util.Map;

/** What a run found: the checkers' verdicts, the latencies, throughput, errors, and the thresholds' outcome. */
public record Results(Validity validity, List<Verdict> verdicts, Map<String, LatencySummary> latency, Throughput throughput,
        Errors errors, List<ThresholdResult> thresholds, boolean passed) {

    /** Completed operations and deliveries per second over the {@code loadSeconds} measured (the load after any warm-up). */
    public record Throughput(double loadSeconds, long ops, long deliveries, double opsPerSecond, double deliveriesPerSecond,
            long peakOnline) {
    }

    /**
     * Failures by code; {@code unexpected} are the failures that are not part of the workload's
     * nature (a wrong password, a race on the board), {@code rate} their share of all completed
     * operations; {@code inDoubt} ended without an answer.
     */
    public record Errors(long failed, long unexpected, long inDoubt, double rate, Map<String, Long> byCode) {
    }

    /** A threshold, the measured value (ms, a count, a share, or per second) and whether it passed. */
    public record ThresholdResult(String text, double actual, boolean passed) {
    }
}
